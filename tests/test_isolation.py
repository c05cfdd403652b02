"""Two offices on one install: nothing of office A reaches anyone acting for office B.

Office A is the demo office; office B is a second office with one user per role
(``tests.utils.offices``). Every office-owned record of A carries a marker word; each test asks as
one of B's people, through A's own host name (the strongest case: the request says "A", the user
belongs to B), and the marker must not come back.

The matrix walks every admin URL of the app as the URL resolver lists it (the hand-written screens,
the viewsets and the modeladmin screens), so a new screen is covered the day it is added.
"""

import io
import json

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.documents import get_document_model

from tests.utils.offices import (
    HOST_A,
    HOST_B,
    MARK_A,
    ROLES_B,
    build_office_b,
    mark_office_a,
)
from wagtail_disclosure.models import (
    CorruptionComplaintPage,
    DocumentAttachment,
    DocumentPage,
    IndicatorPage,
    Person,
    WorkGroup,
)
from wagtail_disclosure.models.media import save_rights
from wagtail_disclosure.submissions import notifications

pytestmark = pytest.mark.django_db


@pytest.fixture
def offices(demo):
    b = build_office_b()
    return {"a": demo["site"], "b": b, "marked": mark_office_a(demo["site"])}


def client_for(username, host=HOST_A):
    client = Client(HTTP_HOST=host)
    client.force_login(get_user_model().objects.get(username=username))
    return client


def text_of(response):
    """What a response shows, spreadsheets and streamed downloads included."""
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    if body[:2] == b"PK":  # XLSX
        book = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
        return " ".join(
            str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row
        )
    return body.decode("utf-8", errors="replace")


def shows_mark(response):
    return MARK_A in text_of(response)


# --- the known leaks, one by one ----------------------------------------------------------------


def test_integrity_officer_of_b_reads_no_complaint_of_a(offices):
    complaint = offices["marked"]["complaint"]
    client = client_for("b_integrity")
    for url in (
        reverse("wagtail_disclosure_admin:complaints"),
        reverse("wagtail_disclosure_admin:complaints") + "?export=csv",
        reverse("wagtail_disclosure_admin:complaints") + "?export=xlsx",
        reverse("wagtail_disclosure_admin:complaint", args=[complaint.pk]),
    ):
        response = client.get(url)
        assert not shows_mark(response), url
    detail = reverse("wagtail_disclosure_admin:complaint", args=[complaint.pk])
    assert client.get(detail).status_code in (403, 404)
    status = client.post(detail, {"status": "investigating"})
    assert status.status_code in (403, 404)
    complaint.refresh_from_db()
    assert complaint.status == "received"


def test_integrity_officer_of_a_still_reads_them(offices):
    complaint = offices["marked"]["complaint"]
    client = client_for("integrity")
    assert shows_mark(client.get(reverse("wagtail_disclosure_admin:complaints")))
    detail = client.get(reverse("wagtail_disclosure_admin:complaint", args=[complaint.pk]))
    assert detail.status_code == 200 and shows_mark(detail)


def test_editors_of_b_neither_read_nor_answer_questions_of_a(offices):
    question = offices["marked"]["question"]
    client = client_for("b_author")
    assert not shows_mark(client.get(reverse("wagtail_disclosure_admin:questions")))
    url = reverse("wagtail_disclosure_admin:question", args=[question.pk])
    assert client.get(url).status_code in (403, 404)
    answer = client.post(url, {"action": "answer", "answer": "คำตอบจากสำนักงาน ข"})
    assert answer.status_code in (403, 404)
    question.refresh_from_db()
    assert question.answer == "" and question.status == "pending"


def test_editors_of_b_read_no_feedback_of_a(offices):
    feedback = offices["marked"]["feedback"]
    client = client_for("b_author")
    assert not shows_mark(client.get(reverse("wagtail_disclosure_admin:feedback_list")))
    url = reverse("wagtail_disclosure_admin:feedback", args=[feedback.pk])
    assert client.get(url).status_code in (403, 404)
    client.post(url, {"response": "ตอบจาก ข"})
    feedback.refresh_from_db()
    assert feedback.response == ""


@pytest.mark.parametrize("username", ["b_author", "b_integrity", "b_director"])
def test_personal_data_request_of_b_finds_nothing_of_a(offices, username):
    """The query itself names the person (and is shown back); what A holds must not come back."""
    client = client_for(username)
    url = reverse("wagtail_disclosure_admin:personal_data")
    query = {"email": f"{MARK_A}@example.org", "name": f"ผู้ร้อง {MARK_A}", "phone": ""}
    held = [f"คำถาม {MARK_A}", f"ความเห็น {MARK_A}", f"เรื่องร้องเรียน {MARK_A}"]
    html = text_of(client.get(url, query))
    assert not [text for text in held if text in html]
    download = client.get(url, dict(query, download="1"))
    if download.status_code == 200:
        data = json.loads(text_of(download))
        assert not any(data.values()), data


def test_personal_data_request_of_a_finds_what_a_holds(offices):
    client = client_for("integrity")
    url = reverse("wagtail_disclosure_admin:personal_data")
    query = {"email": f"{MARK_A}@example.org", "name": "", "phone": "", "download": "1"}
    data = json.loads(text_of(client.get(url, query)))
    assert data["questions"] and data["feedback"] and data["complaints"]


def test_page_of_a_refuses_work_group_of_b(offices):
    b_group = WorkGroup.objects.get(site=offices["b"]["site"], code="policy")
    page = DocumentPage.objects.live().filter(path__startswith=offices["a"].root_page.path).first()
    page.responsible_group = b_group
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    assert "responsible_group" in refused.value.message_dict


def test_director_of_b_sees_no_approval_history_of_a(offices):
    client = client_for("b_director")
    response = client.get(reverse("wagtail_disclosure_admin:approval_history"))
    assert not shows_mark(response)
    draft = offices["marked"]["draft"]
    one_page = client.get(reverse("wagtail_disclosure_admin:approval_history"), {"page": draft.pk})
    assert one_page.status_code in (302, 403, 404) and not shows_mark(one_page)


def test_supervisor_of_b_sees_no_readiness_of_a_through_its_host_name(offices):
    a_only = DocumentPage.objects.get(slug="structure").title  # office A's live O1 page
    client = client_for("b_supervisor", host=HOST_A)
    response = client.get(reverse("wagtail_disclosure_admin:oit_readiness"))
    assert response.status_code == 200
    assert a_only not in text_of(response)
    assert "สพป.ข" in text_of(response) or response.context["office"].short_name == "สพป.ข"


def test_indicator_page_of_a_lists_only_its_own_content(offices):
    a_o1 = IndicatorPage.objects.get(item__code="O1", path__startswith=offices["a"].root_page.path)
    html = Client(HTTP_HOST=HOST_A).get(a_o1.url).content.decode()
    assert offices["b"]["page"].title not in html
    b_html = Client(HTTP_HOST=HOST_B).get(offices["b"]["o1"].url).content.decode()
    assert offices["b"]["page"].title in b_html
    assert DocumentPage.objects.get(slug="structure").title not in b_html


def test_roles_are_per_office(offices):
    """The integrity officer of B who is an author in A reads no complaint of A."""
    user = get_user_model().objects.get(username="b_integrity")
    Person.objects.create(
        site=offices["a"], user=user, full_name="b_integrity ใน ก", role=Person.Role.AUTHOR
    )
    client = client_for("b_integrity")
    session = client.session
    session["wagtail_disclosure_office"] = offices["a"].pk
    session.save()
    assert not shows_mark(client.get(reverse("wagtail_disclosure_admin:complaints")))


def test_a_person_of_two_offices_picks_the_office_they_act_for(offices):
    user = get_user_model().objects.get(username="b_supervisor")
    Person.objects.create(
        site=offices["a"], user=user, full_name="ผู้นิเทศ ก", role=Person.Role.SUPERVISOR
    )
    client = client_for("b_supervisor", host=HOST_B)
    readiness = reverse("wagtail_disclosure_admin:oit_readiness")
    assert client.get(readiness).context["office"].short_name == "สพป.ข"
    switch = reverse("wagtail_disclosure_admin:office_switch")
    assert client.post(switch, {"office": offices["a"].pk, "next": readiness}).status_code == 302
    assert client.get(readiness).context["office"].short_name == "สพป.ตัวอย่าง เขต ๑"
    # An office the user has no role in cannot be chosen.
    other = get_user_model().objects.get(username="b_author")
    client = client_for("b_author", host=HOST_B)
    assert client.post(switch, {"office": offices["a"].pk}).status_code == 400
    assert client.session.get("wagtail_disclosure_office") != offices["a"].pk
    assert other  # b_author acts for B only


def test_a_draft_attachment_of_a_is_served_to_a_only(offices):
    """A file a draft of A attaches is not public yet: A's author reads it, B's people do not."""
    author = get_user_model().objects.get(username="author")
    document = get_document_model()(title=f"แนบร่าง {MARK_A}", uploaded_by_user=author)
    document.file.save(f"{MARK_A}.pdf", ContentFile(b"%PDF-1.4\n%%EOF"), save=False)
    document.save()
    save_rights(document, {"source": "กลุ่มนโยบายและแผน", "licence": "own"})  # uploaded since
    draft = DocumentPage.objects.get(pk=offices["marked"]["draft"].pk)
    draft.attachments.add(DocumentAttachment(document=document))
    draft.save()
    url = document.url
    assert client_for("author").get(url).status_code == 200  # the uploader
    assert client_for("director").get(url).status_code == 200  # of the office whose draft uses it
    for username, *_rest in ROLES_B:
        response = client_for(username, HOST_B).get(url)
        assert response.status_code == 404, username
    assert Client(HTTP_HOST=HOST_A).get(url).status_code == 404


def test_complaint_filed_in_a_mails_only_a_integrity_group(offices, mailoutbox):
    complaint = offices["marked"]["complaint"]
    complaint.page = CorruptionComplaintPage.objects.get(
        path__startswith=offices["a"].root_page.path
    )
    mail.outbox.clear()
    notifications.submission_received(complaint)
    recipients = {address for message in mail.outbox for address in message.to + message.bcc}
    assert not any(address.endswith("@office-b.example") for address in recipients)


# --- the matrix: every admin URL of the app, as every role of office B --------------------------


def _app_admin_patterns():
    """(name, route, converters) of every URL of the app's admin, from the URL resolver."""
    found = []

    def walk(resolver, prefix, namespace):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                ns = entry.namespace
                full = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
                walk(entry, prefix + str(entry.pattern), full)
            elif isinstance(entry, URLPattern) and entry.name:
                route = prefix + str(entry.pattern)
                ours = (namespace or "").startswith("wagtail_disclosure_admin") or (
                    entry.name.startswith("wagtail_disclosure_") and route.startswith("admin/")
                )
                if ours:
                    name = f"{namespace}:{entry.name}" if namespace else entry.name
                    found.append((name, route, entry.pattern.converters))

    walk(get_resolver(), "", None)
    return found


def _candidate_urls(name, route, converters, marked):
    """The URL filled in with each of A's records' keys (whichever model the URL is about)."""
    specific = {
        "revision_id": [marked["revision"].pk],
        "page_id": [marked["draft"].pk],
        "evidence_pk": [marked["evidence"].pk],
        "key": ["x"],
    }
    if not converters:
        return [reverse(name)]
    keys = sorted({record.pk for record in marked.values() if hasattr(record, "pk")})
    urls = []
    for key in keys:
        kwargs = {}
        for param in converters:
            kwargs[param] = specific.get(param, [key])[0]
        if "evidence_pk" in kwargs:
            kwargs["pk"] = marked["complaint"].pk
        urls.append(reverse(name, kwargs=kwargs))
    return sorted(set(urls))


# A search for the start of the marker finds A's records, yet its echo in the search box is not
# the marker itself.
EXTRAS = ["", "?export=csv", "?export=xlsx", f"?q={MARK_A[:8]}"]


def _urls_showing_mark(client, marked):
    """Every admin URL of the app (with A's keys, exports and a search) whose answer shows A."""
    patterns = _app_admin_patterns()
    assert len(patterns) > 60  # the resolver was read, not a hand-kept list
    shown = []
    for name, route, converters in patterns:
        extras = ["?format=pdf"] if "print" in name or "annual" in name else []
        extras += EXTRAS if not converters else [""]
        for url in _candidate_urls(name, route, converters, marked):
            for extra in extras:
                response = client.get(url + extra)
                if response.status_code == 200 and shows_mark(response):
                    shown.append(url + extra)
    return shown


@pytest.mark.parametrize("username", [username for username, *_ in ROLES_B])
def test_no_admin_view_of_the_app_shows_office_a_to_office_b(offices, username):
    leaks = _urls_showing_mark(client_for(username), offices["marked"])
    assert not leaks, "\n".join(leaks)


def test_the_walk_reaches_office_a_records_for_office_a(offices):
    """The same walk as A's own administrator sees A's records: the matrix is not vacuous."""
    shown = " ".join(_urls_showing_mark(client_for("admin"), offices["marked"]))
    for part in (
        "/submissions/questions/",
        "/submissions/feedback/",
        "/submissions/survey/?export=csv",
        "/work-groups/",
        "/people/",
        "/channel-log/",
        "/tracking-forms/",
        "/operating-calendar/",
        "/approval/history/",
        "/appointment-orders/",
        "/print/appointment-order/",
        "/reports/web-officers/",
    ):
        assert part in shown, part


def test_public_search_of_b_finds_nothing_of_a(offices):
    plan = DocumentPage.objects.get(slug="action-plan")  # office A's
    url = reverse("wagtail_disclosure:search")
    on_b = Client(HTTP_HOST=HOST_B).get(url, {"q": "งบประมาณ"})
    assert on_b.status_code == 200
    assert f"/{plan.slug}/" not in on_b.content.decode()
    # The same search on A's host name finds it: the search works, B's is scoped.
    on_a = Client(HTTP_HOST=HOST_A).get(url, {"q": "งบประมาณ"})
    assert f"/{plan.slug}/" in on_a.content.decode()
