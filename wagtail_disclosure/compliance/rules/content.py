"""Content rules: alt text, the current fiscal year, and words a human should look at."""

import re
from functools import lru_cache

from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.compliance.registry import WARN, Finding, Rule, register
from wagtail_disclosure.compliance.settings import office_words
from wagtail_disclosure.thai.dates import fiscal_year


@register
class AltTextRule(Rule):
    code = "content.alt_text"
    title = _("Images have alternative text")
    severity = WARN

    def check(self, content):
        for use in content.media:
            if use.kind != "image" or use.alt is None:
                continue
            if not (use.alt.strip() or getattr(use.obj, "description", "").strip()):
                yield Finding(
                    _(
                        "The image “%(title)s” (%(where)s) has no alternative text for screen "
                        "readers: add a description or caption."
                    ),
                    {"title": use.obj.title, "where": use.where},
                    where=use.where,
                    detail=f"image:{use.pk}",
                )
        for item in content.external_images:
            if not item.alt.strip():
                yield Finding(
                    _("An image (%(where)s) has no alternative text for screen readers."),
                    {"where": item.where},
                    where=item.where,
                    detail=item.url,
                )


@register
class FiscalYearRule(Rule):
    code = "content.fiscal_year"
    title = _("Content of items bound to the fiscal year is of the current fiscal year")
    severity = WARN

    def check(self, content):
        bound = [item for item in content.items if item.fiscal_year_bound]
        page = content.page
        if not bound or not hasattr(page, "date"):
            return
        year = page.fiscal_year or (fiscal_year(page.date) if page.date else None)
        current = fiscal_year()
        if year != current:
            yield Finding(
                _(
                    "%(codes)s must show content of the current fiscal year (%(current)s), but "
                    "this page belongs to fiscal year %(year)s."
                ),
                {
                    "codes": ", ".join(item.code for item in bound),
                    "current": current,
                    "year": year or "—",
                },
                detail=f"{year}/{current}",
            )


@lru_cache(maxsize=1)
def _builtin_words():
    from pythainlp.corpus import thai_profanity_words

    return frozenset(thai_profanity_words())


@lru_cache(maxsize=32)
def _word_pattern(words):
    ordered = sorted(words, key=len, reverse=True)  # longest first: "ไอ้บ้า" before "บ้า"
    return re.compile("|".join(re.escape(w) for w in ordered), re.IGNORECASE)


def _is_whole_word(text, start, end):
    """True when text[start:end] is a word of its own, by Thai word segmentation around it.

    Only a short window is segmented, so a long page costs little: most of it is never tokenised.
    """
    from wagtail_disclosure.thai.words import tokenize

    left = max(0, start - 20)
    window = text[left : min(len(text), end + 20)]
    position = 0
    boundaries = {0}
    for token in tokenize(window, keep_whitespace=True):
        position += len(token)
        boundaries.add(position)
    return (start - left) in boundaries and (end - left) in boundaries


@register
class WordListRule(Rule):
    code = "content.words"
    title = _("Words from the profanity and defamation list")
    severity = WARN

    def check(self, content):
        extra, ignored = office_words(content.site)
        extra = {w.lower() for w in extra}
        words = (_builtin_words() | extra) - {w.lower() for w in ignored}
        if not words:
            return
        pattern = _word_pattern(frozenset(words))
        for text in content.texts:
            reported = set()
            for match in pattern.finditer(text.text):
                word = match.group().lower()
                if word in reported:
                    continue
                if word in extra or _is_whole_word(text.text, match.start(), match.end()):
                    reported.add(word)
                    yield Finding(
                        _(
                            "“%(word)s” in %(where)s is on the profanity and defamation list: "
                            "have a person check it is acceptable before publishing."
                        ),
                        {"word": match.group(), "where": text.where},
                        where=text.where,
                        detail=word,
                    )
