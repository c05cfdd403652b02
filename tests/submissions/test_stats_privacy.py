"""O16/O17/O29/O30 figures per fiscal year, the reports, and the PDPA purge and export."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from wagtail_disclosure.models import CorruptionComplaint, Feedback, Question, SurveyResponse
from wagtail_disclosure.models import submission_stats as stats
from wagtail_disclosure.thai.dates import fiscal_year

pytestmark = pytest.mark.django_db


def _complaint(site, n, kind="bribery", received_at=None, **fields):
    return CorruptionComplaint.objects.create(
        site=site,
        tracking_hash=f"{n:064d}",
        complaint_type=kind,
        subject=f"เรื่อง {n}",
        details="d",
        received_at=received_at or timezone.now(),
        **fields,
    )


def test_complaint_figures_by_type_and_status_per_fiscal_year(demo):
    site = demo["site"]
    fy = fiscal_year()
    _complaint(site, 1)
    _complaint(site, 2, "procurement").change_status(None, "investigating")
    _complaint(site, 3, "procurement").change_status(None, "concluded", outcome="referred")
    _complaint(site, 4, received_at=timezone.now() - datetime.timedelta(days=400))
    figures = stats.complaint_figures(site, fy)
    assert figures["total"] == 3
    rows = {r["code"]: r for r in figures["by_type"]}
    assert rows["bribery"]["cells"] == [1, 0, 0]
    assert rows["procurement"]["cells"] == [0, 1, 1]
    assert {s["code"]: s["count"] for s in figures["by_status"]} == {
        "received": 1,
        "investigating": 1,
        "concluded": 1,
    }
    assert {o["code"]: o["count"] for o in figures["by_outcome"]}["referred"] == 1
    assert (
        stats.complaint_figures(site, fy - 1)["total"]
        + stats.complaint_figures(site, fy - 2)["total"]
        == 1
    )


def test_public_o29_page_and_admin_report_show_counts_not_contents(demo, client):
    site = demo["site"]
    _complaint(site, 1, complainant_name="ชื่อลับ", anonymous=False)
    html = client.get("/oit/o29/complaint-statistics/").content.decode()
    assert "เรื่อง 1" not in html and "ชื่อลับ" not in html
    assert "Bribery" in html or "เรียกรับ" in html
    member = Client()
    member.force_login(get_user_model().objects.get(username="integrity"))
    report = member.get("/admin/disclosure/reports/complaint-statistics/")
    assert report.status_code == 200
    csv = b"".join(
        member.get("/admin/disclosure/reports/complaint-statistics/?export=csv").streaming_content
    )
    assert csv.startswith("\ufeff".encode())
    assert b"\xe0\xb8" in csv or b"Bribery" in csv


def test_satisfaction_and_service_figures(demo, client):
    site = demo["site"]
    figures = stats.satisfaction_figures(site, fiscal_year())
    # The demo's three responses: overall 5, 4, 5.
    assert figures["responses"] == 3
    overall = next(a for a in figures["aspects"] if a["name"] == "overall")
    assert overall["mean"] == pytest.approx(4.67, abs=0.01)
    assert overall["satisfied_pct"] == 100.0
    services = stats.service_figures(site, fiscal_year())
    row = next(r for r in services["forms"] if r["form"] == "question")
    assert row["received"] >= 2 and row["handled"] >= 2
    html = client.get("/oit/o17/satisfaction-survey/").content.decode()
    assert "4.67" in html or "๔.๖๗" in html
    editor = Client()
    editor.force_login(get_user_model().objects.get(username="author"))
    assert editor.get("/admin/disclosure/reports/satisfaction/").status_code == 200
    assert (
        editor.get("/admin/disclosure/reports/service-statistics/?export=xlsx").status_code == 200
    )


def test_purge_anonymises_expired_submissions_only(demo, private_media):
    site = demo["site"]
    old = timezone.now() - datetime.timedelta(days=800)
    q_old = Question.objects.create(
        site=site,
        tracking_hash="a" * 64,
        subject="s",
        body="b",
        name="ผู้ถาม",
        email="old@example.org",
        received_at=old,
    )
    q_new = Question.objects.create(
        site=site,
        tracking_hash="b" * 64,
        subject="s",
        body="b",
        name="ใหม่",
        email="new@example.org",
    )
    fb_old = Feedback.objects.create(
        site=site, topic="other", message="m", name="ก", email="f@example.org", received_at=old
    )
    open_case = _complaint(site, 7, received_at=old, anonymous=False, complainant_name="ยังสอบสวน")
    closed = _complaint(
        site,
        8,
        received_at=old,
        anonymous=False,
        complainant_name="ปิดแล้ว",
        complainant_phone="0899999999",
    )
    closed.change_status(None, "concluded", outcome="unsubstantiated")
    CorruptionComplaint.objects.filter(pk=closed.pk).update(
        concluded_at=timezone.now() - datetime.timedelta(days=2000)
    )
    survey = SurveyResponse.objects.create(
        site=site,
        service="x",
        overall=5,
        staff=5,
        process=5,
        timeliness=5,
        information=5,
        comment="ครูสมชายใจดี",
        received_at=old,
    )

    call_command("disclosure_purge_personal_data", "--dry-run", stdout=io.StringIO())
    q_old.refresh_from_db()
    assert q_old.email == "old@example.org"

    call_command("disclosure_purge_personal_data", stdout=io.StringIO())
    for obj in (q_old, q_new, fb_old, open_case, closed, survey):
        obj.refresh_from_db()
    assert (q_old.name, q_old.email) == ("", "") and q_old.anonymised_at
    assert q_old.subject == "s"  # what was published stays
    assert q_new.email == "new@example.org" and q_new.anonymised_at is None
    assert fb_old.email == ""
    assert open_case.complainant_name == "ยังสอบสวน"  # investigation still open
    assert (closed.complainant_name, closed.complainant_phone) == ("", "") and closed.anonymous
    assert survey.comment == ""
    # Figures still count them.
    assert stats.complaint_figures(site, closed.fiscal_year)["total"] >= 2


def test_retention_period_set_on_the_form_page_wins(demo, feedback_page):
    feedback_page.retention_days = 10
    feedback_page.save()
    fb = Feedback.objects.create(
        site=demo["site"],
        page=feedback_page,
        topic="other",
        message="m",
        email="x@example.org",
        received_at=timezone.now() - datetime.timedelta(days=11),
    )
    call_command("disclosure_purge_personal_data", stdout=io.StringIO())
    fb.refresh_from_db()
    assert fb.email == ""


def test_personal_data_export_for_channel_staff(demo):
    site = demo["site"]
    Feedback.objects.create(site=site, topic="plan", message="ความเห็นต่อแผน", email="p@example.org")
    Question.objects.create(
        site=site, tracking_hash="c" * 64, subject="คำถามของฉัน", body="b", email="P@example.org"
    )
    c = Client()
    c.force_login(get_user_model().objects.get(username="groupdirector"))
    data = c.get(
        "/admin/disclosure/submissions/personal-data/", {"email": "p@example.org", "download": "1"}
    ).json()
    assert [q["subject"] for q in data["questions"]] == ["คำถามของฉัน"]
    assert [f["message"] for f in data["feedback"]] == ["ความเห็นต่อแผน"]
    assert "complaints" not in data


def test_hub_shows_social_and_e_service_links(demo, client):
    html = client.get("/oit/").content.decode()
    assert "https://www.facebook.com/" in html and "Smart Area" in html
    assert 'href="/oit/o8/questions/"' in html
