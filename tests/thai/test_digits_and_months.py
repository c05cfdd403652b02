import datetime

import pytest
from django.test import override_settings
from django.utils import translation

from wagtail_disclosure.models import OfficeProfile
from wagtail_disclosure.thai import (
    add_months,
    fiscal_months,
    format_thai_date,
    month_label,
    thai_digits,
    thai_digits_active,
)


def test_fiscal_months_start_in_october_of_the_previous_year():
    months = fiscal_months(2566)
    assert months[0] == (2022, 10) and months[-1] == (2023, 9) and len(months) == 12


def test_add_months_clamps_the_day():
    assert add_months(datetime.date(2024, 1, 31), 1) == datetime.date(2024, 2, 29)
    assert add_months(datetime.date(2023, 11, 15), 12) == datetime.date(2024, 11, 15)


def test_month_label_like_the_announcement_calendars():
    with translation.override("th"):
        assert month_label(2022, 10) == "ต.ค. 65"
        with thai_digits_active(True):
            assert month_label(2022, 10) == "ต.ค. ๖๕"


def test_active_digits_override_the_install_default():
    assert thai_digits(2566) == "2566"
    with thai_digits_active(True):
        assert thai_digits(2566) == "๒๕๖๖"
        with translation.override("th"):
            assert format_thai_date(datetime.date(2023, 10, 1)) == "๑ ตุลาคม ๒๕๖๖"
        with thai_digits_active(False):
            assert thai_digits(7) == "7"
    with override_settings(WAGTAIL_DISCLOSURE={"THAI_DIGITS": True}):
        assert thai_digits(7) == "๗"


@pytest.mark.django_db
def test_office_setting_drives_public_pages(demo, client):
    site = demo["site"]
    assert OfficeProfile.wants_thai_digits(site) is False
    profile = OfficeProfile.for_site(site)
    profile.use_thai_digits = True
    profile.save()
    assert OfficeProfile.wants_thai_digits(site) is True
    html = client.get("/oit/").content.decode()
    assert "๒๕" in html  # B.E. years of the last-updated dates, in Thai digits
