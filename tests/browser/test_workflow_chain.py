"""The chain as people click it, with nothing hidden: the author requests publication from the editor
and files the prefilled memo; the group director refuses from the dashboard row; the author fixes
the page and files the memo again without retyping; the group director allows; the deputy sees the
delegation and orders on the director's behalf. Every step ends in a Thai confirmation."""

import re

import pytest

from tests.utils.approval import make_draft
from wagtail_disclosure.models import ApprovalDecision, DocumentPage, IndicatorPage

pytestmark = pytest.mark.browser

THAI = re.compile(r"[\u0e00-\u0e7f]")


def logout(page):
    page.context.clear_cookies()


def shot(page, artifacts, name):
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)


def confirmation(page):
    message = page.locator(".messages .success").first
    message.wait_for()
    text = message.inner_text()
    assert THAI.search(text), text
    return text


def request_publication(page, url, page_id, artifacts, name, title=None):
    """From the editor: the visible "request publication" button saves and opens the memo."""
    page.goto(f"{url}/admin/pages/{page_id}/edit/")
    if title:
        page.fill("#id_title", title)
    button = page.get_by_role("button", name="ขอเผยแพร่ (ยื่นบันทึกข้อความ)")
    assert button.is_visible()
    shot(page, artifacts, f"{name}-editor")
    with page.expect_navigation():
        button.click()
    page.wait_for_url(re.compile(r"/approval/request/"))
    page.locator("form [name=subject]").wait_for()


def file_memo(page, artifacts, name):
    page.check("[name=certified]")
    shot(page, artifacts, f"{name}-memo")
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("ยื่นบันทึกข้อความ และส่ง")).click()
    return confirmation(page)


def review_from_dashboard(page, url, artifacts, name):
    page.goto(f"{url}/admin/")
    link = page.get_by_role("link", name="พิจารณาคำขอ").first
    assert link.is_visible()
    shot(page, artifacts, f"{name}-dashboard")
    link.click()
    page.locator("[data-wd-memo]").wait_for()


def test_chain_in_the_browser(demo_live, browser_page, login, artifacts):
    from django.contrib.auth import get_user_model

    url = demo_live["url"]
    users = {u.username: u for u in get_user_model().objects.all()}
    draft = make_draft(IndicatorPage.objects.get(item__code="O11"), users["author"], slug="browser")
    page = browser_page

    login(page, "author")
    request_publication(page, url, draft.pk, artifacts, "01-author")
    assert draft.title in page.input_value("[name=subject]")
    page.fill("[name=number]", "ศธ 04001/123")
    page.fill("[name=attachments]", "แผนดำเนินงาน 1 ฉบับ")
    assert "ผู้อำนวยการกลุ่ม" in file_memo(page, artifacts, "02-author")
    logout(page)

    login(page, "groupdirector")
    review_from_dashboard(page, url, artifacts, "03-group-director")
    assert "ศธ 04001/123" in page.locator("[data-wd-memo]").inner_text()
    page.fill("[name=refuse-comment]", "ขอให้ระบุปีงบประมาณในชื่อเรื่อง")
    shot(page, artifacts, "04-group-director-refuses")
    with page.expect_navigation():
        page.locator("[data-wd-refuse] button[type=submit]").click()
    assert "ส่ง" in confirmation(page)
    logout(page)

    login(page, "author")
    page.goto(f"{url}/admin/")
    assert page.get_by_text("ขอให้ระบุปีงบประมาณในชื่อเรื่อง").first.is_visible()
    shot(page, artifacts, "05-author-sees-refusal")
    request_publication(
        page,
        url,
        draft.pk,
        artifacts,
        "06-author-fixes",
        title="แผนดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๗",
    )
    assert page.input_value("[name=number]") == "ศธ 04001/123"  # kept: no retyping
    file_memo(page, artifacts, "07-author-again")
    assert DocumentPage.objects.get(pk=draft.pk).current_workflow_task.specific.step == (
        "group_review"
    )
    logout(page)

    login(page, "groupdirector")
    review_from_dashboard(page, url, artifacts, "08-group-director")
    page.fill("[name=allow-comment]", "เห็นควรอนุญาต")
    with page.expect_navigation():
        page.locator("[data-wd-allow] button[type=submit]").click()
    confirmation(page)
    logout(page)

    login(page, "deputy")
    review_from_dashboard(page, url, artifacts, "09-deputy")
    notice = page.locator("[data-wd-delegation]")
    assert "ปฏิบัติราชการแทน" in notice.inner_text()
    shot(page, artifacts, "10-deputy-sees-delegation")
    page.fill("[name=allow-comment]", "อนุญาต")
    page.check("[name=allow-on_behalf]")
    with page.expect_navigation():
        page.locator("[data-wd-allow] button[type=submit]").click()
    assert "เผยแพร่" in confirmation(page)
    shot(page, artifacts, "11-deputy-ordered")

    live = DocumentPage.objects.get(pk=draft.pk)
    assert live.live and live.title == "แผนดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๗"
    order = ApprovalDecision.objects.get(page=live, step="director_order")
    assert order.on_behalf_of.user.username == "director"

    page.goto(f"{url}/admin/disclosure/approval/history/?page={draft.pk}")
    assert page.get_by_text("ขอให้ระบุปีงบประมาณในชื่อเรื่อง").is_visible()
    shot(page, artifacts, "12-history")
    with page.expect_download() as download_info:
        page.locator("a", has_text="PDF").first.click()
    target = artifacts / "request-memo.pdf"
    download_info.value.save_as(target)
    assert target.read_bytes().startswith(b"%PDF")

    page.goto(f"{url}{live.url}")
    assert "แผนดำเนินงาน" in page.content()
    shot(page, artifacts, "13-live")


def test_blocked_content_is_shown_before_the_chain_with_links_to_fix(
    demo_live, browser_page, login, artifacts
):
    from django.contrib.auth import get_user_model
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from wagtail_disclosure.models import DocumentAttachment
    from wagtail_disclosure.models.media import save_rights

    author = get_user_model().objects.get(username="author")
    draft = make_draft(IndicatorPage.objects.get(item__code="O11"), author, slug="blocked")
    document = get_document_model()(title="เอกสารไม่มีสัญญาอนุญาต")
    document.file.save("plan.pdf", ContentFile(b"%PDF-1.4\n%%EOF"), save=False)
    document.save()
    save_rights(document, {"source": "กลุ่มนโยบายและแผน"})
    draft.attachments.add(DocumentAttachment(document=document))
    draft.save_revision(user=author)

    page = browser_page
    login(page, "author")
    page.goto(f"{demo_live['url']}/admin/disclosure/approval/request/{draft.pk}/")
    findings = page.locator("[data-wd-findings]")
    assert "เอกสารไม่มีสัญญาอนุญาต" in findings.inner_text()
    assert (
        findings.get_by_role("link", name="ไปแก้ไข")
        .first.get_attribute("href")
        .endswith(f"/documents/edit/{document.pk}/")
    )
    assert page.locator(".messages .success").count() == 0
    assert page.locator("[name=certified]").count() == 0
    shot(page, artifacts, "blocked-before-the-chain")
    assert DocumentPage.objects.get(pk=draft.pk).current_workflow_state is None
