"""The memo PDF of a real approval, the history list, the page history, and the e-mails."""

import datetime
import io

import pypdfium2
import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader
from wagtail.models import TaskState

from tests.utils.approval import MEMO, act
from tests.utils.pdf_text import skeleton
from wagtail_disclosure.models import RequestMemo

pytestmark = pytest.mark.django_db


def approve_through_deputy(page, workflow, users):
    workflow.start(page, users["author"])
    act(page, users["author"], **MEMO)
    act(page, users["groupdirector"], "reject", comment="ขอให้แนบสรุปงบประมาณ")
    page.save_revision(user=users["author"])
    page.current_workflow_state.resume(user=users["author"])
    act(page, users["author"], **MEMO)
    act(page, users["groupdirector"], comment="เห็นควรอนุญาต")
    act(page, users["deputy"], comment="อนุญาต")
    return page.specific_class.objects.get(pk=page.pk)


def test_memo_pdf_of_a_real_approval_reads_in_thai(client, draft, workflow, users, artifacts):
    page = approve_through_deputy(draft, workflow, users)
    memo = RequestMemo.objects.get(revision=page.live_revision)
    assert memo.pdf, "the memo is frozen as evidence when the chain publishes"

    client.force_login(users["author"])
    response = client.get(reverse("wagtail_disclosure_admin:memo_pdf", args=[memo.revision_id]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = response.content
    (artifacts / "request-memo.pdf").write_bytes(pdf)

    text = skeleton(PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    for expected in [
        "บันทึกข้อความ",
        "ส่วนราชการ",
        MEMO["subject"],
        page.title,
        "นางสาวสุดา ใจดี",  # author
        "นายสมชาย รักงาน",  # group director
        "นางวิไล ศรีสุข",  # deputy
        "ปฏิบัติราชการแทน",
        "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา",
        "ศธ ๐๔๐๐๑/๑๒๓",  # Thai digits
        "พระราชบัญญัติข้อมูลข่าวสารของราชการ",
        "คำสั่ง สพป.ตัวอย่าง เขต ๑ ที่ ๑๒๓/๒๕๖๖",
    ]:
        assert skeleton(expected) in text, expected
    year_be = str(memo.date.year + 543).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    assert year_be in text
    # The refusal of the first round belongs to the first revision's memo, not to this one.
    assert "ขอให้แนบสรุปงบประมาณ" not in text

    doc = pypdfium2.PdfDocument(pdf)
    image = doc[0].render(scale=1.5).to_pil()
    image.save(artifacts / "request-memo-page1.png")
    assert image.size[0] > 800 and image.getbbox() is not None


def test_memo_pdf_is_not_for_outsiders(client, draft, workflow, users, django_user_model):
    page = approve_through_deputy(draft, workflow, users)
    outsider = django_user_model.objects.create_user("outsider", password="x", is_staff=False)
    from django.contrib.auth.models import Permission

    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    url = reverse("wagtail_disclosure_admin:memo_pdf", args=[page.live_revision_id])
    assert client.get(url).status_code in (302, 403)


def test_history_list_and_page_history(client, draft, workflow, users):
    page = approve_through_deputy(draft, workflow, users)
    client.force_login(users["supervisor"])
    html = client.get(
        reverse("wagtail_disclosure_admin:approval_history") + f"?page={page.pk}"
    ).content.decode()
    assert "ขอให้แนบสรุปงบประมาณ" in html
    assert "นางวิไล ศรีสุข" in html and "นายประเสริฐ มั่นคง" in html  # acting as / on behalf of
    assert "๑๒๓/๒๕๖๖" in html
    client.force_login(users["admin"])
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert "Request memo filed" in history or "บันทึก" in history


def test_emails_on_submit_refusal_and_approval(draft, workflow, users):
    mail.outbox.clear()
    workflow.start(draft, users["author"])
    act(draft, users["author"], **MEMO)
    # (Wagtail itself also tells superusers that a workflow was submitted.)
    ours = [m for m in mail.outbox if draft.title in m.subject and "admin" not in m.to[0]]
    assert [m.to for m in ours] == [[users["groupdirector"].email]]
    act(draft, users["groupdirector"], "reject", comment="ขอให้แก้ไขชื่อเรื่อง")
    refusal = mail.outbox[-1]
    assert refusal.to == [users["author"].email]
    assert "ขอให้แก้ไขชื่อเรื่อง" in refusal.body
    draft.save_revision(user=users["author"])
    draft.current_workflow_state.resume(user=users["author"])
    act(draft, users["author"], **MEMO)
    mail.outbox.clear()
    act(draft, users["groupdirector"])
    assert sorted(mail.outbox[-1].to) == sorted([users["director"].email, users["deputy"].email])
    act(draft, users["director"])
    assert mail.outbox[-1].to == [users["author"].email]


def test_reminders_for_steps_left_waiting(draft, workflow, users, settings):
    workflow.start(draft, users["author"])
    act(draft, users["author"], **MEMO)
    settings.WAGTAIL_DISCLOSURE = {"REMINDER_AFTER_DAYS": 2}
    mail.outbox.clear()
    call_command("disclosure_reminders", stdout=io.StringIO())
    assert mail.outbox == []  # not waiting long enough yet
    TaskState.objects.filter(status="in_progress").update(
        started_at=datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=3)
    )
    out = io.StringIO()
    call_command("disclosure_reminders", stdout=out)
    assert [m.to for m in mail.outbox] == [[users["groupdirector"].email]]
    assert "3" in mail.outbox[0].subject
    assert out.getvalue().startswith("1 ")
