"""Slugs that people can read and paste: a Thai title gets a short romanised ASCII slug.

Django's ``slugify`` and the Wagtail admin's slug field drop every Thai vowel and tone mark above
or below the line (they are combining marks, not "word" characters), so "ข้อมูลผู้บริหาร" became
"ขอมลผบรหาร", which nobody can read, and which prints as a line of percent-encoding. Wagtail's
page URLs accept only word characters (``wagtail.urls.serve_pattern``), so the marks cannot be
kept in a slug: a new content page whose slug is such a mangled Thai title gets the title
romanised (Royal Thai General System, pythainlp's ``royin``), at most ``MAX_LENGTH`` characters.
"""

import re
import unicodedata

from django.utils.text import slugify
from pythainlp.tokenize import word_tokenize
from pythainlp.transliterate import romanize
from pythainlp.util import thai_digit_to_arabic_digit

MAX_LENGTH = 50
THAI_MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"  # above/below vowels, tone marks, thanthakhat
_MARK = re.compile(f"[{THAI_MARKS}]")
_THAI = re.compile("[\u0e01-\u0e5b]")
FALLBACK = "page"


def _cut(slug, max_length):
    if len(slug) <= max_length:
        return slug
    head, _sep, _tail = slug[: max_length + 1].rpartition("-")
    return head if len(head) >= max_length // 2 else slug[:max_length].rstrip("-")


def ascii_slug(title, max_length=MAX_LENGTH):
    """``title`` as a short ASCII slug; Thai words romanised, Thai digits as 0–9."""
    text = thai_digit_to_arabic_digit(str(title))
    words = [
        romanize(word, engine="royin") if _THAI.search(word) else word
        for word in word_tokenize(text, keep_whitespace=False)
    ]
    return _cut(slugify(" ".join(words)), max_length) or FALLBACK


def lost_marks(slug, title):
    """True when ``slug`` is empty or what a mark-dropping slugify (Django's, or the admin's
    script) made of the Thai ``title``."""
    if not slug:
        return True
    if not _MARK.search(str(title)):
        return False
    value = re.sub(r"[-\s]+", "-", re.sub(rf"[^\w{THAI_MARKS}\s-]", "", str(title).lower()))
    stripped = (_MARK.sub("", form) for form in (value, unicodedata.normalize("NFKC", value)))
    return any(form.strip("-").startswith(slug.strip("-")) for form in stripped)
