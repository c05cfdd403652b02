"""Buddhist-Era dates and the Thai fiscal calendar.

Thai fiscal year N (B.E.) runs from 1 October of N-1 to 30 September of N:
FY 2566 = 1 Oct 2022 – 30 Sep 2023 (C.E.). Round 1 is October–March, round 2 April–September;
quarters are Oct–Dec, Jan–Mar, Apr–Jun, Jul–Sep.
"""

import datetime
import functools
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from pythainlp.util import thai_strftime

from wagtail_disclosure.thai.digits import thai_digits, to_arabic_digits, uses_thai_digits

BE_OFFSET = 543
# The years a date of public disclosure can have: B.E. 2400–2700, that is C.E. 1857–2157. The two
# ranges do not overlap, so a four-digit year says by itself which era it is in.
BE_YEARS = range(2400, 2701)
CE_YEARS = range(BE_YEARS.start - BE_OFFSET, BE_YEARS.stop - BE_OFFSET)

MONTHS_EN = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip


def _as_date(value):
    if value is None:
        return timezone.localdate()
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def be_year(value=None):
    """The Buddhist-Era year of a date (or of a C.E. year given as an int)."""
    if isinstance(value, int):
        return value + BE_OFFSET
    return _as_date(value).year + BE_OFFSET


def fiscal_year(value=None):
    """The Thai fiscal year (B.E.) that contains ``value`` (today by default)."""
    d = _as_date(value)
    return d.year + BE_OFFSET + (1 if d.month >= 10 else 0)


def fiscal_year_range(fy):
    """First and last day (C.E. dates) of fiscal year ``fy`` (B.E.)."""
    ce = int(fy) - BE_OFFSET
    return datetime.date(ce - 1, 10, 1), datetime.date(ce, 9, 30)


def fiscal_round(value=None):
    """Follow-up round of the fiscal year: 1 (Oct–Mar) or 2 (Apr–Sep)."""
    return 1 if _as_date(value).month in (10, 11, 12, 1, 2, 3) else 2


def fiscal_quarter(value=None):
    """Quarter of the fiscal year, 1 (Oct–Dec) to 4 (Jul–Sep)."""
    return (_as_date(value).month - 10) % 12 // 3 + 1


@dataclass(frozen=True)
class FiscalPeriod:
    """A fiscal year, or one of its rounds or quarters, with its C.E. date range."""

    year: int
    round: int | None = None
    quarter: int | None = None

    def __post_init__(self):
        if self.round is not None and self.quarter is not None:
            raise ValueError("A period is a round or a quarter, not both.")
        if self.round not in (None, 1, 2):
            raise ValueError("round must be 1 or 2")
        if self.quarter not in (None, 1, 2, 3, 4):
            raise ValueError("quarter must be 1 to 4")

    @property
    def start(self):
        first, _last = fiscal_year_range(self.year)
        months = 0
        if self.round:
            months = (self.round - 1) * 6
        elif self.quarter:
            months = (self.quarter - 1) * 3
        return month_start(first, months)

    @property
    def end(self):
        if self.round:
            length = 6
        elif self.quarter:
            length = 3
        else:
            length = 12
        return month_start(self.start, length) - datetime.timedelta(days=1)

    def __contains__(self, value):
        return self.start <= _as_date(value) <= self.end

    @property
    def label(self):
        year = thai_digits(self.year)
        if self.round:
            return _("Fiscal year %(year)s, round %(n)s") % {
                "year": year,
                "n": thai_digits(self.round),
            }
        if self.quarter:
            return _("Fiscal year %(year)s, quarter %(n)s") % {
                "year": year,
                "n": thai_digits(self.quarter),
            }
        return _("Fiscal year %(year)s") % {"year": year}

    def __str__(self):
        return str(self.label)

    @classmethod
    def current(cls, value=None):
        return cls(fiscal_year(value))


def month_start(d, months=0):
    """The first day of the month ``months`` months after (or before, if negative) ``d``'s month."""
    return add_months(d.replace(day=1), months)


def thai_month_name(month, short=False):
    """The month's name in the active language (Thai by default)."""
    if _is_english():
        name = MONTHS_EN[month - 1]
        return name[:3] if short else name
    fmt = "%b" if short else "%B"
    return thai_strftime(datetime.datetime(2000, month, 1), fmt)


def _is_english():
    return (get_language() or "th").startswith("en")


def format_thai_date(value, fmt="%-d %B %Y", digits=None):
    """Format a date the Thai way: B.E. year, Thai month names, Thai digits if the office wants them.

    In English the same date is given with its C.E. year, so an English reader is not misled.
    """
    if value is None:
        return ""
    use_thai = bool(uses_thai_digits() if digits is None else digits)
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return _format(value, fmt, use_thai, _is_english())
    # Plain dates repeat a lot on a page (the hub lists hundreds): remember them.
    return _format_date(value, fmt, use_thai, _is_english())


def format_admin_date(value):
    """A date, or a date and time, as an admin screen shows it: "7 ธันวาคม 2569 19:16"."""
    if isinstance(value, datetime.datetime):
        return format_thai_date(value, "%-d %B %Y %H:%M")
    return format_thai_date(value)


@functools.lru_cache(maxsize=4096)
def _format_date(value, fmt, use_thai, english):
    return _format(datetime.datetime.combine(value, datetime.time()), fmt, use_thai, english)


def _format(value, fmt, use_thai, english):
    if english:
        return value.strftime(fmt.replace("%-d", str(value.day)))
    return thai_strftime(value, fmt, thaidigit=use_thai)


def fiscal_months(fy):
    """The twelve (C.E. year, month) pairs of fiscal year ``fy`` (B.E.), October first."""
    first, _last = fiscal_year_range(fy)
    return [((d := month_start(first, n)).year, d.month) for n in range(12)]


def add_months(value, months):
    """``value`` moved by whole months, the day clamped to the target month's length."""
    import calendar

    month0 = value.month - 1 + months
    year, month = value.year + month0 // 12, month0 % 12 + 1
    return value.replace(
        year=year, month=month, day=min(value.day, calendar.monthrange(year, month)[1])
    )


def month_label(year, month):
    """Short month and B.E. year, the way the announcements' calendars head their columns: "ต.ค. ๖๖"."""
    return format_thai_date(datetime.date(year, month, 1), "%b %y")


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d+)$")
_DAY_MONTH_NAME_YEAR = re.compile(r"^(\d{1,2})\s+(\S+)\s+(\d+)$")


def _month_of_name(name):
    for month in range(1, 13):
        names = {thai_strftime(datetime.datetime(2000, month, 1), f) for f in ("%B", "%b")}
        names |= {MONTHS_EN[month - 1].lower(), MONTHS_EN[month - 1][:3].lower()}
        if name.lower() in names:
            return month
    return None


def ce_year_of(year):
    """The C.E. year of a typed four-digit ``year``: B.E. 2400–2700 or C.E. 1857–2157; else refused."""
    if year in BE_YEARS:
        return year - BE_OFFSET
    if year in CE_YEARS:
        return year
    raise ValidationError(
        _(
            "The year %(year)s is not a possible year: give the year in Buddhist Era (พ.ศ.), e.g. %(now)s."
        )
        % {"year": year, "now": be_year()},
        code="implausible_year",
    )


def parse_be_date(text):
    """The date typed as ``text``: "15/11/2569", "2569-11-15", "15 พ.ย. 2569" (B.E.), Thai digits
    allowed; a C.E. year (1857–2157) is understood too. Raises ``ValidationError`` in the active
    language for anything else, so a B.E. year is never stored as a C.E. one."""
    value = " ".join(to_arabic_digits(str(text)).split())
    if m := _ISO.match(value):
        year, month, day = (int(g) for g in m.groups())
    elif m := _DMY.match(value):
        day, month, year = (int(g) for g in m.groups())
    elif (m := _DAY_MONTH_NAME_YEAR.match(value)) and _month_of_name(m[2]):
        day, month, year = int(m[1]), _month_of_name(m[2]), int(m[3])
    else:
        raise ValidationError(
            _("Enter the date as day/month/year in Buddhist Era (พ.ศ.), e.g. 15/11/%(now)s.")
            % {"now": be_year()},
            code="invalid",
        )
    if len(str(year)) != 4:
        raise ValidationError(
            _("Give the year with four digits in Buddhist Era (พ.ศ.), e.g. %(now)s.")
            % {"now": be_year()},
            code="invalid",
        )
    try:
        return datetime.date(ce_year_of(year), month, day)
    except ValueError:
        raise ValidationError(
            _("There is no such date: %(text)s.") % {"text": text}, code="invalid"
        ) from None


def check_plausible_date(value):
    """Refuse a stored date whose year is no plausible one (e.g. B.E. 2569 taken as C.E. 2569)."""
    if value is not None and value.year not in CE_YEARS:
        raise ValidationError(
            _(
                "The date %(date)s has the year %(year)s: was a Buddhist-Era (พ.ศ.) year taken "
                "as a Christian-Era one? Give the date again."
            )
            % {"date": value.isoformat(), "year": value.year + BE_OFFSET},
            code="implausible_year",
        )
