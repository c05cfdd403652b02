"""Corruption complaints (O28): anonymous filing, tracking by code, status history, and
confidentiality: nobody outside the integrity group sees anything, superusers included."""

import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from wagtail_disclosure.models import CorruptionComplaint

pytestmark = pytest.mark.django_db

IDENTITY = ("ผู้แจ้งลับเฉพาะ", "0812345678", "whistle@example.org")
SUBJECT = "เรียกรับเงินค่าเซ็นเอกสารบรรจุครู"
BASE = "/admin/disclosure/submissions/"


def _form(**extra):
    data = {
        "complaint_type": "bribery",
        "subject": SUBJECT,
        "details": "เจ้าหน้าที่เรียกเงิน ๕,๐๐๐ บาท เพื่อเร่งเอกสาร",
        "accused": "เจ้าหน้าที่กลุ่มบริหารงานบุคคล",
        "incident_place": "สำนักงานเขต",
        "consent": "on",
    }
    data.update(extra)
    return data


def _named(**extra):
    name, phone, email = IDENTITY
    return _form(complainant_name=name, complainant_phone=phone, complainant_email=email, **extra)


def _pdf():
    return SimpleUploadedFile("หลักฐาน.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")


def _login(username):
    c = Client()
    c.force_login(get_user_model().objects.get(username=username))
    return c


def test_anonymous_complaint_never_stores_identity_and_is_followed_by_code(
    client, complaint_page, route, read_code
):
    name, phone, email = IDENTITY
    data = _form(anonymous="on", complainant_name=name, complainant_email=email)
    code = read_code(client, client.post(route(complaint_page), data))
    complaint = CorruptionComplaint.objects.get(subject=SUBJECT)
    assert complaint.anonymous
    assert (complaint.complainant_name, complaint.complainant_email) == ("", "")
    assert [h.status for h in complaint.history.all()] == ["received"]

    complaint.change_status(
        get_user_model().objects.get(username="integrity"),
        CorruptionComplaint.Status.INVESTIGATING,
        public_note="ตั้งคณะกรรมการสืบข้อเท็จจริงแล้ว",
        internal_note="ผู้ถูกร้องคือ นาย ก.",
    )
    html = client.post(route(complaint_page, "track"), {"code": code}).content.decode()
    assert complaint.reference in html
    assert "Under investigation" in html or "ระหว่าง" in html
    assert "ตั้งคณะกรรมการสืบข้อเท็จจริงแล้ว" in html
    assert "ผู้ถูกร้องคือ" not in html  # internal notes stay internal


def test_named_complaint_keeps_identity_for_integrity_group_only(
    client, complaint_page, route, private_media, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(route(complaint_page), _named(evidence=[_pdf()]))
    assert response.status_code == 302
    complaint = CorruptionComplaint.objects.get(subject=SUBJECT)
    assert complaint.complainant_phone == "0812345678"
    evidence = complaint.evidence.get()
    assert evidence.kind == "pdf" and evidence.original_name == "หลักฐาน.pdf"
    assert (private_media / evidence.file.name).exists()
    assert "หลักฐาน" not in evidence.file.name

    # Notification: integrity group only, reference and type only.
    assert [m.to for m in mail.outbox] == [["integrity@demo-office.example"]]
    body = mail.outbox[0].subject + mail.outbox[0].body
    assert complaint.reference in body
    for secret in (*IDENTITY, SUBJECT, "๕,๐๐๐"):
        assert secret not in body

    member = _login("integrity")
    detail = member.get(f"{BASE}complaints/{complaint.pk}/").content.decode()
    assert all(part in detail for part in IDENTITY)
    download = member.get(f"{BASE}complaints/{complaint.pk}/evidence/{evidence.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    # Even for the group, lists and exports carry no identity.
    for path in ("complaints/", "complaints/?export=csv", "complaints/?export=xlsx"):
        response = member.get(BASE + path)
        assert response.status_code == 200
        content = _content(response)
        assert complaint.reference in content
        for secret in IDENTITY:
            assert secret not in content


def _content(response):
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    if raw.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    return raw.decode("utf-8")


@pytest.mark.parametrize("username", ["author", "publisher", "supervisor", "admin"])
def test_everyone_outside_the_integrity_group_is_refused_everywhere(
    client, complaint_page, route, private_media, username
):
    client.post(route(complaint_page), _named(evidence=[_pdf()]))
    complaint = CorruptionComplaint.objects.get(subject=SUBJECT)
    evidence = complaint.evidence.get()
    outsider = _login(username)
    if username == "admin":
        assert outsider.session and get_user_model().objects.get(username="admin").is_superuser
    paths = [
        "complaints/",
        "complaints/results/",
        f"complaints/?q={complaint.reference}",
        f"complaints/results/?q={SUBJECT}",
        "complaints/?export=csv",
        "complaints/?export=xlsx",
        f"complaints/{complaint.pk}/",
        f"complaints/{complaint.pk}/evidence/{evidence.pk}/",
    ]
    for path in paths:
        response = outsider.get(BASE + path)
        assert response.status_code in (302, 403), path
        if response.status_code == 302:
            assert "/disclosure/submissions/" not in response["Location"], path
        assert SUBJECT not in _content(response), path
    # A status change is refused and changes nothing.
    response = outsider.post(
        f"{BASE}complaints/{complaint.pk}/", {"status": "concluded", "outcome": "unsubstantiated"}
    )
    assert response.status_code in (302, 403)
    complaint.refresh_from_db()
    assert complaint.status == "received"
    # The admin-wide search and the personal data export do not reveal it either.
    search = outsider.get("/admin/search/", {"q": SUBJECT}).content.decode()
    assert SUBJECT not in search and IDENTITY[0] not in search
    export = outsider.get(f"{BASE}personal-data/", {"email": IDENTITY[2], "download": "1"})
    if export.status_code == 200:
        text = export.content.decode()
        assert "complaints" not in text and IDENTITY[1] not in text and SUBJECT not in text
    # No complaints menu entry for them.
    assert "disclosure-complaints" not in outsider.get("/admin/").content.decode()


def test_integrity_member_exports_what_is_held_about_a_complainant(client, complaint_page, route):
    client.post(route(complaint_page), _named())
    response = _login("integrity").get(
        f"{BASE}personal-data/", {"email": IDENTITY[2], "download": "1"}
    )
    data = response.json()
    assert data["complaints"][0]["phone"] == "0812345678"
    assert data["complaints"][0]["subject"] == SUBJECT


def test_status_history_and_conclusion_need_an_outcome(client, complaint_page, route):
    client.post(route(complaint_page), _form(anonymous="on"))
    complaint = CorruptionComplaint.objects.get(subject=SUBJECT)
    member = _login("integrity")
    url = f"{BASE}complaints/{complaint.pk}/"
    assert member.post(url, {"status": "concluded"}).status_code == 400
    member.post(url, {"status": "investigating", "public_note": "กำลังตรวจสอบ"})
    member.post(
        url, {"status": "concluded", "outcome": "substantiated", "public_note": "ลงโทษทางวินัย"}
    )
    complaint.refresh_from_db()
    assert complaint.status == "concluded" and complaint.concluded_at
    assert [h.status for h in complaint.history.all()] == ["received", "investigating", "concluded"]
    assert complaint.history.last().changed_by.username == "integrity"


def test_named_complaint_needs_contact_and_keeps_what_was_typed(client, complaint_page, route):
    data = _form(complainant_name="นายทดสอบ")
    response = client.post(route(complaint_page), data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Give a phone number or an e-mail address" in html
    assert SUBJECT in html and "เจ้าหน้าที่เรียกเงิน" in html and "นายทดสอบ" in html
    assert not CorruptionComplaint.objects.exists()


def test_evidence_is_checked_by_content_not_name(client, complaint_page, route, private_media):
    fake = SimpleUploadedFile("หลักฐาน.pdf", b"MZ\x90\x00 this is a program, not a PDF")
    response = client.post(
        route(complaint_page), _form(anonymous="on", evidence=[fake]), HTTP_ACCEPT_LANGUAGE="en"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "This kind of file is not accepted" in html
    assert SUBJECT in html  # what was typed is kept
    assert not CorruptionComplaint.objects.exists()
    assert not any(private_media.rglob("*.*"))
