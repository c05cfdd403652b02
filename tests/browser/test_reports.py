import pytest

pytestmark = pytest.mark.browser


def test_supervisor_sees_readiness_report_in_thai(demo_live, browser_page, login, artifacts):
    login(browser_page, "supervisor")
    browser_page.goto(f"{demo_live['url']}/admin/reports/oit-readiness/")
    rows = browser_page.locator("table.wd-items tbody tr")
    assert rows.count() == 43
    assert "โครงสร้างหน่วยงาน" in browser_page.locator("#item-O1").inner_text()
    assert browser_page.locator("svg.wd-chart").count() == 1
    assert browser_page.locator("html").get_attribute("lang") == "th"
    browser_page.screenshot(path=str(artifacts / "oit-readiness.png"), full_page=True)
