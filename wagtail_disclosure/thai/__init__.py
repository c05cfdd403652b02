"""Thai conventions in one place: Buddhist-Era dates, fiscal years, rounds and quarters, digits.

Formatting goes through pythainlp; only the fiscal calendar, which no library has, is written here.
"""

from .dates import (  # noqa: F401
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
from .digits import (  # noqa: F401
    office_uses_thai_digits,
    thai_digits,
    thai_digits_active,
    uses_thai_digits,
)
