"""One office's search inside the text match (``search.within``), and indexing that scales.

On the test database of either engine: the subtree token narrows the match without changing the
ranking, a moved branch is found in its new office, and indexing one page touches its own entry.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.query import PlainText
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend

from demo.models import HomePage
from wagtail_disclosure.approval.policy import trusted_publication
from wagtail_disclosure.models import DocumentPage, IndicatorPage
from wagtail_disclosure.search.query import search_pages, search_scope
from wagtail_disclosure.search.within import PlainTextWithin

pytestmark = pytest.mark.django_db

WORD = "งบประมาณ"  # on several demo pages


def _office_b():
    """A second office: a home, an indicator page, two pages with the demo's word."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="สำนักงาน ข", slug="office-b"))
    site = Site.objects.create(hostname="office-b.example", port=80, root_page=home)
    o1 = IndicatorPage.objects.get(item__code="O1")
    indicator = home.add_child(instance=IndicatorPage(title="โครงสร้าง ข", slug="o1", item=o1.item))
    pages = []
    with trusted_publication():
        for n, title in enumerate(["แผนใช้จ่ายงบประมาณของสำนักงาน ข", "รายงานงบประมาณ ข"]):
            page = DocumentPage(title=title, slug=f"b-{n}", date=datetime.date(2024, 1, 1 + n))
            indicator.add_child(instance=page)
            page.catalogue_items.set([o1.item])
            page.save_revision().publish()
            pages.append(page)
    return site, home, pages


def _pks(results):
    return [p.pk for p in results]


def test_a_search_within_an_office_matches_its_pages_only(demo):
    site_b, home_b, pages_b = _office_b()
    everywhere = _pks(Page.objects.live().search(WORD))
    assert set(everywhere) - {p.pk for p in pages_b}, "the word is on office A's pages too"
    # The whole tree is searched: the token alone keeps office A's pages out of the match.
    within_b = _pks(Page.objects.live().search(PlainTextWithin(WORD, home_b.pk)))
    assert sorted(within_b) == sorted(p.pk for p in pages_b)
    home_a = demo["site"].root_page
    within_a = _pks(Page.objects.live().search(PlainTextWithin(WORD, home_a.pk)))
    assert within_a and not set(within_a) & {p.pk for p in pages_b}
    assert set(within_a) == set(everywhere) - {p.pk for p in pages_b}


def test_a_search_within_a_branch_below_the_office(demo):
    o21 = IndicatorPage.objects.get(item__code="O21")
    found = Page.objects.live().search(PlainTextWithin("จัดซื้อ", o21.pk))
    assert found and all(p.path.startswith(o21.path) for p in found)


def test_the_office_token_does_not_change_the_ranking(demo):
    """The token is on every page of the office: it must not weigh in the scores (BM25 would
    favour short pages), whether the office is most of the index (A) or a small part (B)."""
    site_b, home_b, pages_b = _office_b()
    for site, text in [(demo["site"], WORD), (demo["site"], "จัดซื้อ"), (site_b, WORD)]:
        scope = search_scope(site)
        plain = scope.search(text).annotate_score("score")
        within = scope.search(PlainTextWithin(text, site.root_page_id)).annotate_score("score")
        plain_scores = {p.pk: p.score for p in plain}
        within_scores = {p.pk: p.score for p in within}
        assert len(plain_scores) > 1, text
        assert within_scores.keys() == plain_scores.keys(), text
        for pk, score in plain_scores.items():
            assert within_scores[pk] == pytest.approx(score), (text, pk)
        assert _pks(search_pages(scope, text, within=site.root_page)) == _pks(
            search_pages(scope, text)
        )


def test_the_public_search_passes_the_office_to_the_backend(demo, client, monkeypatch):
    seen = []
    backend = type(get_search_backend())
    original = backend.search

    def spy(self, query, *args, **kwargs):
        seen.append(query)
        return original(self, query, *args, **kwargs)

    monkeypatch.setattr(backend, "search", spy)
    response = client.get("/disclosure/search/", {"q": WORD})
    assert response.status_code == 200
    assert seen and all(isinstance(q, PlainTextWithin) for q in seen)
    assert {q.root_id for q in seen} == {demo["site"].root_page_id}


def test_a_page_moved_to_another_office_is_found_there(demo, django_capture_on_commit_callbacks):
    site_b, home_b, pages_b = _office_b()
    page = DocumentPage.objects.live().filter(title__contains=WORD).first()
    target = IndicatorPage.objects.child_of(home_b).get()
    with django_capture_on_commit_callbacks(execute=True), trusted_publication():
        page.move(target, pos="last-child")
    within_b = _pks(Page.objects.live().search(PlainTextWithin(WORD, home_b.pk)))
    within_a = _pks(Page.objects.live().search(PlainTextWithin(WORD, demo["site"].root_page_id)))
    assert page.pk in within_b
    assert page.pk not in within_a


def test_a_moved_branch_below_the_page_is_found_there_too(demo, django_capture_on_commit_callbacks):
    site_b, home_b, pages_b = _office_b()
    o21 = IndicatorPage.objects.get(item__code="O21")
    below = list(Page.objects.child_of(o21).live().values_list("pk", flat=True))
    assert below
    with django_capture_on_commit_callbacks(execute=True), trusted_publication():
        o21.move(home_b, pos="last-child")
    within_b = _pks(Page.objects.live().search(PlainTextWithin("จัดซื้อ", home_b.pk)))
    assert set(below) <= set(within_b)


def _entries():
    from modelsearch.conf import get_app_config

    return get_app_config().get_model("IndexEntry").objects


def test_indexing_one_page_refreshes_its_own_title_norm_only(demo):
    """modelsearch refreshed every entry whose norm was 1.0, after averaging the whole index."""
    page = DocumentPage.objects.live().first()
    _entries().update(title_norm=1.0)
    get_search_backend().add(page)
    own = _entries().get(object_id=str(page.pk))
    assert own.title_norm != 1.0
    assert _entries().exclude(pk=own.pk).exclude(title_norm=1.0).count() == 0


def test_indexing_one_page_reads_no_statistic_of_the_whole_index(demo):
    page = DocumentPage.objects.live().first()
    table = _entries().model._meta.db_table
    with CaptureQueriesContext(connection) as queries:
        get_search_backend().add(page)
    on_index = [q["sql"] for q in queries if table in q["sql"] and "_fts" not in q["sql"]]
    assert on_index
    for sql in on_index:
        upper = sql.upper()
        assert "AVG(" not in upper, sql
        if upper.startswith("UPDATE"):
            assert "OBJECT_ID" in upper, sql  # only the entries written
        if upper.startswith("SELECT") and "LENGTH" in upper:
            assert "LIMIT" in upper, sql  # a bounded sample of the newest entries


def test_the_plain_query_still_works_with_another_backend(demo):
    """Another backend reads ``PlainTextWithin`` as the plain text it is."""
    from wagtail.search.backends.database import SearchBackend

    plain = SearchBackend({})
    query = PlainTextWithin("O21", demo["site"].root_page_id)
    assert isinstance(query, PlainText)
    found = _pks(plain.search(query, Page.objects.live()))
    assert IndicatorPage.objects.get(item__code="O21").pk in found
