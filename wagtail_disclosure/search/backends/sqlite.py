"""SQLite FTS5 variant: modelsearch's backend, indexing and querying segmented Thai."""

from collections import OrderedDict

from django.db.models import Count, FloatField, Func, Value
from modelsearch.backends.database.sqlite import sqlite as base
from modelsearch.backends.database.sqlite.query import SearchQueryExpression

from wagtail_disclosure.search.backends.common import (
    SegmentingIndexMixin,
    build_expression,
    is_text,
    parsed,
    subtree_of,
)


class ThaiSQLiteIndex(SegmentingIndexMixin, base.SQLiteIndex):
    """modelsearch's index, written with segmented text."""


class MatchWithin(base.MatchExpression):
    """modelsearch's MATCH on the searched columns, and the subtree's token (if any) in the
    autocomplete column, where ``common.SubtreeField`` writes it."""

    def __init__(self, columns, query, subtree=None):
        super().__init__(columns, query)
        self.subtree = subtree

    def as_sql(self, compiler, connection):
        sql, params = super().as_sql(compiler, connection)
        if self.subtree is None:
            return sql, params
        return sql, [f'({params[0]}) AND {{autocomplete}} : "{self.subtree}"']


class RankedColumns(Func):
    """BM25 over the title and body only. The autocomplete column (first in modelsearch's FTS5
    table: autocomplete, body, title) weighs nothing: a search matches the subtree's token there,
    which is on every page of an office and must not rank short pages first."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        return f"bm25({base.SQLiteFTSIndexEntry._meta.db_table}, 0.0, 1.0, 1.0)", []


def _fts5(query):
    return build_expression(
        query,
        token=lambda text, prefix: f'"{text}"*' if prefix else f'"{text}"',
        and_=lambda parts: "(" + " AND ".join(parts) + ")",
        or_=lambda parts: "(" + " OR ".join(parts) + ")",
    )


class ThaiSQLiteQueryMixin:
    """Segmented queries; relevance ranking without modelsearch's per-row score subquery.

    modelsearch orders SQLite results by a correlated subquery that evaluates the FTS match again
    for every matching row, which takes seconds once a word is on thousands of pages. Here the
    scores come from one FTS query, the filters from one id query, and the ranking is done in Python.
    """

    def build_search_query_content(self, query, config=None):
        if is_text(query):
            expression = _fts5(query)
            return None if expression is None else SearchQueryExpression(Value(expression))
        return super().build_search_query_content(query, config=config)

    def search(self, config, start, stop, score_field=None):
        if is_text(self.query) and not parsed(self.query):
            return self.queryset.none()
        if self.order_by_relevance and is_text(self.query):
            ids, scores = self.ranked_ids(config)
            objs = self.queryset.in_bulk(ids[start:stop])
            results = [objs[pk] for pk in ids[start:stop] if pk in objs]
            if score_field is not None:
                for obj in results:
                    setattr(obj, score_field, scores[str(obj.pk)])
            return results
        return super().search(config, start, stop, score_field=score_field)

    def matching(self, entries=None, config=None):
        """The queryset narrowed to the objects the query matches (unordered)."""
        if entries is None:
            entries = self.match_entries(config)
        return self.queryset.filter(pk__in=entries.values_list("index_entry__object_id", flat=True))

    def match_entries(self, config, with_score=False):
        match = MatchWithin(
            self.fields or self.FTS_TABLE_FIELDS,
            self.build_search_query(self.query, config),
            subtree_of(self.query),
        )
        entries = base.SQLiteFTSIndexEntry.objects.filter(match).filter(
            index_entry__content_type__in=base.get_descendants_content_types_pks(
                self.queryset.model
            )
        )
        if with_score:
            entries = entries.annotate(
                score=self._build_rank_expression(self.get_search_vectors(), config)
            )
        return entries

    def ranked_ids(self, config):
        """Primary keys of every match the queryset allows, best first, and their BM25 scores."""
        cached = getattr(self, "_ranked", None)
        if cached is not None and cached[0] == config:
            return cached[1]  # the count and each slice of one results object share it
        entries = self.match_entries(config, with_score=True)
        scores = dict(entries.values_list("index_entry__object_id", "score"))
        allowed = self.matching(entries).values_list("pk", flat=True)
        # BM25 is lower for better matches; ties newest first, as modelsearch orders them.
        ids = sorted(allowed, key=lambda pk: (scores.get(str(pk), 0.0), -_as_number(pk)))
        self._ranked = (config, (ids, scores))
        return ids, scores


class ThaiSQLiteSearchQueryCompiler(ThaiSQLiteQueryMixin, base.SQLiteSearchQueryCompiler):
    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if is_text(query):
            return RankedColumns() * boost if boost != 1.0 else RankedColumns()
        return super().build_tsrank(vector, query, config=config, boost=boost)


class ThaiSQLiteAutocompleteQueryCompiler(
    ThaiSQLiteQueryMixin, base.SQLiteAutocompleteQueryCompiler
):
    pass


def _as_number(pk):
    return pk if isinstance(pk, int) else 0


class ThaiSQLiteSearchResults(base.SQLiteSearchResults):
    def _do_count(self):
        compiler = self.query_compiler
        if compiler.order_by_relevance and is_text(compiler.query):
            if not parsed(compiler.query):
                return 0
            return len(compiler.ranked_ids(compiler.get_config(self.backend))[0])
        return super()._do_count()

    def facet(self, field_name):
        compiler = self.query_compiler
        if not (compiler.order_by_relevance and is_text(compiler.query)):
            return super().facet(field_name)
        if compiler._get_filterable_field(field_name) is None:
            return super().facet(field_name)  # raises modelsearch's FilterFieldError
        if not parsed(compiler.query):
            return OrderedDict()
        rows = (
            compiler.matching(config=compiler.get_config(self.backend))
            .values(field_name)
            .annotate(count=Count("pk"))
            .order_by("-count")
        )
        return OrderedDict((row[field_name], row["count"]) for row in rows)


class ThaiSQLiteSearchBackend(base.SQLiteSearchBackend):
    query_compiler_class = ThaiSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = ThaiSQLiteAutocompleteQueryCompiler
    index_class = ThaiSQLiteIndex
    results_class = ThaiSQLiteSearchResults
