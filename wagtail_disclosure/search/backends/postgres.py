"""PostgreSQL variant: modelsearch's backend, indexing and querying segmented Thai."""

from django.contrib.postgres.search import SearchQuery
from django.db.models.sql.subqueries import InsertQuery
from django.utils.functional import cached_property
from modelsearch.backends.database.postgres import postgres as base
from modelsearch.index import SearchField

from wagtail_disclosure.search.backends.common import (
    SegmentingIndexerMixin,
    build_expression,
    is_text,
    parsed,
)


class ThaiPostgresIndexer(SegmentingIndexerMixin, base.ObjectIndexer):
    @cached_property
    def body(self):
        """All searchable text, the title included: the body column alone decides a match.

        modelsearch matches ``title || body``, an expression no index covers, so every query
        reads every entry; matching the GIN-indexed body column does not. The title column
        still weighs in the ranking.
        """
        texts = [
            (value, weight)
            for field in self.search_fields
            for current, weight, value in self.prepare_field(self.obj, field)
            if isinstance(current, SearchField)
        ]
        return self.as_vector(texts)


class ThaiPostgresIndex(base.PostgresIndex):
    indexer_class = ThaiPostgresIndexer

    def add_items(self, model, objs):
        """modelsearch 1.3.2's ``PostgresIndex.add_items``, with the segmenting indexer."""
        if not model.get_search_fields():
            return
        indexers = [self.indexer_class(obj, self.backend) for obj in objs]
        if not indexers:
            return
        entry = base.IndexEntry
        content_type_pk = base.get_content_type_pk(model)
        compiler = InsertQuery(entry).get_compiler(connection=self.write_connection)
        rows = []
        params = []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(entry._meta.get_field(name), getattr(indexer, name))
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {entry._meta.db_table} (content_type_id, object_id, title,
                    autocomplete, body, title_norm, title_text, body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0,
                              autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                              title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
                """,  # noqa: S608 – the table name is the model's, values are parameters
                params,
            )
        self._refresh_title_norms()


def _tsquery(query):
    return build_expression(
        query,
        token=lambda text, prefix: f"'{text}':*" if prefix else f"'{text}'",
        and_=lambda parts: "(" + " & ".join(parts) + ")",
        or_=lambda parts: "(" + " | ".join(parts) + ")",
    )


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
            queryset = self.queryset.filter(**{self.MATCH_COLUMN: search_query})
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
