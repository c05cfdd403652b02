"""Result snippets with the matched words marked: every character escaped, then ``<mark>`` added."""

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from modelsearch.index import RelatedFields, SearchField

from wagtail_disclosure.search import segment

# Relations shown beside each result already (the indicator codes), not repeated in its snippet.
NOT_IN_SNIPPET = {"catalogue_items", "item"}

# Enough text to find a match in a page and its attachments, not a whole archive in memory.
MAX_TEXT = 200_000


def page_text(page):
    """The searchable text of a page other than its title, as plain text, in index order."""
    parts = []
    _collect(page, page.get_search_fields(), parts)
    text = " ".join(p for p in parts if p)
    return " ".join(strip_tags(text).split())[:MAX_TEXT]


def _collect(obj, fields, parts):
    for field in fields:
        if isinstance(field, SearchField) and field.field_name != "title":
            value = field.get_value(obj)
            if isinstance(value, list | tuple):
                parts.extend(str(v) for v in value if v)
            elif value:
                parts.append(str(value))
        elif isinstance(field, RelatedFields) and field.field_name not in NOT_IN_SNIPPET:
            value = field.get_value(obj)
            if value is None:
                continue
            related = value.all() if hasattr(value, "all") else [value]
            for sub in related:
                _collect(sub, field.fields, parts)


def highlight(text, query):
    """``text`` escaped, with the query's words wrapped in ``<mark>``."""
    out = []
    pos = 0
    for start, end in segment.highlight_spans(text, query):
        out.append(escape(text[pos:start]))
        out.append("<mark>" + escape(text[start:end]) + "</mark>")
        pos = end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))  # noqa: S308 – every piece of text above is escaped


def snippet(text, query, width=220):
    """A window of ``text`` around the first matched word, highlighted; the start if none."""
    if not text:
        return ""
    spans = segment.highlight_spans(text, query)
    start = max(0, spans[0][0] - width // 3) if spans else 0
    end = min(len(text), start + width)
    fragment = text[start:end]
    html = highlight(fragment, query)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + html + suffix)  # noqa: S308 – built from escaped text only
