"""The office's supervisor moves the office to next year's edition in the browser: from the
Disclosure menu, a choice, the preview of what will happen, the confirmation; then the public site
shows the new list and last year's, archived."""

import pytest

from wagtail_disclosure.catalogue.loader import load

pytestmark = pytest.mark.browser


def test_supervisor_moves_the_office_to_ita_2568(demo_live, browser_page, artifacts):
    edition = load("ita-2568").edition
    url, page = demo_live["url"], browser_page
    page.goto(f"{url}/admin/login/")
    page.fill("input[name=username]", "supervisor")
    page.fill("input[name=password]", demo_live["password"])
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/admin/**")

    page.goto(f"{url}/admin/disclosure/catalogue/rollover/")
    assert page.locator("h1").inner_text().strip() == "ย้ายไปรายการของปีถัดไป"
    page.select_option("select[name=edition]", value=str(edition.pk))
    page.click("text=ดูสิ่งที่จะเกิดขึ้น")
    table = page.locator("[data-wd-rollover] table.wd-items")
    table.wait_for()
    assert page.locator("header .button, header a.button").count() == 0  # no stray "add" button
    assert table.locator("tbody tr").count() == 28  # 26 items and O1's two parts
    assert "จัดเก็บถาวร" in page.locator("[data-wd-rollover] ul").first.inner_text()
    page.screenshot(path=str(artifacts / "rollover-preview.png"), full_page=True)

    page.click("[data-wd-confirm-rollover]")
    page.wait_for_url(f"{url}/admin/disclosure/reports/oit-readiness/**")
    page.locator(".messages").wait_for()
    assert "สำนักงานใช้" in page.locator(".messages").inner_text()
    assert page.locator("table.wd-items tbody tr").count() == 26  # parts within their items

    page.goto(f"{url}/oit/")
    assert page.locator("[data-wd-archived]").count() == 0
    assert "ดูข้อย่อยด้านล่าง" in page.locator("#item-O1").inner_text()
    page.goto(f"{url}/oit-2566/")
    banner = page.locator("[data-wd-archived]")
    assert "ข้อมูลเก็บถาวร" in banner.inner_text()
    banner.locator("a").click()
    page.wait_for_url(f"{url}/oit/")
    page.screenshot(path=str(artifacts / "new-hub.png"), full_page=True)
