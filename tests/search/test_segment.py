"""Segmentation and query parsing: no database."""

from wagtail_disclosure.search import segment


def test_thai_text_is_split_into_dictionary_words():
    assert segment.words("สรุปผลการจัดซื้อจัดจ้างประจำเดือน") == [
        "สรุป",
        "ผล",
        "การ",
        "จัดซื้อจัดจ้าง",
        "ประจำเดือน",
    ]


def test_digits_latin_and_separators_are_normalised():
    assert segment.words("งบ ๔,๕๐๐,๐๐๐ บาท O21 (ITA) พ.ศ. ๒๕๖๖") == [
        "งบ",
        "4500000",
        "บาท",
        "o21",
        "ita",
        "พ",
        "ศ",
        "2566",
    ]


def test_index_spelling_is_ascii_and_keeps_prefixes():
    whole = segment.encode("ปีงบประมาณ")
    assert whole.isascii() and whole.isalpha()
    assert whole.startswith(segment.encode("ปีงบ"))
    assert segment.encode("งบ") != segment.encode("งบประมาณ")


def test_index_holds_the_word_and_its_inner_syllable_suffixes():
    tokens = segment.index_tokens("ปีงบประมาณ")
    assert segment.encode("ปีงบประมาณ") in tokens
    assert segment.encode("งบประมาณ") in tokens
    assert segment.encode("ประมาณ") in tokens
    # Never a suffix starting on a vowel or tone mark ("ีงบประมาณ", "ระมาณ" starts on a consonant).
    assert segment.encode("ีงบประมาณ") not in tokens


def test_compound_query_words_also_match_their_parts():
    assert segment.compound_parts("ปีงบประมาณ") == ("ปี", "งบประมาณ")
    assert segment.compound_parts("จัดซื้อจัดจ้าง") == ("จัดซื้อ", "จัดจ้าง")
    assert segment.compound_parts("งบ") == ()
    (term,) = segment.parse_query("ปีงบประมาณ").terms
    assert term.alternatives == (
        ((segment.encode("ปีงบประมาณ"), True),),
        ((segment.encode("ปี"), True), (segment.encode("งบประมาณ"), True)),
    )


def test_query_drops_function_words_but_never_everything():
    assert [t.word for t in segment.parse_query("การจัดซื้อของสำนักงาน").terms] == [
        "จัดซื้อ",
        "สำนักงาน",
    ]
    assert [t.word for t in segment.parse_query("การ").terms] == ["การ"]
    assert not segment.parse_query("!!! ...")


def test_codes_match_exactly_and_words_as_prefixes():
    terms = {t.word: t.alternatives[0][0] for t in segment.parse_query("O21 OIT 2566 ทุจริต").terms}
    assert terms["o21"] == ("o21", False)
    assert terms["oit"] == ("oit", True)
    assert terms["2566"] == ("2566", False)
    assert terms["ทุจริต"] == (segment.encode("ทุจริต"), True)


def test_highlight_spans_match_thai_digits_and_case():
    text = "ประกาศ ITA ปี ๒๕๖๖"
    spans = segment.highlight_spans(text, segment.parse_query("ita 2566"))
    assert [text[a:b] for a, b in spans] == ["ITA", "๒๕๖๖"]


def test_highlight_marks_parts_only_where_the_compound_is_absent():
    query = segment.parse_query("ปีงบประมาณ")
    text = "แผนปีงบประมาณ"
    assert [text[a:b] for a, b in segment.highlight_spans(text, query)] == ["ปีงบประมาณ"]
    text = "งบประมาณประจำปี"
    assert [text[a:b] for a, b in segment.highlight_spans(text, query)] == ["งบประมาณ", "ปี"]
