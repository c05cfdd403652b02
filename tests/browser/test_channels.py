"""A citizen files a corruption complaint anonymously and follows it by its code."""

import pytest

pytestmark = pytest.mark.browser


def test_file_complaint_anonymously_and_follow_it(demo_live, browser_page, artifacts):
    from django.core.cache import cache

    cache.clear()
    page = browser_page
    page.goto(f"{demo_live['url']}/oit/")
    page.click("#item-O28 a[href$='/report-corruption/']")
    page.select_option("select[name=complaint_type]", "procurement")
    page.fill("input[name=subject]", "ล็อกสเปกการจัดซื้อคอมพิวเตอร์")
    page.fill("textarea[name=details]", "กำหนดคุณลักษณะให้ตรงกับผู้ขายรายเดียว")
    assert page.is_checked("input[name=anonymous]")
    page.check("input[name=consent]")
    page.screenshot(path=str(artifacts / "form.png"), full_page=True)
    page.click("form.wd-form button[type=submit]")
    code = page.inner_text("#tracking-code").strip()
    assert len(code) == 19
    page.screenshot(path=str(artifacts / "code.png"), full_page=True)

    from wagtail_disclosure.models import CorruptionComplaint

    complaint = CorruptionComplaint.objects.get(subject="ล็อกสเปกการจัดซื้อคอมพิวเตอร์")
    assert complaint.anonymous and complaint.complainant_name == ""
    complaint.change_status(None, "investigating", public_note="รับเรื่องไว้พิจารณาแล้ว")

    page.click("text=" + page.inner_text("a[href$='/track/']"))
    page.fill("input[name=code]", code.lower())
    page.click("form.wd-form button[type=submit]")
    status = page.inner_text(".wd-tracked")
    assert complaint.reference in status
    assert "รับเรื่องไว้พิจารณาแล้ว" in status
    page.screenshot(path=str(artifacts / "tracked.png"), full_page=True)
