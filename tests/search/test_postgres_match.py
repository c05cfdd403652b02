"""PostgreSQL: the text match read once from the GIN index, then the count and the ranked page by
primary key (``ThaiPostgresQueryMixin.matched_ids``); the results those of the match, in rank
order, inside the office."""

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.query import PlainText

from wagtail_disclosure.search import segment, within
from wagtail_disclosure.search.query import search_pages, search_scope

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL backend"),
]

WORD = "งบประมาณ"  # on several demo pages


def _entries_matching(word, root_id):
    """The page ids whose index entry has the word (as a prefix) and the office's token."""
    from modelsearch.backends.database.postgres.postgres import IndexEntry

    query = SearchQuery(
        f"'{segment.encode(word)}':* & '{within.subtree_token(root_id)}'",
        search_type="raw",
        config="simple",
    )
    return {
        int(pk) for pk in IndexEntry.objects.filter(body=query).values_list("object_id", flat=True)
    }


def test_the_match_is_read_once_then_the_pages_by_key(demo):
    site = demo["site"]
    with CaptureQueriesContext(connection) as captured:
        results = search_pages(search_scope(site), WORD, within=site.root_page)
        total = results.count()
        first = list(results[:10])
    assert total and first
    text_matches = [q["sql"] for q in captured if "@@" in q["sql"]]
    assert len(text_matches) == 1, "the count and the page share one read of the GIN index"
    assert "wagtailcore_page" not in text_matches[0]
    by_key = [q["sql"] for q in captured if "= ANY(" in q["sql"] and "wagtailcore_page" in q["sql"]]
    assert len(by_key) == 2, "the count and the ranked page read the matched pages by key"


def test_the_results_are_the_office_pages_the_entries_match_in_rank_order(demo):
    site = demo["site"]
    scope = search_scope(site)
    results = search_pages(scope, WORD, within=site.root_page)
    expected = set(
        scope.filter(pk__in=_entries_matching(WORD, site.root_page_id)).values_list("pk", flat=True)
    )
    assert len(expected) > 1
    assert results.count() == len(expected)
    assert {p.pk for p in results} == expected
    ranked = list(
        scope.search(within.PlainTextWithin(WORD, site.root_page_id)).annotate_score("score")
    )
    keys = [(-p.score, -p.pk) for p in ranked]
    assert keys == sorted(keys), "best score first, newest first among equals"
    assert [p.pk for p in results] == [p.pk for p in ranked]


def test_a_word_no_page_has_counts_none_and_lists_none(demo):
    site = demo["site"]
    results = search_pages(search_scope(site), "ซ่อมแซมยานอวกาศ", within=site.root_page)
    assert results.count() == 0
    assert list(results) == []
    assert list(search_scope(site).search(PlainText("xyzzyplugh"))) == []


def test_a_search_not_limited_to_an_office_keeps_the_match_in_the_database(demo):
    """Wagtail's admin search spans every office of an install: a common word's keys (hundreds of
    thousands at 245 offices) are not read into Python, the match stays a subquery."""
    from wagtail.models import Page

    with CaptureQueriesContext(connection) as captured:
        results = Page.objects.live().search(PlainText(WORD))
        total = results.count()
        found = {p.pk for p in results}
    assert total == len(found) > 1
    text_matches = [q["sql"] for q in captured if "@@" in q["sql"]]
    assert text_matches and all("wagtailcore_page" in sql for sql in text_matches)
    assert not any("= ANY(" in q["sql"] for q in captured)
    site = demo["site"]
    assert (
        set(
            Page.objects.live()
            .filter(pk__in=_entries_matching(WORD, site.root_page_id))
            .values_list("pk", flat=True)
        )
        <= found
    )
