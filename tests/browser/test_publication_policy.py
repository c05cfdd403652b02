"""The web officer publishes at once, in the Thai admin, content that holds a national ID number:
the publication policy refuses it, says why in Thai, and nothing goes online."""

import pytest

from wagtail_disclosure.models import DocumentPage, IndicatorPage, WorkGroup

pytestmark = pytest.mark.browser

TITLE = "โครงสร้างองค์กร ฉบับทดสอบเลขประจำตัว"


def test_direct_publication_with_a_national_id_is_refused(
    demo_live, browser_page, login, artifacts
):
    page, url = browser_page, demo_live["url"]
    indicator = IndicatorPage.objects.get(slug="o1")  # publish at once: the web officer may
    policy_group = WorkGroup.objects.get(site=indicator.get_site(), code="policy")
    login(page, "author")  # the policy group's web officer

    page.goto(f"{url}/admin/pages/add/wagtail_disclosure/documentpage/{indicator.pk}/")
    page.wait_for_selector("#page-edit-form")
    page.fill("#id_title", TITLE)
    page.select_option("#id_responsible_group", str(policy_group.pk))
    page.locator(".DraftEditor-root [contenteditable=true]").first.click()
    page.keyboard.type("ติดต่อผู้ประสานงาน เลขประจำตัวประชาชน 1101700203450")
    page.wait_for_function(
        "() => (document.querySelector('input[name=body]') || {value: ''}).value.includes('1101700203450')"
    )
    # Publish sits in the footer's action menu, behind its toggle.
    page.locator(".w-dropdown-button [data-w-dropdown-target=toggle]").first.click()
    page.locator('button[name="action-publish"]').click()
    page.wait_for_url(f"{url}/admin/pages/*/edit/")
    page.screenshot(path=str(artifacts / "refused.png"), full_page=True)

    messages = page.locator(".messages").inner_text()
    assert "ยังเผยแพร่ไม่ได้" in messages and "เลขประจำตัวประชาชน" in messages
    created = DocumentPage.objects.get(title=TITLE)
    assert not created.live and created.live_revision_id is None
    assert "1101700203450" in created.get_latest_revision_as_object().body  # the draft is kept
