"""The public search form: words, and the three filters citizens and assessors ask for.

The filters' choices (the edition's indicators, the office's work groups, the fiscal years that
have content) are read once per state of the office's content and kept in the cache, and the
selects are written out directly rather than through one template per option: the form was
half the cost of a search page.
"""

from django import forms
from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure import conf
from wagtail_disclosure.forms.widgets import PlainSelect
from wagtail_disclosure.models import DisclosurePage, WorkGroup
from wagtail_disclosure.thai.digits import thai_digits


def _named(name_th, name_en):
    """The name in the active language, Thai first (as the models' ``name`` gives it)."""
    return name_en if (get_language() or "th").startswith("en") and name_en else name_th


def filter_choices(site, edition, pages, state_key=None):
    """(indicators, fiscal years, work groups) as ``(value, label)`` lists, cached per state.

    ``state_key`` names the state of the office's content (the hub's cache key); without it the
    choices are read every time.
    """
    key = None
    if state_key is not None:
        key = f"wagtail_disclosure_search_choices:{site.pk if site else 0}:{state_key}"
        key += f":{get_language()}"
        cached = cache.get(key)
        if cached is not None:
            return cached
    indicators = []
    if edition is not None:
        indicators = [
            (pk, f"{code} {_named(name_th, name_en)}")
            for pk, code, name_th, name_en in edition.items.order_by("sort_order").values_list(
                "pk", "code", "name_th", "name_en"
            )
        ]
    groups = []
    if site is not None:
        groups = [
            (pk, _named(name_th, name_en))
            for pk, name_th, name_en in WorkGroup.objects.filter(site=site)
            .order_by("sort_order", "name_th")
            .values_list("pk", "name_th", "name_en")
        ]
    years = (
        (pages if pages is not None else DisclosurePage.objects.live())
        .exclude(fiscal_year=None)
        .order_by("-fiscal_year")
        .values_list("fiscal_year", flat=True)
        .distinct()
    )
    fiscal_years = [
        (year, str(_("Fiscal year %(year)s") % {"year": thai_digits(year)})) for year in years
    ]
    choices = (indicators, fiscal_years, groups)
    if key is not None:
        cache.set(key, choices, conf.get("HUB_CACHE_SECONDS"))
    return choices


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=200, required=False)
    indicator = forms.TypedChoiceField(
        label=_("Indicator"), coerce=int, required=False, empty_value=None, widget=PlainSelect
    )
    fiscal_year = forms.TypedChoiceField(
        label=_("Fiscal year"), coerce=int, required=False, empty_value=None, widget=PlainSelect
    )
    group = forms.TypedChoiceField(
        label=_("Work group"), coerce=int, required=False, empty_value=None, widget=PlainSelect
    )

    def __init__(self, *args, site=None, edition=None, pages=None, state_key=None, **kwargs):
        super().__init__(*args, **kwargs)
        indicators, years, groups = filter_choices(site, edition, pages, state_key)
        self.fields["indicator"].choices = [("", _("All indicators")), *indicators]
        self.fields["fiscal_year"].choices = [("", _("All fiscal years")), *years]
        self.fields["group"].choices = [("", _("All work groups")), *groups]

    @property
    def has_filters(self):
        data = getattr(self, "cleaned_data", {})
        return any(data.get(name) for name in ("indicator", "fiscal_year", "group"))
