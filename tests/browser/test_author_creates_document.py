"""The author's first task, clicked through the Wagtail admin in Thai: a document under an
indicator, saved as a draft, then found in the page explorer."""

import pytest

from wagtail_disclosure.models import DocumentPage, IndicatorPage

pytestmark = pytest.mark.browser


def test_author_creates_a_document_page_under_an_indicator(
    demo_live, browser_page, login, artifacts
):
    page, url = browser_page, demo_live["url"]
    indicator = IndicatorPage.objects.get(slug="o10")
    login(page, "author")

    page.goto(f"{url}/admin/pages/{indicator.pk}/")
    page.locator(f'a[href="/admin/pages/{indicator.pk}/add_subpage/"]').first.click()
    # O10 (a policy document) takes documents only: Wagtail opens the form without asking a type.
    page.wait_for_url(f"{url}/admin/pages/add/wagtail_disclosure/documentpage/{indicator.pk}/")
    page.wait_for_selector("#page-edit-form")
    # The catalogue item comes ticked from the parent indicator; the author ticks nothing.
    assert page.locator(f'input[name=catalogue_items][value="{indicator.item_id}"]').is_checked()
    assert page.locator("input[name=catalogue_items]:checked").count() == 1

    page.fill("#id_title", "ประกาศนโยบายคุ้มครองข้อมูลส่วนบุคคล ฉบับปรับปรุง")
    page.locator(".DraftEditor-root [contenteditable=true]").first.click()
    page.keyboard.type("สำนักงานเขตพื้นที่การศึกษาปรับปรุงนโยบายคุ้มครองข้อมูลส่วนบุคคล")
    # Draftail writes its hidden input on change: save only once the typed text is in it
    page.wait_for_function(
        "() => (document.querySelector('input[name=body]') || {value: ''}).value.includes('คุ้มครอง')"
    )
    page.screenshot(path=str(artifacts / "1-filled.png"), full_page=True)

    page.locator("button.action-save").first.click()
    page.wait_for_url(f"{url}/admin/pages/*/edit/")
    page.screenshot(path=str(artifacts / "2-saved.png"), full_page=True)

    created = DocumentPage.objects.get(title="ประกาศนโยบายคุ้มครองข้อมูลส่วนบุคคล ฉบับปรับปรุง")
    assert not created.live and created.get_parent().pk == indicator.pk
    assert list(created.catalogue_items.values_list("code", flat=True)) == ["O10"]
    assert created.responsible_group is not None  # preset from the item's default group
    draft = created.get_latest_revision_as_object()
    assert "ปรับปรุงนโยบายคุ้มครองข้อมูลส่วนบุคคล" in draft.body

    page.goto(f"{url}/admin/pages/{indicator.pk}/")
    row = page.locator(f'a[href="/admin/pages/{created.pk}/edit/"]').first
    row.wait_for()
    assert "ฉบับปรับปรุง" in row.inner_text()
    page.screenshot(path=str(artifacts / "3-explorer.png"), full_page=True)
