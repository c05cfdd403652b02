"""The report filters: fiscal year, round, quarter, work group, catalogue item.

They do not filter a queryset: the views read the cleaned values and compute their figures.
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from wagtail_disclosure.forms.widgets import PlainSelect
from wagtail_disclosure.models import CatalogueItem, WorkGroup
from wagtail_disclosure.models.offices import acting_office
from wagtail_disclosure.reports.readiness import edition_for_site
from wagtail_disclosure.thai.dates import fiscal_year
from wagtail_disclosure.thai.digits import thai_digits


def fiscal_year_choices():
    current = fiscal_year()
    return [
        (str(y), _("FY %(year)s") % {"year": thai_digits(y)})
        for y in range(current, current - 6, -1)
    ]


ROUND_CHOICES = [("1", _("Round 1 (Oct–Mar)")), ("2", _("Round 2 (Apr–Sep)"))]
QUARTER_CHOICES = [
    ("1", _("Quarter 1 (Oct–Dec)")),
    ("2", _("Quarter 2 (Jan–Mar)")),
    ("3", _("Quarter 3 (Apr–Jun)")),
    ("4", _("Quarter 4 (Jul–Sep)")),
]


def _keep(queryset, name, value):
    return queryset


class ReportFilterForm(forms.Form):
    def clean(self):
        data = super().clean()
        if data.get("round") and data.get("quarter"):
            raise forms.ValidationError(_("Choose a round or a quarter, not both."))
        return data


def work_groups(request):
    """The work groups of the office the user acts for."""
    return WorkGroup.objects.filter(site=acting_office(request))


def office_edition(request, site=None):
    """The catalogue edition of ``site`` (the office the user acts for unless given), worked out
    once per request and office (a report and its filter both ask)."""
    site = site if site is not None else acting_office(request)
    memo = request.__dict__.setdefault("_wd_edition", {})
    key = site.pk if site is not None else None
    if key not in memo:
        memo[key] = edition_for_site(site) if site is not None else None
    return memo[key]


def catalogue_items(request):
    """The items of the catalogue edition of the office the user acts for."""
    return CatalogueItem.objects.filter(edition=office_edition(request)).order_by("sort_order")


class ReportFilterSet(WagtailFilterSet):
    """All report filters; each view keeps the ones it uses (``filter_fields``)."""

    fiscal_year = django_filters.ChoiceFilter(
        label=_("Fiscal year"),
        choices=fiscal_year_choices,
        method=_keep,
        empty_label=None,
        widget=PlainSelect,
    )
    round = django_filters.ChoiceFilter(
        label=_("Round"), choices=ROUND_CHOICES, method=_keep, widget=PlainSelect
    )
    quarter = django_filters.ChoiceFilter(
        label=_("Quarter"), choices=QUARTER_CHOICES, method=_keep, widget=PlainSelect
    )
    group = django_filters.ModelChoiceFilter(
        label=_("Work group"), queryset=work_groups, method=_keep, widget=PlainSelect
    )
    indicator = django_filters.ModelChoiceFilter(
        label=_("Indicator"), queryset=catalogue_items, method=_keep, widget=PlainSelect
    )

    class Meta:
        form = ReportFilterForm
        fields = []

    def __init__(self, *args, fields=None, **kwargs):
        super().__init__(*args, **kwargs)
        if fields is not None:
            for name in list(self.filters):
                if name not in fields:
                    del self.filters[name]

    @property
    def form(self):
        """The form; the indicator's choices shown come from the edition's items as the process
        keeps them (``CatalogueEdition.ordered_items``), not from a query per request. The
        field's queryset still checks the value chosen."""
        if not hasattr(self, "_form"):
            field = super().form.fields.get("indicator")
            edition = office_edition(self.request) if field is not None else None
            if edition is not None:
                field.widget.choices = [("", field.empty_label)] + [
                    (item.pk, str(item)) for item in edition.ordered_items()
                ]
        return self._form
