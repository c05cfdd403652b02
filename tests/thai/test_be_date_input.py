"""Typing dates in Buddhist Era: "2569-11-15" and "15/11/2569" mean 15 November 2026; a year that
is neither a plausible B.E. nor C.E. year is refused with a Thai message (no database)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from wagtail_disclosure.forms.dates import BuddhistDateField, BuddhistDateInput
from wagtail_disclosure.thai.dates import check_plausible_date, parse_be_date

D = datetime.date


@pytest.mark.parametrize(
    "typed",
    [
        "2569-11-15",
        "15/11/2569",
        "15-11-2569",
        "15.11.2569",
        "๑๕/๑๑/๒๕๖๙",
        "15 พฤศจิกายน 2569",
        "15 พ.ย. 2569",
        "2026-11-15",  # the machine format with a C.E. year is still understood
    ],
)
def test_be_dates_are_understood(typed):
    assert parse_be_date(typed) == D(2026, 11, 15)


@pytest.mark.parametrize(
    "typed", ["15/11/3112", "3112-11-15", "15/11/1500", "15/11/69", "31/02/2569"]
)
def test_implausible_dates_are_refused_in_thai(typed):
    with translation.override("th"), pytest.raises(ValidationError) as error:
        parse_be_date(typed)
    assert any("พ.ศ." in m or "วันที่" in m for m in error.value.messages), error.value.messages


def test_a_date_of_year_2569_ce_is_not_plausible():
    with translation.override("th"), pytest.raises(ValidationError) as error:
        check_plausible_date(D(2569, 11, 15))
    assert "พ.ศ." in error.value.messages[0]
    check_plausible_date(D(2026, 11, 15))


def test_field_and_widget_show_and_take_be():
    field = BuddhistDateField()
    assert field.clean("15/11/2569") == D(2026, 11, 15)
    with pytest.raises(ValidationError):
        field.clean("15/11/3112")
    html = BuddhistDateInput().render("date", D(2026, 11, 15))
    assert 'value="15/11/2569"' in html and 'type="text"' in html
    # A refused value comes back as it was typed, for the person to correct.
    assert 'value="15/11/3112"' in BuddhistDateInput().render("date", "15/11/3112")
