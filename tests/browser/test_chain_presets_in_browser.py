"""A chain other than the demo's, chosen in the admin and walked as each role, in Chromium.

The web administrator proposes the สพม.หนองคาย chain (memo → group director → the deputy's
endorsement → the director's order → the ICT group publishes) with its reason; the director
confirms it; then the author files the memo (the request screen lists the office's chain with
who takes each step), the group director allows, the deputy endorses it to the director, the
director orders, and the publisher puts it online. Each step is taken from the dashboard's review
screen and ends in a Thai confirmation; the deputy who endorsed has nothing left to decide; the
memo PDF names everyone who signed.
"""

import re
import subprocess

import pytest

from tests.utils.approval import make_draft
from tests.utils.pdf_text import skeleton
from wagtail_disclosure.models import ApprovalDecision, DocumentPage, IndicatorPage

pytestmark = pytest.mark.browser

THAI = re.compile(r"[\u0e00-\u0e7f]")
CHAIN = "/admin/disclosure/approval/chain/"
REASON = "ประกาศ สพม.หนองคาย เรื่อง มาตรการเผยแพร่ข้อมูลสาธารณะ ลงวันที่ ๓๑ มีนาคม ๒๕๖๖"


def shot(page, artifacts, name):
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)


def confirmation(page):
    message = page.locator(".messages .success").first
    message.wait_for()
    text = message.inner_text()
    assert THAI.search(text), text
    return text


def sign_in(page, login, username):
    page.context.clear_cookies()
    login(page, username)


def review_and_allow(page, url, artifacts, name, comment):
    """From the dashboard's row, open the review screen and allow: return the confirmation."""
    page.goto(f"{url}/admin/")
    link = page.get_by_role("link", name="พิจารณาคำขอ").first
    assert link.is_visible()
    link.click()
    page.locator("[data-wd-review-chain]").wait_for()
    shot(page, artifacts, name)
    page.fill("[name=allow-comment]", comment)
    with page.expect_navigation():
        page.locator("[data-wd-allow] button[type=submit]").click()
    return confirmation(page)


def test_the_deputy_endorsement_chain_chosen_in_the_admin_and_walked_as_each_role(
    demo_live, browser_page, login, artifacts
):
    from django.contrib.auth import get_user_model

    url = demo_live["url"]
    page = browser_page
    users = {u.username: u for u in get_user_model().objects.all()}

    # The web administrator proposes the chain of the สพม.หนองคาย announcement.
    sign_in(page, login, "admin")
    page.goto(f"{url}{CHAIN}")
    assert "ความเห็นผู้อำนวยการกลุ่ม" in page.locator("[data-wd-chain-steps]").first.inner_text()
    page.check("input[name=preset-preset][value=deputy-endorsement]")
    page.fill("[name=preset-reason]", REASON)
    shot(page, artifacts, "01-admin-proposes")
    with page.expect_navigation():
        page.get_by_role("button", name="เสนอสายการอนุมัตินี้").click()
    assert "ผู้อำนวยการ" in confirmation(page)

    # The director confirms it.
    sign_in(page, login, "director")
    page.goto(f"{url}{CHAIN}")
    proposal = page.locator("[data-wd-chain-proposal]")
    assert "รองผู้อำนวยการ" in proposal.inner_text()
    proposal.get_by_role("link", name="ยืนยันสายการอนุมัตินี้").click()
    page.locator("[data-wd-chain-confirm]").wait_for()
    shot(page, artifacts, "02-director-confirms")
    with page.expect_navigation():
        page.locator("[data-wd-chain-confirm-button]").click()
    confirmation(page)
    steps = page.locator("[data-wd-chain-steps]").first.inner_text()
    assert "ความเห็นรองผู้อำนวยการ" in steps and "กลุ่ม ICT" in steps

    # The author requests publication: the memo screen lists the chain and who takes each step.
    draft = make_draft(IndicatorPage.objects.get(item__code="O11"), users["author"], slug="nk")
    sign_in(page, login, "author")
    page.goto(f"{url}/admin/pages/{draft.pk}/edit/")
    with page.expect_navigation():
        page.get_by_role("button", name="ขอเผยแพร่ (ยื่นบันทึกข้อความ)").click()
    page.locator("[data-wd-request-steps]").wait_for()
    listed = page.locator("[data-wd-request-steps]").inner_text()
    for name in ("นายสมชาย รักงาน", "นางวิไล ศรีสุข", "นายประเสริฐ มั่นคง", "นายธนากร ทันสมัย"):
        assert name in listed, name
    page.fill("[name=number]", "ศธ 04001/321")
    page.fill("[name=attachments]", "แผนดำเนินงาน 1 ฉบับ")
    page.check("[name=certified]")
    shot(page, artifacts, "03-author-memo")
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("ยื่นบันทึกข้อความ และส่ง")).click()
    assert "ความเห็นผู้อำนวยการกลุ่ม" in confirmation(page)

    sign_in(page, login, "groupdirector")
    said = review_and_allow(page, url, artifacts, "04-group-director", "เห็นควรอนุญาต")
    assert "รองผู้อำนวยการ" in said

    sign_in(page, login, "deputy")
    page.goto(f"{url}/admin/")
    page.get_by_role("link", name="พิจารณาคำขอ").first.click()
    page.locator("[data-wd-review-chain]").wait_for()
    assert page.locator("[data-wd-delegation]").count() == 0  # in person, not on behalf
    assert "ขั้นตอนนี้" in page.locator("[data-wd-review-chain]").inner_text()
    said = review_and_allow(page, url, artifacts, "05-deputy-endorses", "เรียน เสนอ ผอ.")
    assert "คำสั่งผู้อำนวยการ" in said
    # The deputy endorsed: ordering on the director's behalf too would be a second step.
    page.goto(f"{url}/admin/")
    assert page.get_by_role("link", name="พิจารณาคำขอ").count() == 0

    sign_in(page, login, "director")
    said = review_and_allow(page, url, artifacts, "06-director-orders", "อนุญาต")
    assert "กลุ่ม ICT" in said
    assert not DocumentPage.objects.get(pk=draft.pk).live

    sign_in(page, login, "publisher")
    said = review_and_allow(page, url, artifacts, "07-publisher", "นำขึ้นเว็บไซต์แล้ว")
    assert "เผยแพร่" in said
    live = DocumentPage.objects.get(pk=draft.pk)
    assert live.live
    steps_taken = ApprovalDecision.objects.filter(page=live).order_by("created_at", "pk")
    assert [(d.step, d.user.username) for d in steps_taken] == [
        ("memo", "author"),
        ("group_review", "groupdirector"),
        ("deputy_endorsement", "deputy"),
        ("director_order", "director"),
        ("publication", "publisher"),
    ]

    # The memo PDF names everyone who signed, each in their step's box.
    page.goto(f"{url}/admin/disclosure/approval/history/?page={draft.pk}")
    with page.expect_download() as download_info:
        page.locator("a", has_text="PDF").first.click()
    target = artifacts / "request-memo.pdf"
    download_info.value.save_as(target)
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-singlefile", str(target), str(artifacts / "memo")],
        check=True,
    )
    flat = skeleton(text)
    for name in ("นางสาวสุดา ใจดี", "นายสมชาย รักงาน", "นางวิไล ศรีสุข", "นายประเสริฐ มั่นคง"):
        assert skeleton(name) in flat, name
    assert skeleton("นายธนากร ทันสมัย") in flat  # who put it online
