"""What the SQLite and PostgreSQL variants share: the segmenting indexer and query building."""

from modelsearch.index import AutocompleteField, SearchField
from modelsearch.query import Phrase, PlainText

from wagtail_disclosure.search import segment


class SegmentingIndexerMixin:
    """Passes the value of every searchable field through ``segment.index_text``.

    Only the leaves are segmented; ``RelatedFields`` recurse into this method for their sub-fields.
    """

    def prepare_field(self, obj, field):
        if isinstance(field, (SearchField, AutocompleteField)):
            for item in super().prepare_field(obj, field):
                yield (*item[:-1], segment.index_text(item[-1]))
        else:
            yield from super().prepare_field(obj, field)


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
