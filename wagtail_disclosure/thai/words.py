"""Thai word segmentation with pythainlp's dictionary, held compactly (memory of a web worker).

pythainlp's ``newmm`` engine asks its dictionary one thing: which words start at a position of
the text (``prefixes``). Its own ``Trie`` answers from a tree of 62,000 words built of Python
objects: 63 MB in every worker that segments a search query. ``CompactDictionary`` answers the
same question from the set of the same words pythainlp loads anyway (a few MB more), so the
segmentation is the same, word for word; it is about 2.5 times slower, which a search query (a
few words) does not feel and indexing does (see the README's performance section). It is built once per process, on first use, and shared by everything that segments
(search, the compliance checks): ``tokenize`` is the one entry point.
"""

from functools import lru_cache


class CompactDictionary:
    """The words of a dictionary with the lookups of pythainlp's ``Trie`` that ``newmm`` makes."""

    def __init__(self, words):
        if not isinstance(words, frozenset):
            words = frozenset(w for w in (word.strip() for word in words) if w)
        self.words = words  # pythainlp's own frozenset when given it: no second copy
        # The longest word that starts with each pair of letters: no longer prefix is tried.
        longest = {}
        for word in words:
            if len(word) > 1:
                longest[word[:2]] = max(longest.get(word[:2], 0), len(word))
        self.longest = longest

    def prefixes(self, text, start=0):
        """The words that start at ``start`` in ``text``, shortest first (as ``Trie.prefixes``)."""
        found = []
        if text[start : start + 1] in self.words:
            found.append(text[start : start + 1])
        limit = min(len(text), start + self.longest.get(text[start : start + 2], 0))
        words = self.words
        for end in range(start + 2, limit + 1):
            part = text[start:end]
            if part in words:
                found.append(part)
        return found

    def __contains__(self, word):
        return word in self.words

    def __iter__(self):
        return iter(self.words)

    def __len__(self):
        return len(self.words)


@lru_cache(maxsize=1)
def dictionary():
    """pythainlp's default word list (the one ``newmm`` uses), compact; loaded once."""
    from pythainlp.corpus import thai_words

    return CompactDictionary(thai_words())


def tokenize(text, keep_whitespace=False):
    """The words of ``text`` by pythainlp's ``newmm`` engine and its default dictionary."""
    from pythainlp.tokenize import word_tokenize

    return word_tokenize(
        text, custom_dict=dictionary(), engine="newmm", keep_whitespace=keep_whitespace
    )
