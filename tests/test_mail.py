"""The mail helper: every e-mail from its templates, in Thai, one-line subjects, overridable by an
office, and a failing mail server logged without personal data while the caller goes on."""

import logging
import smtplib
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail_disclosure.links import admin_url
from wagtail_disclosure.mail import render, send_notification

URL = "https://office.example/admin/x/"
COMPLAINT = SimpleNamespace(
    reference="2568-00012", get_complaint_type_display=lambda: "การจัดซื้อจัดจ้าง"
)
QUESTION = SimpleNamespace(subject="ขอทราบตารางสอบ R&D")
FEEDBACK = SimpleNamespace(get_topic_display=lambda: "ข้อเสนอแนะ")
CHANGE = SimpleNamespace(get_status_display=lambda: "กำลังตรวจสอบ", public_note="รับเรื่องแล้ว")
PAGE = SimpleNamespace(title="แผนดำเนินงาน <2567>")
TASK = SimpleNamespace(name="ผู้อำนวยการกลุ่ม")

# (e-mail, context, the subject and body as the Python code used to write them)
EMAILS = [
    (
        "complaint_received",
        {"complaint": COMPLAINT, "url": URL},
        lambda: _("New corruption complaint %(ref)s") % {"ref": COMPLAINT.reference},
        lambda: (
            _(
                "A corruption complaint was filed: reference %(ref)s, type: %(type)s.\n"
                "Sign in to read it (integrity group only):\n%(url)s"
            )
            % {"ref": COMPLAINT.reference, "type": "การจัดซื้อจัดจ้าง", "url": URL}
        ),
    ),
    (
        "question_received",
        {"question": QUESTION, "url": URL},
        lambda: _("New question on the Q&A board: %(subject)s") % {"subject": QUESTION.subject},
        lambda: _("A question waits for an answer:\n%(url)s") % {"url": URL},
    ),
    (
        "feedback_received",
        {"feedback": FEEDBACK, "url": URL},
        lambda: _("New feedback: %(topic)s") % {"topic": "ข้อเสนอแนะ"},
        lambda: _("Feedback was received:\n%(url)s") % {"url": URL},
    ),
    (
        "question_published",
        {"question": QUESTION, "url": URL},
        lambda: _("Your question has been answered"),
        lambda: (
            _("The answer to your question “%(subject)s” is published:\n%(url)s")
            % {"subject": QUESTION.subject, "url": URL}
        ),
    ),
    (
        "complaint_status_changed",
        {"complaint": COMPLAINT, "change": CHANGE},
        lambda: (
            _("Your complaint %(ref)s: %(status)s")
            % {"ref": COMPLAINT.reference, "status": "กำลังตรวจสอบ"}
        ),
        lambda: (
            _(
                "The status of your complaint %(ref)s is now: %(status)s.\n%(note)s\n"
                "Follow it with your tracking code on the complaint page."
            )
            % {"ref": COMPLAINT.reference, "status": "กำลังตรวจสอบ", "note": "รับเรื่องแล้ว"}
        ),
    ),
    (
        "approval_awaiting",
        {"page": PAGE, "task": TASK, "submitter": "สมชาย ใจดี", "url": URL},
        lambda: _("Awaiting your decision: %(title)s") % {"title": PAGE.title},
        lambda: "\n".join(
            [
                _("“%(title)s” awaits your decision at the step “%(step)s”.")
                % {"title": PAGE.title, "step": TASK.name},
                _("Submitted by: %(user)s") % {"user": "สมชาย ใจดี"},
                URL,
            ]
        ),
    ),
    (
        "approval_refused",
        {"page": PAGE, "task": TASK, "approver": "สมหญิง", "reason": "แก้ชื่อเรื่อง", "url": URL},
        lambda: _("Not allowed: %(title)s") % {"title": PAGE.title},
        lambda: "\n".join(
            [
                _("“%(title)s” was not allowed at the step “%(step)s” by %(user)s.")
                % {"title": PAGE.title, "step": TASK.name, "user": "สมหญิง"},
                _("Reason: %(reason)s") % {"reason": "แก้ชื่อเรื่อง"},
                _("Fix it and resubmit: %(url)s") % {"url": URL},
            ]
        ),
    ),
    (
        "approval_complete",
        {"page": PAGE, "url": URL},
        lambda: _("Approved and published: %(title)s") % {"title": PAGE.title},
        lambda: "\n".join(
            [_("The approval chain for “%(title)s” is complete.") % {"title": PAGE.title}, URL]
        ),
    ),
    (
        "approval_reminder",
        {"page": PAGE, "task": TASK, "days": 3, "url": URL},
        lambda: (
            _("Reminder: %(title)s has waited %(days)s days") % {"title": PAGE.title, "days": 3}
        ),
        lambda: "\n".join(
            [
                _("“%(title)s” has waited %(days)s days at the step “%(step)s”.")
                % {"title": PAGE.title, "days": 3, "step": TASK.name},
                URL,
            ]
        ),
    ),
]


@pytest.mark.parametrize(("name", "context", "subject", "body"), EMAILS, ids=[e[0] for e in EMAILS])
def test_every_email_renders_from_its_templates_in_thai_unescaped(name, context, subject, body):
    with translation.override("en"):  # whoever triggers it, the e-mail is in the site language
        rendered = render(name, context)
    with translation.override("th"):
        assert rendered == (subject(), body())
    assert "\n" not in rendered[0]
    assert "&amp;" not in "".join(rendered) and "&lt;" not in "".join(rendered)


def test_an_office_rewords_an_email_with_its_own_template(settings, tmp_path):
    folder = tmp_path / "wagtail_disclosure" / "mail"
    folder.mkdir(parents=True)
    (folder / "question_published_subject.txt").write_text(
        "คำถามของท่าน\n{{ question.subject }}\n", encoding="utf-8"
    )
    settings.TEMPLATES = [dict(settings.TEMPLATES[0], DIRS=[tmp_path])]
    assert send_notification(["asker@example.org"], "question_published", {"question": QUESTION})
    assert mail.outbox[-1].subject == "คำถามของท่าน ขอทราบตารางสอบ R&D"


def test_admin_links_are_built_on_the_admin_base_url(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://office.example/"
    assert admin_url("wagtailadmin_pages:edit", 7) == "https://office.example/admin/pages/7/edit/"


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({m.to[0]: (550, b"no") for m in messages})


def test_a_failing_mail_server_is_logged_without_personal_data(settings, caplog):
    settings.EMAIL_BACKEND = "tests.test_mail.RefusingBackend"
    with caplog.at_level(logging.ERROR, logger="wagtail_disclosure"):
        sent = send_notification(
            ["asker@example.org"], "question_published", {"question": QUESTION}, about="question 4"
        )
    assert sent == 0
    logged = caplog.text
    assert "question_published" in logged and "question 4" in logged
    assert "SMTPRecipientsRefused" in logged
    assert "asker@example.org" not in logged and QUESTION.subject not in logged


def test_nobody_to_tell_sends_nothing():
    assert send_notification(["", None], "question_published", {"question": QUESTION}) == 0
    assert mail.outbox == []
