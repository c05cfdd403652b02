"""Every piece of HTML or text from outside goes through bleach here, with an explicit allow-list."""

import re
from html import unescape

import bleach

ALLOWED_TAGS = [
    "p", "br", "a", "b", "strong", "i", "em", "u", "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "table", "thead", "tbody", "tr", "th", "td", "hr", "sub", "sup", "code",
]  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": ["href", "title", "rel"],
    "th": ["scope", "colspan", "rowspan"],
    "td": ["colspan", "rowspan"],
}
ALLOWED_PROTOCOLS = ["http", "https", "mailto", "tel"]

# Wagtail's stored rich text (the "database format") adds internal links and embeds:
#   <a linktype="page" id="3">, <a linktype="document" id="7">,
#   <embed embedtype="image" id="1" format="left" alt="..."/>, <embed embedtype="media" url="..."/>
# and, in content imported from an office's old site, plain <img> (flagged by the checks, not lost).
RICH_TEXT_TAGS = ALLOWED_TAGS + ["embed", "img", "s", "h1"]
_SAFE_URL = re.compile(r"^https?://", re.IGNORECASE)


def _rich_text_attribute(tag, name, value):
    if tag == "a":
        if name in ("linktype", "id"):
            return bool(re.fullmatch(r"[\w-]+", value))
        return name in ALLOWED_ATTRIBUTES["a"]
    if tag == "embed":
        if name == "url":
            return bool(_SAFE_URL.match(value))
        return name in ("embedtype", "id", "format", "alt")
    if tag == "img":
        if name == "src":
            return bool(_SAFE_URL.match(value) or value.startswith("/"))
        return name in ("alt", "width", "height")
    return name in ALLOWED_ATTRIBUTES.get(tag, ())


# Elements whose content is code, not text: dropped whole rather than left as stray text.
_CODE_ELEMENTS = re.compile(
    r"<(script|style|iframe|object|noscript|template|textarea)\b.*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
# html5lib writes void elements as <embed ...>; Wagtail's rewriter only reads <embed .../>.
_EMBED = re.compile(r"<embed(\b[^>]*?)\s*/?>")


def clean_html(html):
    """HTML with only the allow-listed tags, attributes and URL schemes left."""
    return bleach.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
    )


def clean_rich_text(html):
    """Wagtail rich text (database format) with its links and embeds kept, everything else cleaned.

    Idempotent, so it can run on every save and every revision without changing clean content.
    """
    if not html:
        return html or ""
    cleaned = bleach.clean(
        _CODE_ELEMENTS.sub("", html),
        tags=RICH_TEXT_TAGS,
        attributes=_rich_text_attribute,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
    )
    return _EMBED.sub(r"<embed\1/>", cleaned)


def clean_text(text):
    """Plain text with no markup left, unescaped (templates escape it on output).

    bleach returns HTML-escaped text; unescaping once and cleaning again until nothing changes
    removes markup smuggled in as entities (``&lt;script&gt;``) while "a < b" and "R&D" survive.
    """
    text = (text or "").replace("\x00", "")
    for _i in range(5):
        cleaned = unescape(bleach.clean(text, tags=[], attributes={}, strip=True))
        if cleaned == text:
            break
        text = cleaned
    return text.strip()


class CleanTextMixin:
    """For every form that takes text from a person: each string value goes through ``clean_text``.

    It runs after the fields' own validation (sizes, required) and before the form's ``clean()``,
    so rules across fields see the text that will be stored.
    """

    def _clean_fields(self):
        super()._clean_fields()
        for name, value in list(self.cleaned_data.items()):
            if isinstance(value, str):
                self.cleaned_data[name] = clean_text(value)
