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
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.utils.offices import (
    HOST_A,
    HOST_B,
    MARK_A,
    ROLES_B,
    build_office_b,
    mark_office_a,
    png,
    upload_media,
)
from tests.utils.wagtail_line import API_V3, api_v3_key
from wagtail_disclosure.models import (
    CorruptionComplaintPage,
    DocumentAttachment,
    DocumentPage,
    IndicatorPage,
    OfficeProfile,
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


# --- the image and document library: Wagtail's own screens, choosers and APIs ---------------------


@pytest.fixture
def media_a(offices):
    """Office A's image and document, uploaded by A's author through Wagtail's admin."""
    return upload_media(client_for("author"), f"สื่อ {MARK_A}")


def _url(name, *args, query=""):
    """The URL of Wagtail's view ``name``; ``None`` where this Wagtail line has no such view."""
    try:
        return reverse(name, args=args) + query
    except NoReverseMatch:
        return None


def _media_reads(image, document):
    """(url, opens one of A's items) for every screen of the library an editor may ask for."""
    q = f"?q={MARK_A[:8]}"
    found = [
        (_url("wagtailimages:index"), False),
        (_url("wagtailimages:index", query=q), False),
        (_url("wagtailimages:index_results", query=q), False),
        (_url("wagtailimages:add_multiple"), False),
        (_url("wagtailimages:edit", image.pk), True),
        (_url("wagtailimages:delete", image.pk), True),
        (_url("wagtailimages:image_usage", image.pk), True),
        (_url("wagtailimages:url_generator", image.pk), True),
        (_url("wagtailimages:preview", image.pk, "original"), True),
        (_url("wagtailimages_chooser:choose"), False),
        (_url("wagtailimages_chooser:choose", query="?select_format=true"), False),  # rich text
        (_url("wagtailimages_chooser:choose_results", query=q), False),
        (_url("wagtailimages_chooser:chosen", image.pk), True),
        (_url("wagtailimages_chooser:select_format", image.pk), True),
        (_url("wagtailimages_chooser:chosen_multiple", query=f"?id={image.pk}"), False),
        (_url("wagtaildocs:index"), False),
        (_url("wagtaildocs:index", query=q), False),
        (_url("wagtaildocs:index_results", query=q), False),
        (_url("wagtaildocs:add_multiple"), False),
        (_url("wagtaildocs:edit", document.pk), True),
        (_url("wagtaildocs:delete", document.pk), True),
        (_url("wagtaildocs:document_usage", document.pk), True),
        (_url("wagtaildocs_chooser:choose"), False),
        (_url("wagtaildocs_chooser:choose_results", query=q), False),
        (_url("wagtaildocs_chooser:chosen", document.pk), True),
        (_url("wagtaildocs_chooser:chosen_multiple", query=f"?id={document.pk}"), False),
        ("/admin/api/main/images/", False),
        (f"/admin/api/main/images/{image.pk}/", True),
        ("/admin/api/main/documents/", False),
        (f"/admin/api/main/documents/{document.pk}/", True),
    ]
    return [(url, opens) for url, opens in found if url]


def _bulk_delete_url(obj):
    meta = type(obj)._meta
    return reverse("wagtail_bulk_action", args=[meta.app_label, meta.model_name, "delete"])


@pytest.mark.parametrize("username", [username for username, *_ in ROLES_B])
def test_office_b_neither_sees_nor_changes_the_media_of_office_a(offices, media_a, username):
    """As each of B's roles: A's image and document are in no list, search, chooser (the rich
    text's included) or usage screen, open in no editor, and no edit, replacement, deletion or
    upload into A's collection goes through (Wagtail's own views and the bulk actions)."""
    image, document = media_a["image"], media_a["document"]
    client = client_for(username)
    leaks = []
    for url, opens in _media_reads(image, document):
        response = client.get(url)
        if shows_mark(response) or (opens and response.status_code not in (302, 403, 404)):
            leaks.append(f"{url} {response.status_code}")
    assert not leaks, "\n".join(leaks)
    changed = f"แก้โดยสำนักงาน ข {username}"
    posts = [
        (reverse("wagtailimages:edit", args=[image.pk]), {"title": changed}),
        (
            reverse("wagtailimages:edit", args=[image.pk]),  # replacing the file
            {"title": image.title, "file": SimpleUploadedFile("b.png", png("blue"), "image/png")},
        ),
        (
            reverse("wagtailimages:edit_multiple", args=[image.pk]),
            {f"image-{image.pk}-title": changed},
        ),
        (reverse("wagtailimages:delete", args=[image.pk]), {}),
        (reverse("wagtailimages:delete_multiple", args=[image.pk]), {}),
        (_bulk_delete_url(image) + f"?id={image.pk}", {}),
        (reverse("wagtaildocs:edit", args=[document.pk]), {"title": changed}),
        (
            reverse("wagtaildocs:edit_multiple", args=[document.pk]),
            {f"doc-{document.pk}-title": changed},
        ),
        (reverse("wagtaildocs:delete", args=[document.pk]), {}),
        (reverse("wagtaildocs:delete_multiple", args=[document.pk]), {}),
        (_bulk_delete_url(document) + f"?id={document.pk}", {}),
    ]
    file_before = image.file.name
    changes = []
    for url, data in posts:
        client.post(url, data)
        for obj in (image, document):
            current = type(obj).objects.filter(pk=obj.pk).values("title", "file").first()
            if current != {"title": obj.title, "file": obj.file.name}:
                changes.append(f"{url}: {current}")
    assert not changes, "\n".join(changes)
    assert image.file.name == file_before
    # Nothing of B's lands in A's collection through the multiple upload.
    images_in_a = get_image_model().objects.filter(collection=image.collection_id).count()
    documents_in_a = get_document_model().objects.filter(collection=document.collection_id).count()
    client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "files[]": SimpleUploadedFile("b.png", png("green"), "image/png"),
            "collection": image.collection_id,
        },
    )
    client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile("b.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf"),
            "collection": document.collection_id,
        },
    )
    assert get_image_model().objects.filter(collection=image.collection_id).count() == images_in_a
    assert (
        get_document_model().objects.filter(collection=document.collection_id).count()
        == documents_in_a
    )


@pytest.mark.skipif(not API_V3, reason="Wagtail's API v3 is in Wagtail 8 only")
@pytest.mark.parametrize("username", ["b_author", "b_director"])
def test_office_b_changes_no_media_of_office_a_through_the_api(offices, media_a, username):
    image, document = media_a["image"], media_a["document"]
    user = get_user_model().objects.get(username=username)
    api = Client(HTTP_HOST=HOST_B, HTTP_AUTHORIZATION=f"Bearer {api_v3_key(user)}")
    for kind, obj in (("images", image), ("documents", document)):
        url = f"/api/v3/{kind}/{obj.pk}/"
        patched = api.patch(url, {"title": "แก้โดย ข"}, content_type="application/json")
        assert patched.status_code in (403, 404), (url, patched.status_code)
        assert api.delete(url).status_code in (403, 404), url
    image.refresh_from_db()
    document.refresh_from_db()
    assert image.title == document.title == f"สื่อ {MARK_A}"


def test_office_a_keeps_its_media(offices, media_a):
    """The same screens as A's author: A's items are listed, open and choosable (the checks above
    are not vacuous), and the upload landed where A's people find it."""
    image, document = media_a["image"], media_a["document"]
    client = client_for("author")
    for url, opens in _media_reads(image, document):
        if "generate_url" in url:
            continue  # the site serves no dynamic image URLs: 404 for everyone
        response = client.get(url)
        assert response.status_code == 200, url
        if opens and "/usage/" not in url and "/preview/" not in url:
            assert shows_mark(response), url
    for url in (reverse("wagtailimages:index"), reverse("wagtaildocs:index")):
        assert shows_mark(client.get(url)), url
    assert shows_mark(client.get("/admin/api/main/images/"))
    profile = OfficeProfile.for_site(offices["a"])
    assert image.collection_id == document.collection_id == profile.collection_id
