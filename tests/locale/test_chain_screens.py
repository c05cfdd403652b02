"""Thai on every screen of the office's chain, for every kind of step.

The demo office runs the สพม.หนองคาย chain (its deputy's endorsement and the ICT publisher) with
the สพป.ปทุมธานี เขต 1 chain proposed; a page waits at each step. The chain's screen, the
confirmation, the request screens (memo and verification), the review screen of each step and
Wagtail's own workflow and task screens are crawled as each role: nothing English.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.utils.approval import MEMO, act, make_draft
from wagtail_disclosure.approval import chains
from wagtail_disclosure.approval import request as publication_request
from wagtail_disclosure.i18n import audit as i18n_audit
from wagtail_disclosure.models import DocumentPage, IndicatorPage

pytestmark = pytest.mark.django_db

STEPS = ("group_review", "deputy_endorsement", "director_order", "publication")


@pytest.fixture
def chain_screens(demo):
    users = {u.username: u for u in get_user_model().objects.all()}
    site = demo["site"]
    chains.set_chain(site, "deputy-endorsement")
    indicator = IndicatorPage.objects.get(item__code="O11")
    takers = {
        "group_review": [],
        "deputy_endorsement": ["groupdirector"],
        "director_order": ["groupdirector", "deputy"],
        "publication": ["groupdirector", "deputy", "director"],
    }
    urls = [reverse("wagtail_disclosure_admin:approval_chain")]
    for step in STEPS:
        page = make_draft(indicator, users["author"], title=f"แผน ({step})", slug=f"th-{step}")
        publication_request.file_memo(page, users["author"], MEMO)
        for name in takers[step]:
            act(page, users[name])
        state = DocumentPage.objects.get(pk=page.pk).current_workflow_task_state
        urls.append(reverse("wagtail_disclosure_admin:review_task", args=[state.pk]))
    draft = make_draft(indicator, users["author"], title="แผน (ร่าง)", slug="th-draft")
    urls.append(reverse("wagtail_disclosure_admin:request_publication", args=[draft.pk]))
    proposal = chains.propose(
        site,
        users["admin"],
        "ประกาศ ลงวันที่ ๕ กรกฎาคม ๒๕๖๕",
        **chains.preset_settings("verify-approve-publish"),
    )
    urls.append(reverse("wagtail_disclosure_admin:approval_chain_confirm", args=[proposal.pk]))
    urls += [reverse("wagtailadmin_workflows:index"), reverse("wagtailadmin_workflows:task_index")]
    return users, urls, draft


@pytest.mark.parametrize(
    "username", ["admin", "author", "groupdirector", "deputy", "director", "publisher"]
)
def test_the_chain_screens_are_thai(client, chain_screens, username):
    users, urls, _draft = chain_screens
    client.force_login(users[username])
    found = i18n_audit.audit(client, urls, "th")
    report = [f"{call!r} on {where[0]}" for call, where in sorted(found.items())]
    english = i18n_audit.audit_text(client, urls, "th")
    report += [f"text {phrase!r} on {where[0]}" for phrase, where in sorted(english.items())]
    assert not report, "\n".join(report[:40])


def test_the_verification_screen_is_thai(client, chain_screens):
    users, _urls, draft = chain_screens
    chains.set_chain(draft.get_site(), "verify-approve-publish")
    client.force_login(users["author"])
    url = reverse("wagtail_disclosure_admin:request_publication", args=[draft.pk])
    html = client.get(url).content.decode()
    assert 'name="lawful"' in html and "พระราชบัญญัติว่าด้วยการกระทำความผิดเกี่ยวกับคอมพิวเตอร์" in html
    english = i18n_audit.audit_text(client, [url], "th")
    assert not english, english
