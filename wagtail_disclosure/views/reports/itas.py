"""The ITAS export: one row per indicator for the NACC's ITAS form (has it or not, one stable
public URL, a short explanation), from the same rows as OIT readiness.

"Has it" is yes only when content in the item's scope exists (this fiscal year for an item of the
fiscal year): content outside the scope is no answer. The URL is the indicator's page on the
office's site (else the hub), which stays while the content under it changes. The explanation is
readiness's own statement of what is missing, or the newest pages that answer the item.
"""

from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.reports.readiness import Status
from wagtail_disclosure.views.reports.base import thai_date
from wagtail_disclosure.views.reports.readiness import OITReadinessView


def has_it(row):
    """Whether the office can answer "มี" for the item: content in scope, live."""
    return row.status != Status.MISSING and row.has_content


class ITASExportView(OITReadinessView):
    page_title = _("ITAS export")
    header_icon = "download"
    index_url_name = "wagtail_disclosure_admin:itas"
    index_results_url_name = "wagtail_disclosure_admin:itas_results"
    export_name = "itas"
    filter_fields = ("fiscal_year",)
    results_template_name = "wagtail_disclosure/reports/itas_results.html"

    def explanation(self, row):
        """What is missing, else the newest pages in scope that answer the item."""
        if row.status != Status.COMPLETE:
            return str(row.reason)
        serving = [p for p in row.pages if p.in_scope] or row.pages
        return "; ".join(f"{p.title} ({thai_date(p.date)})" for p in serving[:3])

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["itas_rows"] = [
            (row, self.explanation(row), has_it(row)) for row in context["object_list"]
        ]
        return context

    def export_headings(self):
        return [
            _g("Indicator"),
            _g("Name"),
            _g("Has it"),
            _g("URL"),
            _g("Explanation"),
            _g("Freshness"),
        ]

    def export_rows(self, rows):
        for row in rows:
            yield [
                row.item.code,
                row.item.name,
                _g("Yes") if has_it(row) else _g("No"),
                row.public_url,
                self.explanation(row),
                str(row.freshness.label),
            ]
