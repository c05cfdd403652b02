"""A corpus of Thai national ID numbers: valid and invalid checksums, formats, Thai digits."""

import pytest
from pythainlp.util import arabic_digit_to_thai_digit

from wagtail_disclosure.thai.national_id import (
    find_national_ids,
    is_valid_national_id,
    mask_national_id,
)


def with_checksum(first12):
    total = sum(int(d) * (13 - i) for i, d in enumerate(first12))
    return first12 + str((11 - total % 11) % 10)


# Checksums worked out by hand from the published algorithm (weights 13..2, (11 - sum mod 11) mod 10).
VALID = [
    "1101700123456",  # 1*13+1*12+0+1*10+7*9+0+0+1*6+2*5+3*4+4*3+5*2 = 148; 148%11=5; 11-5=6
    "3100600000013",  # 39+12+54+2 = 107; 107%11=8; 11-8=3
    "1234567890121",
    "0000000000001",  # all-zero body: sum 0, (11-0)%10 = 1
    with_checksum("510080012345"),
    with_checksum("897654321098"),
]
INVALID = [
    "1101700123457",  # last digit off by one
    "1101700123455",
    "1234567890123",
    "0000000000000",
    "110170012345",  # 12 digits
    "11017001234567",  # 14 digits
]


@pytest.mark.parametrize("number", VALID)
def test_valid_checksums(number):
    assert is_valid_national_id(number)


@pytest.mark.parametrize("number", INVALID)
def test_invalid_checksums_and_lengths(number):
    assert not is_valid_national_id(number)


def test_thai_digits_validate():
    assert is_valid_national_id(arabic_digit_to_thai_digit("1101700123456"))
    assert not is_valid_national_id(arabic_digit_to_thai_digit("1101700123457"))


@pytest.mark.parametrize(
    "written",
    [
        "1101700123456",
        "1-1017-00123-45-6",
        "1 1017 00123 45 6",
        "1 1017 00123 45 6".replace(" ", "\u00a0"),  # no-break spaces from Word
        "1–1017–00123–45–6",  # en dashes
        "1.1017.00123.45.6",
        "๑๑๐๑๗๐๐๑๒๓๔๕๖",
        "๑-๑๐๑๗-๐๐๑๒๓-๔๕-๖",
        "๑ ๑๐๑๗ ๐๐๑๒๓ ๔๕ ๖",
        "1-๑๐๑๗-00123-๔๕-6",  # mixed digits
    ],
)
def test_found_in_thai_text_in_every_format(written):
    text = f"นางสาวสมใจ ใจดี เลขประจำตัวประชาชน {written} ที่อยู่ ๙๙ หมู่ ๑"
    found = find_national_ids(text)
    assert [digits for _s, _e, digits in found] == ["1101700123456"]
    start, end, _digits = found[0]
    assert text[start:end] == written


def test_found_after_other_numbers_and_inside_words():
    text = "เลขที่ 12 1101700123456 และ ฉบับที่ 3/2566 เลข3100600000013ครับ"
    assert [d for _s, _e, d in find_national_ids(text)] == ["1101700123456", "3100600000013"]


@pytest.mark.parametrize(
    "text",
    [
        "โทร 081-234-5678 หรือ 0 2123 4567",  # phone numbers
        "งบประมาณ 4,500,000 บาท ปี 2566",
        "เลข 1101700123457 ผิด",  # bad checksum
        "บัญชี 11017001234567",  # 14 digits: a longer number, not an ID
        "รหัส 1-1017-00123-45",  # 12 digits
        "",
    ],
)
def test_not_found(text):
    assert find_national_ids(text) == []


def test_mask_keeps_only_the_ends():
    assert mask_national_id("1101700123456") == "1-1017-xxxxx-xx-6"
