"""Thai conventions in one place: Buddhist-Era dates, fiscal years, rounds and quarters, digits.

Formatting goes through pythainlp; only the fiscal calendar, which no library has, is written here.
"""

from .dates import (  # noqa: F401
    FiscalPeriod,
    be_year,
    fiscal_quarter,
    fiscal_round,
    fiscal_year,
    fiscal_year_range,
    format_thai_date,
    thai_month_name,
)
from .digits import thai_digits  # noqa: F401
