"""PostgreSQL variant: modelsearch's backend, indexing and querying segmented Thai."""

from django.contrib.postgres.search import SearchQuery
from modelsearch.backends.database.postgres import postgres as base

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
    GIN-indexed body column does not. The title column still weighs in the ranking.
    """

    TITLE_IN_BODY = True


def _tsquery(query):
    return build_expression(
        query,
        token=lambda text, prefix: f"'{text}':*" if prefix else f"'{text}'",
        and_=lambda parts: "(" + " & ".join(parts) + ")",
        or_=lambda parts: "(" + " | ".join(parts) + ")",
    )


SUBTREE_COLUMN = "index_entries__autocomplete"  # see common.SubtreeField


class ThaiPostgresQueryMixin:
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

    def search(self, config, start, stop, score_field=None, backend=None):
        if is_text(self.query) and not parsed(self.query):
            return self.queryset.none()
        if is_text(self.query) and self.fields is None:
            search_query = self.build_tsquery(self.query, config=config)
            rank = self._build_rank_expression(self.get_search_vectors(search_query), config)
            match = {self.MATCH_COLUMN: search_query}
            subtree = subtree_of(self.query)
            if subtree is not None:
                # The same index entry (one filter call: one join) holds the subtree's token.
                match[SUBTREE_COLUMN] = SearchQuery(
                    f"'{subtree}'", search_type="raw", config=config
                )
            queryset = self.queryset.filter(**match)
            return self._apply_ordering_and_scoring(queryset, rank, start, stop, score_field)
        return super().search(config, start, stop, score_field=score_field, backend=backend)


class ThaiPostgresSearchQueryCompiler(ThaiPostgresQueryMixin, base.PostgresSearchQueryCompiler):
    pass


class ThaiPostgresAutocompleteQueryCompiler(
    ThaiPostgresQueryMixin, base.PostgresAutocompleteQueryCompiler
):
    MATCH_COLUMN = "index_entries__autocomplete"


class ThaiPostgresSearchBackend(base.PostgresSearchBackend):
    """Index tokens are already normalised, so the ``simple`` configuration (no stemming) is used."""

    query_compiler_class = ThaiPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = ThaiPostgresAutocompleteQueryCompiler
    index_class = ThaiPostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.config = params.get("SEARCH_CONFIG", "simple")
