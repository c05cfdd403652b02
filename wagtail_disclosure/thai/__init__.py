"""Thai conventions in one place: Buddhist-Era dates, fiscal years, rounds and quarters, digits.

Formatting goes through pythainlp; only the fiscal calendar, which no library has, is written here.
"""

from wagtail_disclosure.thai.dates import (
    FiscalPeriod,
    add_months,
    be_year,
    fiscal_months,
    fiscal_quarter,
    fiscal_round,
    fiscal_year,
    fiscal_year_range,
    format_thai_date,
    month_label,
    thai_month_name,
)
from wagtail_disclosure.thai.digits import (
    thai_digits,
    thai_digits_active,
    uses_thai_digits,
)

__all__ = [
    "FiscalPeriod",
    "add_months",
    "be_year",
    "fiscal_months",
    "fiscal_quarter",
    "fiscal_round",
    "fiscal_year",
    "fiscal_year_range",
    "format_thai_date",
    "month_label",
    "thai_digits",
    "thai_digits_active",
    "thai_month_name",
    "uses_thai_digits",
]
