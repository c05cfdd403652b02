"""PostgreSQL variant: modelsearch's backend, indexing and querying segmented Thai."""

from contextlib import contextmanager

from django.contrib.postgres.search import SearchQuery
from django.db import connections, transaction
from modelsearch.backends.database.postgres import postgres as base

from wagtail_disclosure import conf
from wagtail_disclosure.search.backends.common import (
    SegmentingIndexMixin,
    build_expression,
    is_text,
    parsed,
    subtree_of,
)


class ThaiPostgresIndex(SegmentingIndexMixin, base.PostgresIndex):
    """modelsearch's index, written with segmented text.

    The title goes into the body too (``TITLE_IN_BODY``): modelsearch matches ``title || body``,
    an expression no index covers, so every query would read every entry; matching the
    GIN-indexed body column does not. The title column still weighs in the ranking. The subtree
    tokens go into the body as well (``SUBTREE_IN_BODY``): the office then narrows the match
    inside one GIN index scan, which answers it without reading a single vector.
    """

    TITLE_IN_BODY = True
    SUBTREE_IN_BODY = True


def _tsquery(query):
    return build_expression(
        query,
        token=lambda text, prefix: f"'{text}':*" if prefix else f"'{text}'",
        and_=lambda parts: "(" + " & ".join(parts) + ")",
        or_=lambda parts: "(" + " | ".join(parts) + ")",
    )


class ThaiPostgresQueryMixin:
    """Segmented queries matched on the body column's GIN index, ranked by modelsearch's rule.

    Ranking reads every matching entry's vectors (a body's is kilobytes, stored compressed out of
    line), so a word found on thousands of pages would take a second to order. Up to
    ``SEARCH_FULL_RANK_LIMIT`` matches (counted from the index alone, which reads no vector) the
    order is modelsearch's: title and body. Above it, the title's relevance only, newest first
    among equals: the small title vectors are stored in the row.
    """

    MATCH_COLUMN = "index_entries__body"

    def build_tsquery_content(self, query, config=None, invert=False):
        if is_text(query):
            expression = _tsquery(query)
            if expression is None:
                return None
            if invert:
                expression = f"!({expression})"
            return SearchQuery(expression, search_type="raw", config=config)
        return super().build_tsquery_content(query, config=config, invert=invert)

    def matches(self, config):
        """The queryset narrowed to the objects whose index entry the words (and the subtree's
        token) match.

        The match is a subquery of its own on the index entries, which only the column's GIN
        index answers: joined to the pages, the planner filtered entry after entry instead.
        """
        search_query = self.build_tsquery(self.query, config=config)
        subtree = subtree_of(self.query)
        if subtree is not None:
            # One tsquery: the GIN index intersects the words and the office itself.
            search_query &= SearchQuery(f"'{subtree}'", search_type="raw", config=config)
        column = self.MATCH_COLUMN.removeprefix("index_entries__")
        entries = base.IndexEntry.objects.filter(**{column: search_query}).values("pk")
        return self.queryset.filter(index_entries__in=entries)

    def match_count(self, config):
        """How many objects match; counted once per search (the count and each page share it)."""
        cached = getattr(self, "_match_count", None)
        if cached is None or cached[0] != config:
            queryset = self.matches(config)
            with index_scans(queryset.db):
                cached = (config, queryset.count())
            self._match_count = cached
        return cached[1]

    def search(self, config, start, stop, score_field=None, backend=None):
        if is_text(self.query) and not parsed(self.query):
            return self.queryset.none()
        if is_text(self.query) and self.fields is None:
            search_query = self.build_tsquery(self.query, config=config)
            vectors = self.get_search_vectors(search_query)
            if self.order_by_relevance and self.match_count(config) > conf.get(
                "SEARCH_FULL_RANK_LIMIT"
            ):
                vectors = vectors[:1]  # the title (modelsearch's first vector) only
            rank = self._build_rank_expression(vectors, config)
            queryset = self.matches(config)
            return self._apply_ordering_and_scoring(queryset, rank, start, stop, score_field)
        return super().search(config, start, stop, score_field=score_field, backend=backend)


class ThaiPostgresSearchQueryCompiler(ThaiPostgresQueryMixin, base.PostgresSearchQueryCompiler):
    pass


class ThaiPostgresAutocompleteQueryCompiler(
    ThaiPostgresQueryMixin, base.PostgresAutocompleteQueryCompiler
):
    MATCH_COLUMN = "index_entries__autocomplete"


@contextmanager
def index_scans(alias):
    """The queries inside read the index entries through their GIN indexes, not sequentially.

    PostgreSQL's planner does not count the reading of the vectors a sequential scan must
    decompress (a body's is kilobytes, stored out of line): for a word on a third of 10,000
    pages it chose to read every entry (255 ms) where the body's GIN index answers the match
    without reading one (4 ms). Sequential scans are switched off for these queries only
    (``set_config(..., true)``: the transaction's setting, put back afterwards).
    """
    connection = connections[alias]
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), set_config('enable_seqscan', 'off', true)"
        )
        before = cursor.fetchone()[0]
        try:
            yield
        finally:
            cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [before])


class ThaiPostgresSearchResults(base.PostgresSearchResults):
    def _do_search(self):
        compiler = self.query_compiler
        if is_text(compiler.query) and compiler.fields is None:
            with index_scans(compiler.queryset.db):
                return super()._do_search()
        return super()._do_search()

    def _do_count(self):
        compiler = self.query_compiler
        if is_text(compiler.query) and compiler.fields is None and parsed(compiler.query):
            return compiler.match_count(compiler.get_config(self.backend))
        return super()._do_count()


class ThaiPostgresSearchBackend(base.PostgresSearchBackend):
    """Index tokens are already normalised, so the ``simple`` configuration (no stemming) is used."""

    query_compiler_class = ThaiPostgresSearchQueryCompiler
    results_class = ThaiPostgresSearchResults
    autocomplete_query_compiler_class = ThaiPostgresAutocompleteQueryCompiler
    index_class = ThaiPostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.config = params.get("SEARCH_CONFIG", "simple")
