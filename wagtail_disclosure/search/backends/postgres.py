"""PostgreSQL variant: modelsearch's backend, indexing and querying segmented Thai."""

from contextlib import contextmanager

from django.contrib.postgres.search import SearchQuery
from django.db import connections, transaction
from django.db.models import BooleanField, F, Func
from modelsearch.backends.database.postgres import postgres as base
from modelsearch.utils import get_descendants_content_types_pks

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

    def matched_ids(self, config):
        """The primary keys of the objects whose index entry the words (and the subtree's token)
        match, read from the column's GIN index alone; once per search (the count and each page
        of results share them).

        Read first, on their own: inside the query that joins, counts and ranks, the planner
        guesses how many entries a prefix query matches, and guessed wrong both ways. Guessing
        one entry, it scanned the office's pages once per match (402 matches: 430 ms); guessing
        many, it tested the words against each of the office's pages, reading each page's
        vector, instead of asking the GIN index (2,582 pages: 50 ms, twice per search). A list
        of keys leaves it nothing to guess.
        """
        cached = getattr(self, "_matched", None)
        if cached is None or cached[0] != config:
            search_query = self.build_tsquery(self.query, config=config)
            subtree = subtree_of(self.query)
            if subtree is not None:
                # One tsquery: the GIN index intersects the words and the office itself.
                search_query &= SearchQuery(f"'{subtree}'", search_type="raw", config=config)
            column = self.MATCH_COLUMN.removeprefix("index_entries__")
            entries = base.IndexEntry.objects.filter(**{column: search_query}).values_list(
                "content_type_id", "object_id"
            )
            # The content types the queryset's join to its entries accepts (modelsearch's
            # TextIDGenericRelation); compared here, so that the query above has no other
            # condition for the planner to answer from another index.
            content_types = set(get_descendants_content_types_pks(self.queryset.model))
            to_python = self.queryset.model._meta.pk.to_python
            with index_scans(entries.db):
                ids = [
                    to_python(pk) for content_type, pk in entries if content_type in content_types
                ]
            self._matched = cached = (config, ids)
        return cached[1]

    def matches(self, config):
        """The queryset narrowed to the objects whose index entry matches.

        Limited to an office (the public search), by the keys of ``matched_ids``. Not limited
        (Wagtail's own admin search, over every office of an install), the match stays a
        subquery of the page query: a common word matches hundreds of thousands of entries on an
        install of 245 offices, keys that must not come into Python and back as a parameter.
        """
        if subtree_of(self.query) is None:
            search_query = self.build_tsquery(self.query, config=config)
            column = self.MATCH_COLUMN.removeprefix("index_entries__")
            entries = base.IndexEntry.objects.filter(**{column: search_query}).values("pk")
            return self.queryset.filter(index_entries__in=entries)
        return self.queryset.filter(AnyOf(F("pk"), self.matched_ids(config)))

    def match_count(self, config):
        """How many objects match; counted once per search (the count and each page share it).

        Limited to an office, the count joins no index entry: it reads the pages of
        ``matched_ids`` by primary key.
        """
        cached = getattr(self, "_match_count", None)
        if cached is None or cached[0] != config:
            queryset = self.matches(config)
            with index_scans(queryset.db):  # the subquery of a search not limited to an office
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


class AnyOf(Func):
    """``expression = ANY(%s)``, the values one array parameter.

    ``pk__in=values`` spells one parameter per value: at 2,500 matches Django and psycopg took
    6 ms to write them and PostgreSQL to parse them, in the count and again in the ranked query.
    """

    output_field = BooleanField()

    def __init__(self, expression, values):
        super().__init__(expression)
        self.values = list(values)

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"{sql} = ANY(%s)", (*params, self.values)


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
