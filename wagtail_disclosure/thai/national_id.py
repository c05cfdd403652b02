"""Thai national ID numbers (เลขประจำตัวประชาชน): 13 digits, the last a checksum of the others.

Found in text written with Arabic or Thai digits, run together or split by dashes, spaces or dots
(``1-2345-67890-12-1``, ``๑ ๒๓๔๕ ๖๗๘๙๐ ๑๒ ๑``). Only numbers whose checksum holds count, so that
phone numbers, budget figures and document numbers are not reported.
"""

import re

from wagtail_disclosure.thai.digits import to_arabic_digits

# A run of digit groups, each separated by one dash, space (incl. no-break/thin) or dot. An ID is
# any whole groups of the run that add up to 13 digits, so "เลขที่ 12 1-2345-..." still finds it.
_SEP = r"[\-\u2010\u2011\u2012\u2013 \u00a0\u2009\u202f.]"
_RUN = re.compile(rf"\d+(?:{_SEP}\d+)*")
_GROUP = re.compile(r"\d+")


def is_valid_national_id(value):
    """True when ``value`` (digits only, Arabic or Thai, separators allowed) is a valid ID."""
    digits = re.sub(r"\D", "", to_arabic_digits(str(value)))
    if len(digits) != 13:
        return False
    total = sum(int(d) * (13 - i) for i, d in enumerate(digits[:12]))
    return (11 - total % 11) % 10 == int(digits[12])


def find_national_ids(text):
    """``[(start, end, digits)]`` of every valid national ID number in ``text``."""
    if not text:
        return []
    normalised = to_arabic_digits(text)  # one character per digit, so offsets stay valid
    found = []
    for run in _RUN.finditer(normalised):
        if len(run.group()) < 13:
            continue
        groups = [
            (m.start() + run.start(), m.end() + run.start(), m.group())
            for m in _GROUP.finditer(run.group())
        ]
        i = 0
        while i < len(groups):
            digits, j = "", i
            while j < len(groups) and len(digits) < 13:
                digits += groups[j][2]
                j += 1
            if len(digits) == 13 and is_valid_national_id(digits):
                found.append((groups[i][0], groups[j - 1][1], digits))
                i = j
            else:
                i += 1
    return found


def mask_national_id(digits):
    """``1-2345-xxxxx-xx-1``: enough for the editor to find it, not enough to leak it again."""
    return f"{digits[0]}-{digits[1:5]}-xxxxx-xx-{digits[12]}"
