"""The chain as people click it: submit, refuse with a reason, fix, resubmit, allow, order on behalf."""

import pytest

from tests.utils.approval import MEMO, make_draft
from wagtail_disclosure.models import ApprovalDecision, DocumentPage, IndicatorPage

pytestmark = pytest.mark.browser


def logout(page, url):
    page.context.clear_cookies()


def dashboard_action(page, url, action, artifacts, shot, **fields):
    """Open the dashboard, take ``action`` on the waiting page through Wagtail's modal, fill it in."""
    page.goto(f"{url}/admin/")
    button = page.locator(f'button[data-workflow-action-url*="/{action}/"]').first
    button.dispatch_event("click")
    modal = page.locator(".modal-content form")
    modal.wait_for()
    for name, value in fields.items():
        field = modal.locator(f'[name="{name}"]')
        if value is True:
            field.check()
        else:
            field.fill(value)
    page.screenshot(path=str(artifacts / f"{shot}.png"), full_page=True)
    modal.locator('button[type="submit"]').click()
    page.locator(".modal-content form").wait_for(state="detached")
    page.wait_for_load_state("networkidle")


def submit_from_editor(page, url, page_id, artifacts, shot, title=None):
    page.goto(f"{url}/admin/pages/{page_id}/edit/")
    if title:
        page.fill("#id_title", title)
    page.screenshot(path=str(artifacts / f"{shot}.png"), full_page=True)
    with page.expect_navigation():
        page.locator('button[name="action-submit"]').evaluate("b => b.click()")


def test_chain_in_the_browser(demo_live, browser_page, login, artifacts):
    from django.contrib.auth import get_user_model

    url = demo_live["url"]
    users = {u.username: u for u in get_user_model().objects.all()}
    draft = make_draft(IndicatorPage.objects.get(item__code="O11"), users["author"], slug="browser")
    page = browser_page
    memo = {k: v for k, v in MEMO.items() if k != "body"}

    login(page, "author")
    submit_from_editor(page, url, draft.pk, artifacts, "01-author-submits")
    dashboard_action(page, url, "approve", artifacts, "02-author-files-memo", **memo)
    logout(page, url)

    login(page, "groupdirector")
    dashboard_action(
        page,
        url,
        "reject",
        artifacts,
        "03-group-director-refuses",
        comment="ขอให้ระบุปีงบประมาณในชื่อเรื่อง",
    )
    logout(page, url)

    login(page, "author")
    page.goto(f"{url}/admin/")
    submit_from_editor(
        page,
        url,
        draft.pk,
        artifacts,
        "04-author-fixes",
        title="แผนดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๗",
    )
    dashboard_action(page, url, "approve", artifacts, "05-author-files-memo-again", **memo)
    logout(page, url)

    login(page, "groupdirector")
    dashboard_action(
        page, url, "approve", artifacts, "06-group-director-allows", comment="เห็นควรอนุญาต"
    )
    logout(page, url)

    login(page, "deputy")
    dashboard_action(page, url, "approve", artifacts, "07-deputy-orders", comment="อนุญาต")

    live = DocumentPage.objects.get(pk=draft.pk)
    assert live.live and live.title == "แผนดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๗"
    order = ApprovalDecision.objects.get(page=live, step="director_order")
    assert order.on_behalf_of.user.username == "director"

    page.goto(f"{url}/admin/disclosure/approval/history/?page={draft.pk}")
    assert page.get_by_text("ขอให้ระบุปีงบประมาณในชื่อเรื่อง").is_visible()
    page.screenshot(path=str(artifacts / "08-history.png"), full_page=True)
    with page.expect_download() as download_info:
        page.locator("a", has_text="PDF").first.click()
    download = download_info.value
    target = artifacts / "request-memo.pdf"
    download.save_as(target)
    assert target.read_bytes().startswith(b"%PDF")

    page.goto(f"{url}{live.url}")
    assert "แผนดำเนินงาน" in page.content()
    page.screenshot(path=str(artifacts / "09-live.png"), full_page=True)
