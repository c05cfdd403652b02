"""What the SQLite and PostgreSQL variants share: segmented indexing and query building.

Indexing goes through modelsearch's public parts only. ``add_items(model, objs)`` is handed each
object wrapped in ``Segmented``, whose ``get_search_fields()`` are the model's own fields wrapped
so that their ``get_value`` returns the segmented text (``segment.index_text``); modelsearch's own
indexer then builds and writes the entries as it does for any model. Two fields are added:

- ``subtree``: one token per page of the object's branch (``within.Branches``), so that a
  search limited to an office finds its pages inside the text match itself. On SQLite it is an
  autocomplete field: a column of the FTS5 table that weighs nothing in the ranking (see
  ``sqlite.RankedColumns``). On PostgreSQL it goes into the body (``SUBTREE_IN_BODY``): the
  ranking there reads the words of the query only, and the body's GIN index answers words and
  office in one scan;
- on PostgreSQL, the title again in the body (``title_in_body``): the body column alone decides a
  match there (see ``postgres``).

The wrapped values are computed once per object and field: modelsearch's indexer reads every field
once per column (title, body, autocomplete and the plain-text copies).
"""

from django.db.models import F
from django.db.models.functions import Length
from django.utils.encoding import force_str
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from wagtail_disclosure.search import segment, within


def _text(value):
    """A field's value as one string, as modelsearch's indexer spells lists, dicts and the rest."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return " ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return " ".join(_text(v) for v in value.values())
    return force_str(value)


class Segmented:
    """An object as the indexer sees it: its primary key and its segmenting search fields."""

    def __init__(self, obj, fields, memo):
        self.obj = obj
        self.pk = obj.pk
        self._fields = fields
        self.memo = memo

    def get_search_fields(self):
        return self._fields


class _SegmentedValue:
    """``get_value`` of the wrapped field, segmented, once per object (``memo``)."""

    def __init__(self, source, memo):
        self.source = source
        self.memo = memo

    def get_value(self, obj):
        obj = obj.obj if isinstance(obj, Segmented) else obj
        key = (id(self), obj._meta.label, obj.pk)
        if key not in self.memo:
            self.memo[key] = segment.index_text(_text(self.value_of(obj)))
        return self.memo[key]

    def value_of(self, obj):
        return self.source.get_value(obj)


class SegmentedSearchField(_SegmentedValue, SearchField):
    def __init__(self, source, memo, name=None):
        SearchField.__init__(self, name or source.field_name, boost=source.boost)
        _SegmentedValue.__init__(self, source, memo)


class SegmentedAutocompleteField(_SegmentedValue, AutocompleteField):
    def __init__(self, source, memo):
        AutocompleteField.__init__(self, source.field_name)
        _SegmentedValue.__init__(self, source, memo)


class _SubtreeValue:
    """The tokens of the page's branch (none for objects that are not pages)."""

    def __init__(self, branches):
        super().__init__("subtree")
        self.branches = branches

    def get_value(self, obj):
        return self.branches.tokens(obj.obj if isinstance(obj, Segmented) else obj)


class SubtreeField(_SubtreeValue, AutocompleteField):
    """In the autocomplete column: indexed, and no part of a search's ranking (SQLite)."""


class SubtreeSearchField(_SubtreeValue, SearchField):
    """In the body column, whose GIN index then answers words and office at once (PostgreSQL)."""


class SegmentedRelatedFields(RelatedFields):
    def get_value(self, obj):
        return super().get_value(obj.obj if isinstance(obj, Segmented) else obj)


def segmented_fields(fields, memo, title_in_body=False):
    """``fields`` (a model's search fields) wrapped to give segmented text."""
    wrapped = []
    for field in fields:
        if isinstance(field, SearchField):
            wrapped.append(SegmentedSearchField(field, memo))
            if title_in_body and field.field_name == "title":
                wrapped.append(SegmentedSearchField(field, memo, name="title_in_body"))
        elif isinstance(field, AutocompleteField):
            wrapped.append(SegmentedAutocompleteField(field, memo))
        elif isinstance(field, RelatedFields):
            wrapped.append(
                SegmentedRelatedFields(field.field_name, segmented_fields(field.fields, memo))
            )
        else:
            wrapped.append(field)  # FilterField: not indexed as text
    return wrapped


class SegmentingIndexMixin:
    """``add_items`` of modelsearch's index, given the objects with segmenting fields.

    The objects the index writes are remembered until it refreshes its title norms, which then
    touch those entries only (``refresh_title_norms``).
    """

    TITLE_IN_BODY = False
    SUBTREE_IN_BODY = False

    def add_items(self, model, objs):
        memo = {}
        fields = segmented_fields(model.get_search_fields(), memo, self.TITLE_IN_BODY)
        objs = list(objs)
        subtree = SubtreeSearchField if self.SUBTREE_IN_BODY else SubtreeField
        fields.append(subtree(within.Branches(objs)))
        wrapped = [Segmented(obj, fields, memo) for obj in objs]
        self._written = (model, [force_str(obj.pk) for obj in objs])
        try:
            super().add_items(model, wrapped)
        finally:
            self._written = None

    def _refresh_title_norms(self, full=False):
        """modelsearch recomputes the average title length over the whole index on every save and
        then scans it for the new entries (linear in the index: 27 ms at 13,500 entries). Here a
        save refreshes the entries it wrote, against the average of the newest entries; a full
        rebuild (``update_index``) still refreshes every entry against the exact average."""
        written = getattr(self, "_written", None)
        if full or written is None:
            return super()._refresh_title_norms(full=full)
        model, ids = written
        newest = self.entries.annotate(title_length=Length("title")).filter(title_length__gt=0)
        sample = newest.order_by("-pk").values("title_length")[:TITLE_NORM_SAMPLE]
        lavg = _average(sample)
        if not lavg:
            return None
        self.entries.filter(content_type_id=get_content_type_pk(model), object_id__in=ids).annotate(
            title_length=Length("title")
        ).filter(title_length__gt=0).update(title_norm=lavg / F("title_length"))
        return None


TITLE_NORM_SAMPLE = 1000


def _average(lengths):
    values = [row["title_length"] for row in lengths]
    return sum(values) / len(values) if values else None


def parsed(query):
    """The segmented form of a PlainText or Phrase query (phrases match as all their words)."""
    return segment.parse_query(query.query_string)


def operator_of(query):
    return "or" if isinstance(query, PlainText) and query.operator.lower() == "or" else "and"


def is_text(query):
    return isinstance(query, (PlainText, Phrase))


def build_expression(query, token, and_, or_):
    """Render a parsed query as one string in the engine's syntax, or None when it has no words.

    ``token(text, prefix)`` spells one token; ``and_(parts)`` / ``or_(parts)`` join a group.
    Index tokens are ASCII letters and digits only (see ``segment``), so nothing needs escaping.
    """
    words = parsed(query)
    if not words:
        return None

    def group(parts, connector):
        parts = list(parts)
        return parts[0] if len(parts) == 1 else connector(parts)

    terms = [
        group(
            (group((token(t, prefix) for t, prefix in alt), and_) for alt in term.alternatives),
            or_,
        )
        for term in words.terms
    ]
    return group(terms, or_ if operator_of(query) == "or" else and_)


def subtree_of(query):
    """The subtree token a query is limited to (``within.PlainTextWithin``), or None."""
    root_id = getattr(query, "root_id", None)
    return within.subtree_token(root_id) if root_id is not None else None
