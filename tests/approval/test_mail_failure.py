"""A mail server that fails must not undo an approver's decision: the failure is logged, without
addresses, and the chain goes on."""

import logging
import smtplib

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from wagtail.models import TaskState

from tests.utils.approval import MEMO, act

pytestmark = pytest.mark.django_db


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({m.to[0]: (550, b"no") for m in messages})


def test_a_refusal_stands_when_the_mail_server_fails(draft, workflow, users, settings, caplog):
    workflow.start(draft, users["author"])
    act(draft, users["author"], **MEMO)
    settings.EMAIL_BACKEND = "tests.approval.test_mail_failure.RefusingBackend"
    with caplog.at_level(logging.ERROR):
        act(draft, users["groupdirector"], "reject", comment="ขอให้แก้ไขชื่อเรื่อง")
    assert TaskState.objects.filter(status=TaskState.STATUS_REJECTED).exists()
    ours = [r for r in caplog.records if r.name.startswith("wagtail_disclosure")]
    logged = "\n".join(r.getMessage() for r in ours)
    assert "SMTPRecipientsRefused" in logged
    assert users["author"].email not in logged and "ขอให้แก้ไข" not in logged
