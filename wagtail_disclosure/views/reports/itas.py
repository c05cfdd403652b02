"""The ITAS export: one row per indicator for the NACC's ITAS form (has it or not, the URLs on
the office's site, a short explanation), from the same rows as OIT readiness."""

from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.catalogue.freshness import serves_fiscal_year
from wagtail_disclosure.reports.readiness import Status, as_of
from wagtail_disclosure.thai.dates import fiscal_year
from wagtail_disclosure.views.reports.base import thai_date
from wagtail_disclosure.views.reports.readiness import OITReadinessView


class ITASExportView(OITReadinessView):
    page_title = _("ITAS export")
    header_icon = "download"
    index_url_name = "wagtail_disclosure_admin:itas"
    index_results_url_name = "wagtail_disclosure_admin:itas_results"
    export_name = "itas"
    filter_fields = ("fiscal_year",)
    results_template_name = "wagtail_disclosure/reports/itas_results.html"

    def explanation(self, row):
        """The newest pages that answer the item (those that keep it current, if any)."""
        if row.status == Status.MISSING:
            return str(row.reason)
        year = fiscal_year(as_of(self.params["fiscal_year"], self.today))
        serving = [p for p in row.pages if serves_fiscal_year(row.item, p.fiscal_year, year)]
        text = "; ".join(f"{p.title} ({thai_date(p.date)})" for p in (serving or row.pages)[:3])
        return f"{text}. {row.reason}".strip() if row.reason else text

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["itas_rows"] = [(row, self.explanation(row)) for row in context["object_list"]]
        return context

    def export_headings(self):
        return [
            _g("Indicator"),
            _g("Name"),
            _g("Has it"),
            _g("URLs"),
            _g("Explanation"),
            _g("Freshness"),
        ]

    def export_rows(self, rows):
        for row in rows:
            yield [
                row.item.code,
                row.item.name,
                _g("Yes") if row.status != Status.MISSING else _g("No"),
                row.urls,
                self.explanation(row),
                str(row.freshness.label),
            ]
