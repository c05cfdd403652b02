import pytest

pytestmark = pytest.mark.browser


def test_public_hub_shows_all_43_codes(demo_live, browser_page, artifacts):
    browser_page.goto(f"{demo_live['url']}/oit/")
    codes = browser_page.locator("tr[id^=item-] .wd-code").all_inner_texts()
    assert codes == [f"O{n}" for n in range(1, 44)]
    # last-updated dates are in the Buddhist Era, and no internal status marker is shown
    updated = browser_page.locator("#item-O1 .wd-updated").inner_text()
    assert any(str(year) in updated for year in range(2560, 2600))
    assert "⚠" not in browser_page.locator("main, body").first.inner_text()
    browser_page.screenshot(path=str(artifacts / "hub.png"), full_page=True)
