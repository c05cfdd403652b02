"""Date inputs in Buddhist Era: people read and type "15/11/2569", the database keeps C.E. dates.

A browser's date picker and Wagtail's admin one both show C.E. years next to fields that speak of
B.E. fiscal years, and a B.E. year typed into them was stored as that year C.E. (2569 for 2026).
"""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.thai.dates import BE_OFFSET, parse_be_date

FORMAT_HELP = _("Day/month/year in Buddhist Era (พ.ศ.), e.g. 15/11/2569.")


def format_be_date(value):
    """``value`` as "dd/mm/yyyy" with its B.E. year, the way the field shows it."""
    return f"{value.day:02d}/{value.month:02d}/{value.year + BE_OFFSET}"


class BuddhistDateInput(forms.TextInput):
    """A text input that shows a date as "15/11/2569" and leaves what was typed as it was."""

    def __init__(self, attrs=None):
        defaults = {
            "placeholder": _("dd/mm/yyyy (B.E.)"),
            "inputmode": "numeric",
            "autocomplete": "off",
            "size": 12,
        }
        super().__init__({**defaults, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, datetime.date):
            return format_be_date(value)
        return super().format_value(value)


class BuddhistDateField(forms.DateField):
    """A date field that takes B.E. years (and plausible C.E. ones) and refuses any other year."""

    widget = BuddhistDateInput

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", FORMAT_HELP)
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        return parse_be_date(value)


def use_be_dates(form, names):
    """Swap the named date fields of a built ``form`` for B.E. ones, keeping label, help and initial."""
    for name in names:
        field = form.fields.get(name)
        if field is None or isinstance(field, BuddhistDateField):
            continue
        help_text = f"{field.help_text} {FORMAT_HELP}" if field.help_text else FORMAT_HELP
        form.fields[name] = BuddhistDateField(
            label=field.label,
            required=field.required,
            initial=field.initial,
            help_text=help_text,
            disabled=field.disabled,
        )
