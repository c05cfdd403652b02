"""The chain as people click it, with nothing hidden, in Thai, a screenshot at every step.

A new author, told nothing, finds the indicator by its O-code in the page explorer, adds the page
(the indicator takes one page type, so the form opens at once), clicks the form's one action,
"request publication", which saves the page and opens the memo the page prefilled, and files it; the group director opens the memo, its PDF
and the checks from the dashboard's task row and refuses; the author sees why on the dashboard,
fixes the page and files the memo again without retyping; the group director allows; the deputy
sees the delegation (order number, dates) and orders on the director's behalf; the page is live.
Every step ends in a Thai confirmation, and no screen any of them sees shows an English phrase
(``i18n.audit.english_phrases`` on the page as the browser has it, scripts' output included).
Screenshots: test-artifacts/test_chain_in_the_browser/.
"""

import re

import pytest

from tests.utils.approval import make_draft
from wagtail_disclosure.i18n.audit import english_phrases
from wagtail_disclosure.models import ApprovalDecision, DocumentPage, IndicatorPage

pytestmark = pytest.mark.browser

THAI = re.compile(r"[\u0e00-\u0e7f]")


def logout(page):
    page.context.clear_cookies()


# English that is the content's own: ITA 2566 names indicators O31–O33 "... (No Gift Policy)".
CONTENT_ENGLISH = ("No Gift Policy",)


def shot(page, artifacts, name, english=True):
    """A screenshot of the step; unless told otherwise, the text the screen shows (as the browser
    draws it: scripts' output in, hidden elements out) has no English phrase."""
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)
    if english:
        found = english_phrases(page.locator("body").inner_text(), CONTENT_ENGLISH)
        assert not found, f"{name}: English on a Thai screen: {sorted(found)}"


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


TITLE = "แผนดำเนินงานและการใช้งบประมาณ"
FIXED_TITLE = "แผนดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๗"
NUMBER = "ศธ 04001/123"


def author_files_a_new_page(page, url, hub, indicator, artifacts):
    """The author finds O11 by its code in the explorer and adds a page under it."""
    page.goto(f"{url}/admin/")
    shot(page, artifacts, "00-author-dashboard")
    page.goto(f"{url}/admin/pages/{hub.pk}/")
    row = page.locator(f'a[href="/admin/pages/{indicator.pk}/"]').first
    shot(page, artifacts, "01-author-explorer")
    page.get_by_role("link", name=re.compile(r"^O11 ")).first.wait_for()
    row.click()
    page.wait_for_url(f"{url}/admin/pages/{indicator.pk}/")
    page.locator(f'a[href="/admin/pages/{indicator.pk}/add_subpage/"]').first.click()
    # O11 takes documents only: the form opens without a choice of page type.
    page.wait_for_url(re.compile(r"/admin/pages/add/wagtail_disclosure/documentpage/"))
    page.fill("#id_title", TITLE)
    page.fill("#id_number", NUMBER)
    page.locator(".DraftEditor-root [contenteditable=true]").first.click()
    page.keyboard.type("แผนดำเนินงานประจำปีของสำนักงาน")
    page.wait_for_function(
        "() => (document.querySelector('input[name=body]') || {value: ''}).value.includes('แผน')"
    )
    # The form's one visible action says what comes next: it saves the page and opens the memo.
    button = page.get_by_role("button", name="ขอเผยแพร่ (ยื่นบันทึกข้อความ)")
    assert button.is_visible()
    shot(page, artifacts, "02-author-new-page")
    with page.expect_navigation():
        button.click()
    page.wait_for_url(re.compile(r"/approval/request/"))
    page.locator("form [name=subject]").wait_for()
    shot(page, artifacts, "03-author-memo-opens")
    return DocumentPage.objects.get(title=TITLE)


def test_chain_in_the_browser(demo_live, browser_page, login, artifacts):
    url = demo_live["url"]
    page = browser_page
    indicator = IndicatorPage.objects.get(item__code="O11")

    login(page, "author")
    draft = author_files_a_new_page(page, url, demo_live["hub"], indicator, artifacts)
    # Prefilled from the page: the subject from its title, the number it holds.
    assert TITLE in page.input_value("[name=subject]")
    assert page.input_value("[name=number]") == NUMBER
    page.fill("[name=attachments]", "แผนดำเนินงาน 1 ฉบับ")
    assert "ผู้อำนวยการกลุ่ม" in file_memo(page, artifacts, "05-author")
    shot(page, artifacts, "06-author-filed")
    # The editor while the page waits for the group director: Thai, and no lock-out banner.
    page.goto(f"{url}/admin/pages/{draft.pk}/edit/")
    shot(page, artifacts, "06-author-editor-in-the-chain")
    logout(page)

    login(page, "groupdirector")
    review_from_dashboard(page, url, artifacts, "07-group-director")
    assert NUMBER in page.locator("[data-wd-memo]").inner_text()
    assert page.locator("[data-wd-memo-pdf]").is_visible()  # the memo's PDF, from the task
    assert page.locator("[data-wd-review-checks]").is_visible()
    shot(page, artifacts, "08-group-director-task")
    page.fill("[name=refuse-comment]", "ขอให้ระบุปีงบประมาณในชื่อเรื่อง")
    shot(page, artifacts, "09-group-director-refuses")
    with page.expect_navigation():
        page.locator("[data-wd-refuse] button[type=submit]").click()
    assert "ส่ง" in confirmation(page)
    shot(page, artifacts, "10-group-director-refused")
    logout(page)

    login(page, "author")
    page.goto(f"{url}/admin/")
    assert page.get_by_text("ขอให้ระบุปีงบประมาณในชื่อเรื่อง").first.is_visible()
    shot(page, artifacts, "11-author-sees-refusal")
    request_publication(page, url, draft.pk, artifacts, "12-author-fixes", title=FIXED_TITLE)
    # Kept from the refused memo: nothing to type again.
    assert page.input_value("[name=number]") == NUMBER
    assert page.input_value("[name=attachments]") == "แผนดำเนินงาน 1 ฉบับ"
    assert FIXED_TITLE in page.input_value("[name=subject]")
    file_memo(page, artifacts, "13-author-again")
    assert DocumentPage.objects.get(pk=draft.pk).current_workflow_task.specific.step == (
        "group_review"
    )
    logout(page)

    login(page, "groupdirector")
    review_from_dashboard(page, url, artifacts, "14-group-director")
    assert page.locator("[data-wd-diff]").is_visible()  # what changed since the refusal
    page.fill("[name=allow-comment]", "เห็นควรอนุญาต")
    with page.expect_navigation():
        page.locator("[data-wd-allow] button[type=submit]").click()
    confirmation(page)
    shot(page, artifacts, "15-group-director-allowed")
    logout(page)

    login(page, "deputy")
    review_from_dashboard(page, url, artifacts, "16-deputy")
    notice = page.locator("[data-wd-delegation]")
    assert "ปฏิบัติราชการแทน" in notice.inner_text()
    shot(page, artifacts, "17-deputy-sees-delegation")
    page.fill("[name=allow-comment]", "อนุญาต")
    page.check("[name=allow-on_behalf]")
    with page.expect_navigation():
        page.locator("[data-wd-allow] button[type=submit]").click()
    assert "เผยแพร่" in confirmation(page)
    shot(page, artifacts, "18-deputy-ordered")

    live = DocumentPage.objects.get(pk=draft.pk)
    assert live.live and live.title == FIXED_TITLE
    order = ApprovalDecision.objects.get(page=live, step="director_order")
    assert order.on_behalf_of.user.username == "director"

    page.goto(f"{url}/admin/disclosure/approval/history/?page={draft.pk}")
    assert page.get_by_text("ขอให้ระบุปีงบประมาณในชื่อเรื่อง").is_visible()
    shot(page, artifacts, "19-history")
    with page.expect_download() as download_info:
        page.locator("a", has_text="PDF").first.click()
    target = artifacts / "request-memo.pdf"
    download_info.value.save_as(target)
    assert target.read_bytes().startswith(b"%PDF")

    page.goto(f"{url}{live.url}")
    assert FIXED_TITLE in page.content()
    shot(page, artifacts, "20-live")


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
