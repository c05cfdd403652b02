"""The engine around the rules: stages, the audit record, office settings, overrides, the editor."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.urls import reverse

from wagtail_disclosure.compliance.engine import run_checks
from wagtail_disclosure.compliance.overrides import override_warning
from wagtail_disclosure.compliance.registry import Rule
from wagtail_disclosure.models import (
    ComplianceOverride,
    ComplianceRuleSetting,
    ComplianceRun,
    ComplianceSettings,
    NewsPage,
    NewsPhoto,
)

User = get_user_model()
PRIVATE = "<p>ติดต่อครูสมศรี 089-123-4567</p>"
ID_TEXT = "<p>เลขประจำตัวประชาชน 1-1017-00123-45-6</p>"


def test_unknown_stage_is_refused(news):
    with pytest.raises(ValueError):
        run_checks(news, "sneak")


def test_recorded_run_keeps_thai_and_english_messages_with_the_revision(news):
    news.body += ID_TEXT
    revision = news.save_revision(user=User.objects.get(username="author"))
    author = User.objects.get(username="author")
    report = run_checks(news, "submit", user=author, record=True)
    run = ComplianceRun.objects.get(pk=report.run.pk)
    assert (run.stage, run.user, run.revision_id, run.passed) == (
        "submit",
        author,
        revision.pk,
        False,
    )
    entry = run.results[0]
    assert entry["code"] == "personal.national_id" and entry["severity"] == "block"
    assert "1-1017-xxxxx-xx-6" in entry["message_th"] and "1-1017-xxxxx-xx-6" in entry["message_en"]
    assert "1101700123456" not in str(run.results)  # the audit does not leak the number either


def test_not_recorded_unless_asked(news):
    before = ComplianceRun.objects.count()
    run_checks(news, "approve")
    assert ComplianceRun.objects.count() == before


@override_settings(
    WAGTAIL_DISCLOSURE={
        "CHECKS": {
            "personal.national_id": {"severity": "warn"},
            "personal.contact": {"enabled": False},
        }
    }
)
def test_settings_change_severity_and_switch_rules_off(news):
    news.body += ID_TEXT + PRIVATE
    report = run_checks(news)
    assert report.ok
    assert [r.code for r in report.warnings] == ["personal.national_id"]


@override_settings(WAGTAIL_DISCLOSURE={"CHECKS": {"content.words": {"severity": "fatal"}}})
def test_a_wrong_severity_in_settings_is_an_error(news):
    with pytest.raises(ValueError):
        run_checks(news)


def test_admin_rule_settings_win_over_the_settings_file(news, demo):
    news.body += PRIVATE
    row = ComplianceSettings.for_site(demo["site"])
    row.save()
    ComplianceRuleSetting.objects.create(settings=row, code="personal.contact", severity="block")
    assert [r.code for r in run_checks(news).blocking] == ["personal.contact"]
    ComplianceRuleSetting.objects.filter(settings=row).update(enabled=False)
    assert run_checks(news).results == []


def test_rule_families_limit_where_a_rule_runs():
    class NewsOnly(Rule):
        families = ("news",)

    class NotForContacts(Rule):
        exclude_families = ("contact",)

    assert NewsOnly().applies_to({"news", "document"}) and not NewsOnly().applies_to({"document"})
    assert not NotForContacts().applies_to({"contact"})
    assert NotForContacts().applies_to({"contact", "news"}) and NotForContacts().applies_to(set())


@pytest.fixture
def warned_news(news):
    news.body += PRIVATE
    news.save_revision(user=User.objects.get(username="author"))
    return NewsPage.objects.get(pk=news.pk).get_latest_revision_as_object()


def test_reviewer_overrides_a_warning_with_a_reason(warned_news):
    reviewer = User.objects.get(username="groupdirector")
    warning = run_checks(warned_news).warnings[0]
    override_warning(warned_news, warning, reviewer, "เบอร์โทรของครูที่ยินยอมให้เผยแพร่แล้ว")
    report = run_checks(warned_news, "approve", user=reviewer, record=True)
    assert report.warnings[0].overridden and report.pending_warnings == []
    assert report.run.overrides[0]["override"]["reason"] == "เบอร์โทรของครูที่ยินยอมให้เผยแพร่แล้ว"


def test_override_lapses_when_the_finding_changes(warned_news):
    reviewer = User.objects.get(username="groupdirector")
    override_warning(warned_news, run_checks(warned_news).warnings[0], reviewer, "ยินยอมแล้ว")
    warned_news.body = warned_news.body.replace("089-123-4567", "089-765-4321")
    assert run_checks(warned_news).pending_warnings


def test_no_override_without_permission_reason_or_of_ones_own_work(warned_news):
    warning = run_checks(warned_news).warnings[0]
    with pytest.raises(PermissionDenied):  # editors lack the permission
        override_warning(warned_news, warning, User.objects.get(username="publisher"), "ok ok ok")
    author = User.objects.get(username="author")
    author.user_permissions.add(
        *__import__("django.contrib.auth.models").contrib.auth.models.Permission.objects.filter(
            codename="override_check_warning"
        )
    )
    author = User.objects.get(pk=author.pk)
    with pytest.raises(PermissionDenied):  # wrote the revision: no self-approval
        override_warning(warned_news, warning, author, "ของฉันเอง")
    with pytest.raises(ValidationError):
        override_warning(warned_news, warning, User.objects.get(username="groupdirector"), " ")
    assert not ComplianceOverride.objects.exists()


def test_a_block_can_never_be_overridden(news):
    news.body += ID_TEXT
    news.save_revision(user=User.objects.get(username="author"))
    block = run_checks(news).blocking[0]
    with pytest.raises(ValidationError):
        override_warning(news, block, User.objects.get(username="admin"), "เร่งด่วน ขอผ่าน")
    assert not ComplianceOverride.objects.exists()


def test_editor_shows_checks_beside_the_content_and_after_save(client, demo, make_image):
    page = NewsPage.objects.get(slug="news-training")
    image = make_image(title="ภาพไม่มีเครดิต", source="")
    client.login(username="admin", password=demo["password"])
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b"data-wd-checks" in response.content
    draft = page.get_latest_revision_as_object()
    draft.photos.add(NewsPhoto(image=image))
    draft.save_revision(user=User.objects.get(username="author"))
    response = client.get(url)
    assert "ภาพไม่มีเครดิต".encode() in response.content
    assert b'data-code="rights.media"' in response.content


def test_override_view_records_the_reason(client, demo, warned_news):
    client.login(username="groupdirector", password=demo["password"])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[warned_news.pk]))
    warning = run_checks(warned_news).warnings[0]
    url = reverse(
        "wagtail_disclosure_admin:compliance_override", args=[warned_news.pk, warning.key]
    )
    assert url.encode() in edit.content
    response = client.post(url, {"reason": "ครูยินยอมเป็นลายลักษณ์อักษร"})
    assert response.status_code == 302
    override = ComplianceOverride.objects.get()
    assert override.user.username == "groupdirector" and override.code == "personal.contact"


def test_override_view_refuses_editors(client, demo, warned_news):
    client.login(username="author", password=demo["password"])
    warning = run_checks(warned_news).warnings[0]
    url = reverse(
        "wagtail_disclosure_admin:compliance_override", args=[warned_news.pk, warning.key]
    )
    response = client.post(url, {"reason": "ขอผ่านเอง"})
    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard with a message.
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert not ComplianceOverride.objects.exists()


def test_library_items_lacking_rights_are_flagged(client, demo, make_image, make_document):
    make_image(title="ภาพเก่าไม่มีข้อมูล", source="", licence="")
    make_image(title="ภาพครบถ้วน")
    make_image(title="ภาพคนไม่มีความยินยอม", shows_people=True)
    make_document(b"%PDF-1.4\n%%EOF", title="เอกสารเก่า", licence="")
    client.login(username="admin", password=demo["password"])
    images = client.get(reverse("wagtail_disclosure_admin:images_lacking_rights")).content.decode()
    assert "ภาพเก่าไม่มีข้อมูล" in images and "ภาพคนไม่มีความยินยอม" in images
    assert "ภาพครบถ้วน" not in images
    documents = client.get(
        reverse("wagtail_disclosure_admin:documents_lacking_rights")
    ).content.decode()
    assert "เอกสารเก่า" in documents
    export = client.get(reverse("wagtail_disclosure_admin:images_lacking_rights") + "?export=csv")
    csv_bytes = b"".join(
        part if isinstance(part, bytes) else part.encode() for part in export.streaming_content
    )
    assert csv_bytes.startswith("\ufeff".encode()) and "ภาพเก่าไม่มีข้อมูล".encode() in csv_bytes


def test_admin_screens_for_settings_and_audit(client, demo, news):
    run_checks(news, "submit", user=User.objects.get(username="author"), record=True)
    client.login(username="admin", password=demo["password"])
    settings_url = reverse(
        "wagtailsettings:edit", args=["wagtail_disclosure", "compliancesettings", demo["site"].pk]
    )
    response = client.get(settings_url)
    assert response.status_code == 200 and b"personal.national_id" in response.content
    runs = client.get("/admin/disclosure/compliance-runs/")
    assert runs.status_code == 200 and news.title in runs.content.decode()
