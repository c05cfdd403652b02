"""Freshness: the catalogue items whose content is outdated or due for an update, most urgent first
(the one rule of ``catalogue.freshness``)."""

from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.catalogue.freshness import Freshness
from wagtail_disclosure.reports.readiness import readiness
from wagtail_disclosure.thai.dates import fiscal_year
from wagtail_disclosure.views.reports.base import ComputedReportView, thai_date


class FreshnessView(ComputedReportView):
    page_title = _("Freshness")
    header_icon = "history"
    index_url_name = "wagtail_disclosure_admin:freshness"
    index_results_url_name = "wagtail_disclosure_admin:freshness_results"
    export_name = "freshness"
    filter_fields = ("group", "indicator")
    results_template_name = "wagtail_disclosure/reports/freshness_results.html"

    def get_rows(self):
        """Items with content, from the most urgent (outdated, then due) to the current ones."""
        if self.edition is None:
            return []
        rows = [
            {
                "row": row,
                "state": row.freshness.status,
                "label": row.freshness.label,
                "due": row.freshness.next_update,
            }
            for row in readiness(
                self.site,
                self.edition,
                fiscal_year(self.today),
                self.request,
                group=self.params["group"],
                item=self.params["indicator"],
                today=self.today,
            )
            if row.freshness.status != Freshness.MISSING
        ]
        order = {Freshness.OUTDATED: 0, Freshness.DUE: 1, Freshness.CURRENT: 2}
        rows.sort(key=lambda r: (order[r["state"]], r["row"].item.sort_order))
        return rows

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        counts = dict.fromkeys((Freshness.CURRENT, Freshness.DUE, Freshness.OUTDATED), 0)
        for r in context["object_list"]:
            counts[r["state"]] += 1
        context["counts"] = [(Freshness(s).label, s, n) for s, n in counts.items()]
        return context

    def export_headings(self):
        return [
            _g("Code"),
            _g("Item"),
            _g("State"),
            _g("Latest date"),
            _g("Next update due"),
            _g("Work group"),
        ]

    def export_rows(self, rows):
        for r in rows:
            row = r["row"]
            yield [
                row.item.code,
                row.item.name,
                r["label"],
                thai_date(row.latest_date),
                thai_date(r["due"]),
                str(row.group) if row.group else "",
            ]
