"""OIT readiness: per catalogue item, whether the site's live content answers it this fiscal year."""

from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.reports import charts
from wagtail_disclosure.reports.readiness import Status, readiness, summarise
from wagtail_disclosure.views.reports.base import ComputedReportView, thai_date


class OITReadinessView(ComputedReportView):
    page_title = _("OIT readiness")
    header_icon = "tasks"
    index_url_name = "wagtail_disclosure_admin:oit_readiness"
    index_results_url_name = "wagtail_disclosure_admin:oit_readiness_results"
    export_name = "oit-readiness"
    filter_fields = ("fiscal_year", "group", "indicator")
    results_template_name = "wagtail_disclosure/reports/oit_readiness_results.html"

    def get_rows(self):
        if self.edition is None:
            return []
        p = self.params
        return readiness(
            self.site,
            self.edition,
            p["fiscal_year"],
            self.request,
            group=p["group"],
            item=p["indicator"],
            today=self.today,
        )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        sections, indicators, overall = summarise(context["object_list"])
        context.update(
            edition=self.edition,
            sections=sections,
            indicators=indicators,
            overall=overall,
            statuses=Status,
            chart=charts.horizontal_bars(
                [(t.label, t.percent) for t in sections],
                _g("Complete items per section (%)"),
                maximum=100,
                suffix="%",
            ),
        )
        return context

    def export_headings(self):
        return [
            _g("Code"),
            _g("Item"),
            _g("Section"),
            _g("Status"),
            _g("Reason"),
            _g("Work group"),
            _g("Latest date"),
            _g("Public URLs"),
        ]

    def export_rows(self, rows):
        for row in rows:
            yield [
                row.item.code,
                row.item.name,
                f"{row.item.section.code} {row.item.section.name}",
                row.status_label,
                row.reason,
                str(row.group) if row.group else "",
                thai_date(row.latest_date),
                row.urls,
            ]
