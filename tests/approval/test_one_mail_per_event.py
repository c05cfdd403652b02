"""One Thai e-mail per event of the chain, from the app's templates, with links on the configured
base URL: Wagtail's own workflow e-mails ("The page … has been rejected …") are not sent beside them."""

import re

import pytest
from django.core import mail

from tests.utils.approval import MEMO, act

pytestmark = pytest.mark.django_db

BASE = "https://disclosure.example.go.th"
THAI = re.compile(r"[\u0e00-\u0e7f]")


@pytest.fixture
def outbox(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.WAGTAILADMIN_BASE_URL = BASE
    mail.outbox.clear()
    return mail.outbox


def _event(outbox, action):
    outbox.clear()
    action()
    return list(outbox)


def _assert_one_thai_mail(sent, to):
    assert len(sent) == 1, [(m.subject, m.to) for m in sent]
    message = sent[0]
    assert message.to == [to.email]
    assert THAI.search(message.subject), message.subject
    assert "has been" not in message.body and "The following comment" not in message.body
    for url in re.findall(r"https?://\S+", message.body):
        assert url.startswith(BASE), url
    assert BASE in message.body


def test_each_event_sends_one_thai_mail(outbox, draft, workflow, users):
    author, gd, director = users["author"], users["groupdirector"], users["director"]
    for user in (author, gd, director, users["deputy"]):
        assert user.email, f"demo user {user} has no e-mail"

    def submit():
        workflow.start(draft, author)
        act(draft, author, **MEMO)

    _assert_one_thai_mail(_event(outbox, submit), gd)
    refused = _event(outbox, lambda: act(draft, gd, "reject", comment="แก้ชื่อเรื่อง"))
    _assert_one_thai_mail(refused, author)
    assert "แก้ชื่อเรื่อง" in refused[0].body

    def resubmit():
        draft.specific_class.objects.get(pk=draft.pk).save_revision(user=author)
        workflow_state = draft.specific_class.objects.get(pk=draft.pk).current_workflow_state
        workflow_state.resume(user=author)
        act(draft, author, **MEMO)

    _assert_one_thai_mail(_event(outbox, resubmit), gd)
    allowed = _event(outbox, lambda: act(draft, gd, comment="เห็นควรอนุญาต"))
    assert len(allowed) == 1 and set(allowed[0].to) & {director.email, users["deputy"].email}
    _assert_one_thai_mail(_event(outbox, lambda: act(draft, director, comment="อนุญาต")), author)
