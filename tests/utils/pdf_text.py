"""Comparing Thai text extracted from WeasyPrint PDFs.

WeasyPrint writes one Unicode value per glyph, but Thai fonts reuse one mark glyph (shifted
variants of tone marks and vowels, and SARA AM drawn as NIKHAHIT + SARA AA) for several
characters, so marks come back swapped or dropped ("ผู้อำนวยการ" → "ผู้อานวยการ"). The page image
is right (tests render it to PNG); text tests compare the skeleton: consonants, full vowels and
digits, in order, ignoring white space.
"""

import unicodedata

THAI_MARKS = dict.fromkeys([0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F)])


def skeleton(text):
    """The text without Thai vowel and tone marks, and without white space."""
    return "".join(unicodedata.normalize("NFKC", text).translate(THAI_MARKS).split())
