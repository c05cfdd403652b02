import pytest

pytestmark = pytest.mark.browser


def test_supervisor_sees_readiness_report_in_thai(demo_live, browser_page, artifacts):
    url = demo_live["url"]
    browser_page.goto(f"{url}/admin/login/")
    browser_page.fill("input[name=username]", "supervisor")
    browser_page.fill("input[name=password]", demo_live["password"])
    browser_page.click("button[type=submit]")
    browser_page.wait_for_url(f"{url}/admin/**")
    browser_page.goto(f"{url}/admin/disclosure/reports/oit-readiness/")
    rows = browser_page.locator("table.wd-items tbody tr")
    assert rows.count() == 43
    assert "โครงสร้างหน่วยงาน" in browser_page.locator("#item-O1").inner_text()
    assert browser_page.locator("svg.wd-chart").count() == 1
    assert browser_page.locator("html").get_attribute("lang") == "th"
    browser_page.screenshot(path=str(artifacts / "oit-readiness.png"), full_page=True)
