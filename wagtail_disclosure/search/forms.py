"""The public search form: words, and the three filters citizens and assessors ask for."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.models import CatalogueItem, DisclosurePage, WorkGroup
from wagtail_disclosure.thai.digits import thai_digits


class IndicatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} {obj.name}"


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=200, required=False)
    indicator = IndicatorChoiceField(
        label=_("Indicator"),
        queryset=CatalogueItem.objects.none(),
        required=False,
        empty_label=_("All indicators"),
    )
    fiscal_year = forms.TypedChoiceField(
        label=_("Fiscal year"), coerce=int, required=False, empty_value=None
    )
    group = forms.ModelChoiceField(
        label=_("Work group"),
        queryset=WorkGroup.objects.none(),
        required=False,
        empty_label=_("All work groups"),
    )

    def __init__(self, *args, site=None, edition=None, pages=None, **kwargs):
        super().__init__(*args, **kwargs)
        if edition is not None:
            self.fields["indicator"].queryset = edition.items.order_by("sort_order")
        if site is not None:
            self.fields["group"].queryset = WorkGroup.objects.filter(site=site).order_by(
                "sort_order", "name_th"
            )
        years = (
            (pages if pages is not None else DisclosurePage.objects.live())
            .exclude(fiscal_year=None)
            .order_by("-fiscal_year")
            .values_list("fiscal_year", flat=True)
            .distinct()
        )
        self.fields["fiscal_year"].choices = [("", _("All fiscal years"))] + [
            (year, _("Fiscal year %(year)s") % {"year": thai_digits(year)}) for year in years
        ]

    @property
    def has_filters(self):
        data = getattr(self, "cleaned_data", {})
        return any(data.get(name) for name in ("indicator", "fiscal_year", "group"))
