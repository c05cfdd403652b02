"""The Thai fiscal calendar and B.E. formatting (no database)."""

import datetime

import pytest
from django.utils import translation

from wagtail_disclosure.thai.dates import (
    FiscalPeriod,
    be_year,
    fiscal_quarter,
    fiscal_round,
    fiscal_year,
    fiscal_year_range,
    format_thai_date,
    month_start,
    thai_month_name,
)
from wagtail_disclosure.thai.digits import thai_digits, to_arabic_digits

D = datetime.date


def test_be_year():
    assert be_year(D(2023, 1, 1)) == 2566
    assert be_year(2023) == 2566


@pytest.mark.parametrize(
    "day, fy",
    [
        (D(2022, 9, 30), 2565),
        (D(2022, 10, 1), 2566),  # FY 2566 opens on 1 Oct 2022
        (D(2023, 1, 1), 2566),
        (D(2023, 9, 30), 2566),  # ... and closes on 30 Sep 2023
        (D(2023, 10, 1), 2567),
        (D(2023, 12, 31), 2567),
    ],
)
def test_fiscal_year_boundaries(day, fy):
    assert fiscal_year(day) == fy


def test_fiscal_year_of_an_aware_datetime_uses_bangkok_time(settings):
    settings.TIME_ZONE = "Asia/Bangkok"
    # 30 Sep 2023 18:00 UTC is already 1 Oct 01:00 in Bangkok: FY 2567.
    moment = datetime.datetime(2023, 9, 30, 18, 0, tzinfo=datetime.UTC)
    assert fiscal_year(moment) == 2567


def test_fiscal_year_range():
    assert fiscal_year_range(2566) == (D(2022, 10, 1), D(2023, 9, 30))
    assert fiscal_year_range("2567") == (D(2023, 10, 1), D(2024, 9, 30))


@pytest.mark.parametrize(
    "day, rnd, quarter",
    [
        (D(2022, 10, 1), 1, 1),
        (D(2022, 12, 31), 1, 1),
        (D(2023, 1, 1), 1, 2),
        (D(2023, 3, 31), 1, 2),
        (D(2023, 4, 1), 2, 3),
        (D(2023, 6, 30), 2, 3),
        (D(2023, 7, 1), 2, 4),
        (D(2023, 9, 30), 2, 4),
    ],
)
def test_rounds_and_quarters(day, rnd, quarter):
    assert fiscal_round(day) == rnd
    assert fiscal_quarter(day) == quarter


@pytest.mark.parametrize(
    "period, start, end",
    [
        (FiscalPeriod(2566), D(2022, 10, 1), D(2023, 9, 30)),
        (FiscalPeriod(2566, round=1), D(2022, 10, 1), D(2023, 3, 31)),
        (FiscalPeriod(2566, round=2), D(2023, 4, 1), D(2023, 9, 30)),
        (FiscalPeriod(2566, quarter=1), D(2022, 10, 1), D(2022, 12, 31)),
        (FiscalPeriod(2566, quarter=2), D(2023, 1, 1), D(2023, 3, 31)),
        (FiscalPeriod(2566, quarter=3), D(2023, 4, 1), D(2023, 6, 30)),
        (FiscalPeriod(2566, quarter=4), D(2023, 7, 1), D(2023, 9, 30)),
        (FiscalPeriod(2568, quarter=2), D(2025, 1, 1), D(2025, 3, 31)),
    ],
)
def test_fiscal_period_ranges(period, start, end):
    assert (period.start, period.end) == (start, end)
    assert start in period and end in period
    assert start - datetime.timedelta(days=1) not in period
    assert end + datetime.timedelta(days=1) not in period


def test_leap_february_inside_quarter_two():
    assert D(2024, 2, 29) in FiscalPeriod(2567, quarter=2)


def test_fiscal_period_refuses_nonsense():
    with pytest.raises(ValueError):
        FiscalPeriod(2566, round=1, quarter=1)
    with pytest.raises(ValueError):
        FiscalPeriod(2566, round=3)
    with pytest.raises(ValueError):
        FiscalPeriod(2566, quarter=5)


def test_current_period():
    assert FiscalPeriod.current(D(2023, 10, 1)) == FiscalPeriod(2567)


def test_month_start_moves_across_years():
    assert month_start(D(2024, 3, 15)) == D(2024, 3, 1)
    assert month_start(D(2024, 3, 15), -3) == D(2023, 12, 1)
    assert month_start(D(2023, 11, 30), 2) == D(2024, 1, 1)


def test_thai_date_with_thai_digits():
    with translation.override("th"):
        assert format_thai_date(D(2023, 10, 1), digits=True) == "๑ ตุลาคม ๒๕๖๖"
        assert format_thai_date(D(2023, 10, 1), digits=False) == "1 ตุลาคม 2566"
        assert format_thai_date(D(2024, 2, 29), "%-d %b %y", digits=True) == "๒๙ ก.พ. ๖๗"
        assert thai_month_name(10) == "ตุลาคม"
        assert thai_month_name(10, short=True) == "ต.ค."


def test_thai_digits_follow_the_office_setting(settings):
    with translation.override("th"):
        settings.WAGTAIL_DISCLOSURE = {"THAI_DIGITS": True}
        assert format_thai_date(D(2023, 10, 1)) == "๑ ตุลาคม ๒๕๖๖"
        assert thai_digits(2566) == "๒๕๖๖"
        settings.WAGTAIL_DISCLOSURE = {"THAI_DIGITS": False}
        assert format_thai_date(D(2023, 10, 1)) == "1 ตุลาคม 2566"
        assert thai_digits(2566) == "2566"
    assert to_arabic_digits("๒๕๖๖") == "2566"


def test_english_keeps_the_christian_era_year():
    with translation.override("en"):
        assert format_thai_date(D(2023, 10, 1)) == "1 October 2023"
        assert thai_month_name(10) == "October"


def test_period_labels():
    with translation.override("en"):
        assert str(FiscalPeriod(2566, round=2)) == "Fiscal year 2566, round 2"
        assert str(FiscalPeriod(2566, quarter=3)) == "Fiscal year 2566, quarter 3"
