"""The compact dictionary segments Thai exactly as pythainlp's own trie does, with less memory."""

from pathlib import Path

import yaml
from pythainlp.tokenize import word_tokenize

from wagtail_disclosure.thai.words import CompactDictionary, dictionary, tokenize

CORPUS = Path(__file__).resolve().parents[2] / "bench" / "search_corpus.yaml"


def test_the_same_words_as_pythainlps_trie():
    texts = [
        " ".join(str(entry.get(key, "")) for key in ("title", "summary", "body", "attachment"))
        for entry in yaml.safe_load(CORPUS.read_text("utf-8"))
    ]
    texts.append("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. ๒๕๖๗")
    for text in texts:
        assert tokenize(text, keep_whitespace=True) == word_tokenize(
            text, engine="newmm", keep_whitespace=True
        )


def test_prefixes_shortest_first_as_the_trie():
    words = CompactDictionary(["ก", "กา", "การ", "การเงิน", "ขา"])
    assert words.prefixes("การเงินดี") == ["ก", "กา", "การ", "การเงิน"]
    assert words.prefixes("xการ", 1) == ["ก", "กา", "การ"]
    assert words.prefixes("ดี") == []
    assert "ขา" in words and len(words) == 5


def test_loaded_once():
    assert dictionary() is dictionary()
