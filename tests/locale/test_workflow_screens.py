"""Thai on every screen the approval chain touches, in every workflow state, as each role.

Pages are put in each state (draft, at each step, refused, approved, emergency); the dashboard, the
editor, the histories, search, the reports and the task modals are crawled as each person of the
chain. The spy catches messages returned untranslated; the text scan catches what it cannot see
(Wagtail's partial Thai, a value printed as "None").
"""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Workflow

from tests.utils.approval import MEMO, act, make_draft
from wagtail_disclosure.approval import emergency
from wagtail_disclosure.i18n import audit as i18n_audit
from wagtail_disclosure.models import IndicatorPage

# Names and brands that are English by nature (demo content, product names).
ALLOWED = ("Wagtail", "Facebook", "YouTube", "Google", "Microsoft", "No Gift Policy")


@pytest.fixture
def pages_in_every_state(demo):
    users = {u.username: u for u in get_user_model().objects.all()}
    author, gd, director = users["author"], users["groupdirector"], users["director"]
    workflow = Workflow.objects.get(workflow_pages__page=demo["hub"])
    indicator = IndicatorPage.objects.get(item__code="O11")

    def draft(slug):
        return make_draft(indicator, author, title=f"แผนดำเนินงาน ({slug})", slug=slug)

    pages = {"draft": draft("state-draft")}
    pages["memo"] = draft("state-memo")
    workflow.start(pages["memo"], author)
    for name in ("group_review", "director_order", "refused", "approved"):
        page = pages[name] = draft(f"state-{name}")
        workflow.start(page, author)
        act(page, author, **MEMO)
    act(pages["director_order"], gd, comment="เห็นควรอนุญาต")
    act(pages["refused"], gd, "reject", comment="แก้ไขตัวเลข")
    act(pages["approved"], gd, comment="เห็นควรอนุญาต")
    act(pages["approved"], director, comment="อนุญาต")
    pages["emergency"] = draft("state-emergency")
    emergency.emergency_publish(pages["emergency"], director, "ประกาศด่วนตามคำสั่งจังหวัด")
    return pages


@pytest.mark.parametrize("username", ["author", "groupdirector", "deputy", "director", "admin"])
def test_the_chain_screens_are_thai_in_every_state(client, pages_in_every_state, username):
    client.force_login(get_user_model().objects.get(username=username))
    urls = i18n_audit.workflow_urls(pages_in_every_state.values())
    assert len(urls) > 40
    found = i18n_audit.audit(client, urls, "th")
    report = [f"{call!r} on {where[0]}" for call, where in sorted(found.items())]
    english = i18n_audit.audit_text(client, urls, "th", allowed=ALLOWED)
    report += [f"text {phrase!r} on {where[0]}" for phrase, where in sorted(english.items())]
    assert not report, f"{len(report)} English on the chain's screens:\n" + "\n".join(report[:60])
