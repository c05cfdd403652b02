"""Every piece of HTML or text from outside goes through bleach here, with an explicit allow-list."""

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


def clean_html(html):
    """HTML with only the allow-listed tags, attributes and URL schemes left."""
    return bleach.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
    )


def clean_text(text):
    """Plain text: every tag removed, nothing left that a browser would run."""
    return bleach.clean(text or "", tags=[], attributes={}, strip=True)
