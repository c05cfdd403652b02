"""Freshness: the catalogue items whose content is overdue or due for an update, oldest first."""

from django.utils import timezone
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.reports.readiness import Freshness, freshness, readiness
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
        if self.edition is None:
            return []
        today = timezone.localdate()
        rows = []
        for row in readiness(
            self.site,
            self.edition,
            fiscal_year(today),
            self.request,
            group=self.params["group"],
            item=self.params["indicator"],
        ):
            state, due = freshness(row.item, row.pages, today)
            if state is None:
                continue
            rows.append({"row": row, "state": state, "label": Freshness(state).label, "due": due})
        order = {Freshness.OVERDUE: 0, Freshness.DUE: 1, Freshness.FRESH: 2}
        rows.sort(key=lambda r: (order[r["state"]], r["row"].item.sort_order))
        return rows

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        counts = dict.fromkeys(Freshness, 0)
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
