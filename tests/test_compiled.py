"""Queries compiled once and run on every request: the rows are always the database's own."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail_disclosure import compiled
from wagtail_disclosure.approval.policy import trusted_publication
from wagtail_disclosure.models import DocumentPage, IndicatorPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_statements():
    compiled.forget()
    yield
    compiled.forget()


def documents_of(indicator, built):
    def build():
        built.append(1)
        return (
            DocumentPage.objects.live()
            .child_of(indicator)
            .order_by("pk")
            .values("pk", "title", "date", "last_published_at")
        )

    return build


def test_rows_are_the_querysets_and_follow_the_data(demo, monkeypatch):
    monkeypatch.setattr(compiled, "VERIFY", False)  # as a site runs: built once
    indicator = IndicatorPage.objects.get(slug="o1")
    built = []
    key = ("test-documents", indicator.pk)
    first = compiled.values(key, documents_of(indicator, built))
    assert first == list(documents_of(indicator, [])())
    assert first  # the demo publishes the structure chart under O1

    with trusted_publication():
        page = DocumentPage(title="ผังโครงสร้างใหม่", slug="new-chart", date=datetime.date(2026, 1, 5))
        indicator.add_child(instance=page)
        page.save_revision().publish()
    again = compiled.values(key, documents_of(indicator, built))

    assert built == [1]  # compiled once, run twice
    assert [row["title"] for row in again] == [row["title"] for row in first] + ["ผังโครงสร้างใหม่"]
    new = again[-1]
    assert new["date"] == datetime.date(2026, 1, 5)  # converted as Django converts (SQLite: text)
    assert isinstance(new["last_published_at"], datetime.datetime)
    assert timezone.is_aware(new["last_published_at"])


def test_an_empty_list_matches_nothing_without_asking_the_database(demo):
    def build():
        return DocumentPage.objects.filter(pk__in=[]).values("pk")

    with CaptureQueriesContext(connection) as captured:
        assert compiled.values(("test-empty",), build) == []
        assert compiled.values(("test-empty",), build) == []
    assert len(captured) == 0


def test_the_least_recently_used_statement_goes_first(demo, monkeypatch):
    monkeypatch.setattr(compiled, "MAX_STATEMENTS", 2)
    monkeypatch.setattr(compiled, "VERIFY", False)
    indicator = IndicatorPage.objects.get(slug="o1")
    built = []
    build = documents_of(indicator, built)
    compiled.values(("a",), build)
    compiled.values(("b",), build)
    compiled.values(("a",), build)  # used again: "b" is now the oldest
    compiled.values(("c",), build)  # pushes "b" out
    compiled.values(("a",), build)
    assert len(built) == 3
    compiled.values(("b",), build)
    assert len(built) == 4


def test_a_key_that_leaves_something_out_fails_the_suite(demo):
    """The suite runs with ``VERIFY`` on: a key missing a value the query depends on is caught."""
    assert compiled.VERIFY
    o1, o2 = IndicatorPage.objects.filter(slug__in=["o1", "o2"]).order_by("path")
    compiled.values(("test-children",), documents_of(o1, []))
    with pytest.raises(AssertionError, match="leaves out something"):
        compiled.values(("test-children",), documents_of(o2, []))


def test_columns_keep_the_names_values_gave_them(demo):
    """An annotation named before a field in ``values()`` comes first in the row (Django 5.2)."""
    from django.db.models import Count
    from django.db.models.functions import Substr

    def build():
        return (
            DocumentPage.objects.live()
            .annotate(prefix=Substr("path", 1, 8))
            .values("prefix", "depth")
            .annotate(n=Count("pk"))
            .order_by("prefix", "depth")
        )

    rows = compiled.values(("test-named",), build)
    assert rows == list(build())
    assert {row["depth"] for row in rows} <= set(range(2, 10))
