"""Date inputs in Buddhist Era: people read and type "15/11/2569", the database keeps C.E. dates.

A browser's date picker and Wagtail's admin one both show C.E. years next to fields that speak of
B.E. fiscal years, and a B.E. year typed into them was stored as that year C.E. (2569 for 2026).

``register_admin_date_fields`` makes these the fields of every date and date-time of Wagtail's
model forms (pages, snippets, viewsets, settings, modeladmin), through Wagtail's own
``register_form_field_override``; ``BuddhistPublishingPanel`` gives the page editor's schedule
("go live at", "expire at") the same input. A C.E. year is still understood (the two ranges do not
overlap), so a value from a Wagtail date picker left elsewhere is read right.
"""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.utils import from_current_timezone
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters.fields import DateRangeField, RangeField
from django_filters.widgets import SuffixedMultiWidget

from wagtail_disclosure.thai.dates import BE_OFFSET, be_year, parse_be_date
from wagtail_disclosure.thai.digits import to_arabic_digits

FORMAT_HELP = _("Day/month/year in Buddhist Era (พ.ศ.), e.g. 15/11/2569.")
DATETIME_HELP = _("Day/month/year in Buddhist Era (พ.ศ.) and time, e.g. 15/11/2569 14:30.")
# A date, then optionally a time ("14:30", "14.30", "14:30:00"), after a space, "T" or a comma.
_DATE_AND_TIME = re.compile(r"^(.*?\d)(?:\s*[T,]?\s+|T)(\d{1,2})[:.](\d{2})(?::(\d{2}))?$")


def _with_format(help_text, format_help):
    """The field's own help, then how to type the date (once)."""
    if not help_text:
        return format_help
    if str(format_help) in str(help_text):
        return help_text
    return f"{help_text} {format_help}"


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
        kwargs["help_text"] = _with_format(kwargs.get("help_text"), FORMAT_HELP)
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
        form.fields[name] = BuddhistDateField(
            label=field.label,
            required=field.required,
            initial=field.initial,
            help_text=field.help_text,
            disabled=field.disabled,
        )


def format_be_datetime(value):
    """``value`` (local time) as "dd/mm/yyyy hh:mm" with its B.E. year."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return f"{format_be_date(value)} {value:%H:%M}"


class BuddhistDateTimeInput(forms.TextInput):
    """A text input that shows a date-time as "15/11/2569 14:30"."""

    def __init__(self, attrs=None):
        defaults = {
            "placeholder": _("dd/mm/yyyy hh:mm (B.E.)"),
            "autocomplete": "off",
            "size": 18,
        }
        super().__init__({**defaults, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, datetime.datetime):
            return format_be_datetime(value)
        return super().format_value(value)


class BuddhistDateTimeField(forms.DateTimeField):
    """A date-time field whose date takes B.E. years (as ``BuddhistDateField``) and a time."""

    widget = BuddhistDateTimeInput

    def __init__(self, **kwargs):
        kwargs["help_text"] = _with_format(kwargs.get("help_text"), DATETIME_HELP)
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return from_current_timezone(value)
        if isinstance(value, datetime.date):
            return from_current_timezone(datetime.datetime.combine(value, datetime.time()))
        text = " ".join(to_arabic_digits(str(value)).split())
        moment = datetime.time()
        if m := _DATE_AND_TIME.match(text):
            text = m[1]
            try:
                moment = datetime.time(int(m[2]), int(m[3]), int(m[4] or 0))
            except ValueError:
                raise ValidationError(
                    _("Enter the time as hours:minutes, e.g. 14:30."), code="invalid"
                ) from None
        try:
            day = parse_be_date(text)
        except ValidationError:
            raise ValidationError(
                _(
                    "Enter the date and time as day/month/year in Buddhist Era (พ.ศ.) and "
                    "hours:minutes, e.g. 15/11/%(now)s 14:30."
                )
                % {"now": be_year()},
                code="invalid",
            ) from None
        return from_current_timezone(datetime.datetime.combine(day, moment))


class BuddhistDateRangeField(DateRangeField):
    """A list filter's date range ("from", "to") whose dates take B.E. years."""

    def __init__(self, *args, **kwargs):
        RangeField.__init__(self, (BuddhistDateField(), BuddhistDateField()), *args, **kwargs)


class BuddhistDateRangeWidget(SuffixedMultiWidget):
    """Two B.E. date inputs, "from" and "to", in Wagtail's range layout."""

    template_name = "wagtailadmin/widgets/range_input.html"
    suffixes = ["from", "to"]

    def __init__(self, attrs=None):
        widgets = (
            BuddhistDateInput(attrs={"placeholder": _("from dd/mm/yyyy (B.E.)")}),
            BuddhistDateInput(attrs={"placeholder": _("to dd/mm/yyyy (B.E.)")}),
        )
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if value:
            return [value.start, value.stop]
        return [None, None]


def use_be_date_filters(filterset):
    """The date filters of a list filter set (Wagtail's own reports and listings included) typed
    and shown in B.E.: each date or date-range filter of ``filterset`` gets the B.E. field and
    inputs. ``filterset.filters`` is the instance's own copy, so the class is left as it is."""
    import django_filters

    for date_filter in filterset.filters.values():
        if isinstance(date_filter, django_filters.DateFromToRangeFilter):
            date_filter.field_class = BuddhistDateRangeField
            date_filter.extra["widget"] = BuddhistDateRangeWidget
        elif isinstance(date_filter, django_filters.DateFilter):
            date_filter.field_class = BuddhistDateField
            date_filter.extra["widget"] = BuddhistDateInput


def register_admin_date_fields():
    """Every date and date-time of Wagtail's model forms in B.E. (called once, at start-up).

    Wagtail's own overrides (its date pickers) are registered when ``wagtail.admin.forms.models``
    is imported: importing it here first means these replace them.
    """
    from wagtail.admin.forms.models import register_form_field_override

    register_form_field_override(
        models.DateField, override={"form_class": BuddhistDateField, "widget": BuddhistDateInput}
    )
    register_form_field_override(
        models.DateTimeField,
        override={"form_class": BuddhistDateTimeField, "widget": BuddhistDateTimeInput},
    )
    # Wagtail's list filters declare their date ranges on each filter set (site history, the
    # workflow and locked-pages reports, the page listing, users, form submissions): every
    # ``WagtailFilterSet`` turns its date filters to B.E. as it is made.
    from wagtail.admin.filters import WagtailFilterSet

    if not getattr(WagtailFilterSet, "_wd_be_dates", False):
        made = WagtailFilterSet.__init__

        def __init__(self, *args, **kwargs):
            made(self, *args, **kwargs)
            use_be_date_filters(self)

        WagtailFilterSet.__init__ = __init__
        WagtailFilterSet._wd_be_dates = True
