import pytest

pytestmark = pytest.mark.browser


def test_public_hub_shows_all_43_codes(demo_live, browser_page, artifacts):
    browser_page.goto(f"{demo_live['url']}/oit/")
    codes = browser_page.locator("tr[id^=item-] .wd-code").all_inner_texts()
    assert codes == [f"O{n}" for n in range(1, 44)]
    browser_page.screenshot(path=str(artifacts / "hub.png"), full_page=True)
