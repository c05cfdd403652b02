"""SQLite FTS5 variant: modelsearch's backend, indexing and querying segmented Thai."""

from django.db.models import Value
from modelsearch.backends.database.sqlite import sqlite as base
from modelsearch.backends.database.sqlite.query import SearchQueryExpression

from .common import SegmentingIndexerMixin, build_expression, is_text, parsed


class ThaiSQLiteIndexer(SegmentingIndexerMixin, base.ObjectIndexer):
    pass


class ThaiSQLiteIndex(base.SQLiteIndex):
    indexer_class = ThaiSQLiteIndexer

    def add_items(self, model, objs):
        """modelsearch 1.3.2's ``SQLiteIndex.add_items``, with the segmenting indexer."""
        if not model.get_search_fields():
            return
        indexers = [self.indexer_class(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = base.get_content_type_pk(model)
        data = {i.id: (i.title, i.autocomplete, i.body) for i in indexers}
        entries = self.entries.filter(content_type_id=content_type_pk)
        indexed = set(entries.filter(object_id__in=data).values_list("object_id", flat=True))
        for object_id in indexed:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        self.entries.bulk_create(
            base.IndexEntry(
                content_type_id=content_type_pk,
                object_id=object_id,
                title=title,
                autocomplete=autocomplete,
                body=body,
            )
            for object_id, (title, autocomplete, body) in data.items()
            if object_id not in indexed
        )
        self._refresh_title_norms()


def _fts5(query):
    return build_expression(
        query,
        token=lambda text, prefix: f'"{text}"*' if prefix else f'"{text}"',
        and_=lambda parts: "(" + " AND ".join(parts) + ")",
        or_=lambda parts: "(" + " OR ".join(parts) + ")",
    )


class ThaiSQLiteQueryMixin:
    def build_search_query_content(self, query, config=None):
        if is_text(query):
            expression = _fts5(query)
            return None if expression is None else SearchQueryExpression(Value(expression))
        return super().build_search_query_content(query, config=config)

    def search(self, config, start, stop, score_field=None):
        if is_text(self.query) and not parsed(self.query):
            return self.queryset.none()
        return super().search(config, start, stop, score_field=score_field)


class ThaiSQLiteSearchQueryCompiler(ThaiSQLiteQueryMixin, base.SQLiteSearchQueryCompiler):
    pass


class ThaiSQLiteAutocompleteQueryCompiler(
    ThaiSQLiteQueryMixin, base.SQLiteAutocompleteQueryCompiler
):
    pass


class ThaiSQLiteSearchBackend(base.SQLiteSearchBackend):
    query_compiler_class = ThaiSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = ThaiSQLiteAutocompleteQueryCompiler
    index_class = ThaiSQLiteIndex
