"""Thai word segmentation for the search index and for queries.

Thai is written without spaces, and the database search engines split words on spaces (PostgreSQL)
or also at every combining vowel and tone mark (SQLite FTS5's ``unicode61``), so raw Thai never
matches. Both sides therefore go through this module:

- Text to index is segmented with pythainlp's offline ``newmm`` engine. Each Thai word is indexed
  whole and as every suffix that starts a syllable, so a query word found *inside* an indexed
  compound still matches as a prefix ("งบประมาณ" in "ปีงบประมาณ", "ร้องเรียน" in "ข้อร้องเรียน").
- A query is segmented the same way; every Thai word becomes a prefix query (partial words match),
  and a compound query word also matches its dictionary parts ("ปีงบประมาณ" → "ปี" + "งบประมาณ").
- Thai digits become Arabic ones, thousands separators go, Latin is lower-cased (OIT, O21, ITA).
- Thai words are written to the index in an ASCII spelling (``zq`` + two letters per character),
  which both SQLite and PostgreSQL keep as one token whatever their locale and tokenizer.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from wagtail_disclosure.thai.digits import to_arabic_digits
from wagtail_disclosure.thai.words import dictionary
from wagtail_disclosure.thai.words import tokenize as words_of

# Thai letters, vowels and marks; not the digits (normalised first), ฯ, ๆ, ฿ and the signs ๏ ๚ ๛.
_THAI = "\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e"
_TOKEN_RE = re.compile(rf"([{_THAI}]+)|([^\W_\u0e00-\u0e7f]+)")
_THOUSANDS_RE = re.compile(r"(?<=\d)[,\u066c](?=\d{3}(?!\d))")
_CONSONANT = re.compile("[\u0e01-\u0e2e]")
_LEADING_VOWELS = "\u0e40\u0e41\u0e42\u0e43\u0e44"  # เ แ โ ใ ไ

THAI_MARKER = "zq"
OTHER_MARKER = "zu"
_HIGH = "abcdefgh"
_LOW = "abcdefghijklmnop"

# The longest word indexed: longer runs are cut (PostgreSQL refuses lexemes over 2 kB).
MAX_WORD = 60


def normalise(text):
    """Thai digits to Arabic, no thousands separators, lower case; '' for None."""
    if not text:
        return ""
    text = to_arabic_digits(str(text))
    text = _THOUSANDS_RE.sub("", text)
    return text.lower()


def encode(word):
    """The index spelling of a Thai word, ASCII only, that keeps prefixes as prefixes."""
    out = [THAI_MARKER]
    for char in word:
        offset = ord(char) - 0x0E00
        out.append(_HIGH[offset >> 4] + _LOW[offset & 15])
    return "".join(out)


def _encode_other(word):
    """Latin and digits stay readable; other scripts are spelled in hex so no tokenizer splits them."""
    if word.isascii():
        return word
    return OTHER_MARKER + word.encode().hex()


def is_thai(word):
    return bool(word) and "\u0e01" <= word[0] <= "\u0e4e"


@lru_cache(maxsize=4096)
def segment_run(run):
    """The words of a run of Thai letters, by pythainlp's dictionary-based ``newmm`` engine."""
    return tuple(w for w in words_of(run) if w.strip())


def words(text):
    """Normalised words of ``text``: Thai runs segmented, Latin and numbers as they are."""
    result = []
    for thai, other in _TOKEN_RE.findall(normalise(text)):
        if thai:
            result.extend(w[:MAX_WORD] for w in segment_run(thai))
        else:
            result.append(other[:MAX_WORD])
    return result


def syllable_starts(word):
    """Positions inside a Thai word where a syllable may start (a consonant or a leading vowel)."""
    starts = []
    for i in range(1, len(word)):
        char = word[i]
        if char in _LEADING_VOWELS or _CONSONANT.match(char) and word[i - 1] not in _LEADING_VOWELS:
            starts.append(i)
    return starts


def index_tokens(text):
    """The tokens stored in the index for ``text`` (see the module docstring)."""
    tokens = []
    for word in words(text):
        if is_thai(word):
            tokens.append(encode(word))
            tokens.extend(encode(word[i:]) for i in syllable_starts(word) if len(word) - i >= 2)
        else:
            tokens.append(_encode_other(word))
    return tokens


@lru_cache(maxsize=2048)
def index_text(text):
    """``index_tokens`` as one space-separated string, ready for FTS5 or ``to_tsvector``."""
    return " ".join(index_tokens(text))


@lru_cache(maxsize=4096)
def compound_parts(word):
    """Split a compound into the fewest dictionary words (at least two), or ``()``.

    "ปีงบประมาณ" → ("ปี", "งบประมาณ"): a page that writes the parts apart still matches.
    """
    trie = dictionary()
    n = len(word)
    best = [None] * (n + 1)  # best[i]: fewest words covering word[:i]
    best[0] = ()
    for i in range(n):
        if best[i] is None:
            continue
        for part in trie.prefixes(word[i:]):
            j = i + len(part)
            if i == 0 and j == n:
                continue
            if best[j] is None or len(best[j]) > len(best[i]) + 1:
                best[j] = best[i] + (part,)
    return best[n] if best[n] and len(best[n]) >= 2 else ()


# Function words dropped from queries when the query has other words. Deliberately short:
# pythainlp's own list (1,000+ words) holds content words such as "จัด" and "ปฏิบัติ".
STOPWORDS = frozenset(
    [
        "การ",
        "ความ",
        "ของ",
        "และ",
        "ที่",
        "ใน",
        "ให้",
        "ได้",
        "เป็น",
        "จาก",
        "โดย",
        "กับ",
        "แก่",
        "แห่ง",
        "ซึ่ง",
        "อัน",
        "ว่า",
        "เพื่อ",
        "หรือ",
        "ตาม",
        "นั้น",
        "นี้",
        "ๆ",
        "ฯ",
        "the",
        "of",
        "and",
        "for",
    ]
)


@dataclass(frozen=True)
class Term:
    """One word of a query: it matches when any alternative matches (all its parts)."""

    word: str
    alternatives: tuple = field(default_factory=tuple)  # ((token, prefix), ...) per alternative


@dataclass(frozen=True)
class Query:
    terms: tuple

    def __bool__(self):
        return bool(self.terms)

    def highlight_words(self, folded_text):
        """Words to mark in ``folded_text``: each term whole, or its parts where it is not whole."""
        found = set()
        for term in self.terms:
            if not is_thai(term.word) or term.word in folded_text:
                found.add(term.word)
            else:
                found.update(p for p in compound_parts(term.word) if len(p) > 1)
        return sorted(found, key=len, reverse=True)


def _term(word):
    if is_thai(word):
        prefix = len(word) >= 2
        alternatives = [((encode(word), prefix),)]
        parts = compound_parts(word)
        if parts:
            alternatives.append(tuple((encode(p), len(p) >= 2) for p in parts))
        return Term(word, tuple(alternatives))
    prefix = word.isalpha() and len(word) >= 3
    return Term(word, (((_encode_other(word), prefix),),))


@lru_cache(maxsize=1024)
def parse_query(text):
    """Segment a query into terms. Thai stop words are dropped unless nothing else is left."""
    all_words = []
    for word in words(text):
        if word not in all_words:
            all_words.append(word)
    kept = [w for w in all_words if w not in STOPWORDS] or all_words
    return Query(tuple(_term(w) for w in kept))


def highlight_spans(text, query):
    """``(start, end)`` of the query's words in ``text``, matched on the normalised text."""
    if not text or not query:
        return []
    folded = _fold(text)
    hl_words = query.highlight_words(folded)
    if not hl_words:
        return []
    pattern = re.compile("|".join(re.escape(w) for w in hl_words))
    return [m.span() for m in pattern.finditer(folded)]


def _fold(text):
    """Like ``normalise`` but keeping every character's position (for highlighting)."""
    text = to_arabic_digits(text)
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
