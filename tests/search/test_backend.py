"""The Thai backend on the test database (SQLite or PostgreSQL, as DATABASE_URL says)."""

import datetime
from decimal import Decimal

import pytest
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from wagtail_disclosure.approval.policy import trusted_publication
from wagtail_disclosure.models import (
    DisclosurePage,
    IndicatorPage,
    ProcurementRow,
    ProcurementSummaryPage,
)
from wagtail_disclosure.search.query import search_pages

pytestmark = pytest.mark.django_db


def titles(results):
    return [p.title for p in results]


def test_settings_select_the_thai_backend_for_the_database(demo):
    from django.db import connection

    # Each variant's module imports only on its own database (modelsearch's models differ).
    expected = {"postgresql": "ThaiPostgresSearchBackend", "sqlite": "ThaiSQLiteSearchBackend"}
    assert type(get_search_backend()).__name__ == expected[connection.vendor]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("จัดซื้อ", "สรุปผลการจัดซื้อจัดจ้างประจำเดือน"),  # inside the compound จัดซื้อจัดจ้าง
        ("งบประมาณ", "แผนปฏิบัติราชการประจำปีงบประมาณ"),  # inside ปีงบประมาณ
        ("ร้องเรียน", "คู่มือการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"),
        ("โปร่งใส", "ประชุมคณะทำงานการประเมินคุณธรรมและความโปร่งใส (ITA)"),
        ("ITA", "ประชุมคณะทำงานการประเมินคุณธรรมและความโปร่งใส (ITA)"),
        ("เย็นสบาย", "สรุปผลการจัดซื้อจัดจ้างประจำเดือน"),  # a procurement row's bidder
        ("ประเสริฐ", "ข้อมูลผู้บริหาร"),  # an executive's name
        ("จัดซื้", "สรุปผลการจัดซื้อจัดจ้างประจำเดือน"),  # a partial word
    ],
)
def test_thai_words_find_the_demo_pages(demo, query, expected):
    found = titles(Page.objects.live().search(query))
    assert any(t.startswith(expected) for t in found), (query, found)


def test_indicator_code_finds_the_indicator_and_its_content(demo):
    found = Page.objects.live().search("O21")
    kinds = {type(p.specific) for p in found}
    assert IndicatorPage in kinds and ProcurementSummaryPage in kinds
    assert all(
        p.specific.item.code == "O21"
        if isinstance(p.specific, IndicatorPage)
        else "O21" in [i.code for i in p.specific.catalogue_items.all()]
        for p in found
    )


def test_thai_and_arabic_digits_match_each_other(demo):
    # The demo row's contract number is written in Thai digits: "ใบสั่งซื้อ ๑๒/๒๕๖๖".
    assert titles(Page.objects.live().search("ใบสั่งซื้อ 12/2566"))
    assert titles(Page.objects.live().search("ใบสั่งซื้อ ๑๒/๒๕๖๖"))


def test_unrelated_words_find_nothing(demo):
    assert not titles(Page.objects.live().search("ฟุตบอลโลก"))
    assert not titles(Page.objects.live().search("!!!"))


def test_default_backend_does_not_segment_thai(demo):
    """What this backend is for: the plain database backend misses the same query."""
    from wagtail.search.backends.database import SearchBackend

    assert list(get_search_backend().search("โปร่งใส", DisclosurePage.objects.live()))
    plain = SearchBackend({})
    plain.get_index_for_model(DisclosurePage).reset()  # the index table is shared
    for page in DisclosurePage.objects.all():
        plain.add(page.specific)
    assert not list(plain.search("โปร่งใส", DisclosurePage.objects.live()))


def test_admin_autocomplete_finds_thai_inside_titles(demo):
    found = titles(Page.objects.autocomplete("งบประมาณ"))
    assert any("ปีงบประมาณ" in t for t in found)
    assert titles(Page.objects.autocomplete("จัดซื้"))


def test_search_falls_back_to_any_word_when_no_page_has_all(demo):
    # "ฟุตบอล" is on no page: all-words search finds nothing, any-word search ranks the rest.
    pages = Page.objects.live()
    assert not titles(pages.search("ร้องเรียน ฟุตบอล", operator="and"))
    assert titles(search_pages(pages, "ร้องเรียน ฟุตบอล"))


def test_new_page_rows_are_indexed_once_the_save_commits(demo, django_capture_on_commit_callbacks):
    """Wagtail indexes in post_save, before modelcluster writes the rows: we index again after."""
    parent = IndicatorPage.objects.get(item__code="O21")
    page = ProcurementSummaryPage(
        title="สรุปผลการจัดซื้อจัดจ้าง มีนาคม",
        slug="procurement-test",
        month=3,
        year=2567,
        date=datetime.date(2024, 3, 31),
    )
    page.rows.add(
        ProcurementRow(
            work="จ้างเหมาบริการทำความสะอาดอาคารสำนักงาน",
            budget=Decimal("96000"),
            method="เฉพาะเจาะจง",
            bidders="บริษัทสะอาดใส จำกัด",
            selected="บริษัทสะอาดใส จำกัด",
            reason="ราคาเหมาะสม",
            contract="สัญญาเลขที่ ๓/๒๕๖๗",
        )
    )
    # set-up content: the approval chain is tested in tests/workflows
    with django_capture_on_commit_callbacks(execute=True), trusted_publication():
        parent.add_child(instance=page)
        page.catalogue_items.set([parent.item])
        page.save_revision().publish()
    assert titles(Page.objects.live().search("ทำความสะอาด")) == [page.title]
    assert page.title in titles(Page.objects.live().search("สะอาดใส"))
