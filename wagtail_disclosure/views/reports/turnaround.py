"""Workflow turnaround: how long the approval chain took per work group, submitted to decided."""

from django.utils.functional import cached_property
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.reports.turnaround import turnaround
from wagtail_disclosure.views.reports.base import ComputedReportView


class TurnaroundView(ComputedReportView):
    page_title = _("Workflow turnaround")
    header_icon = "time"
    index_url_name = "wagtail_disclosure_admin:turnaround"
    index_results_url_name = "wagtail_disclosure_admin:turnaround_results"
    export_name = "workflow-turnaround"
    filter_fields = ("fiscal_year", "round", "quarter", "group")
    results_template_name = "wagtail_disclosure/reports/turnaround_results.html"

    @cached_property
    def result(self):
        return turnaround(self.site, self.period, self.params["group"])

    def get_rows(self):
        return self.result.groups

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["result"] = self.result
        return context

    def export_headings(self):
        return [
            _g("Work group"),
            _g("Submitted"),
            _g("Published"),
            _g("Refused"),
            _g("Pending"),
            _g("Average days"),
            _g("Median days"),
            _g("Longest (days)"),
        ]

    def export_rows(self, rows):
        for row in rows:
            yield [
                str(row.group) if row.group else _g("No work group"),
                row.submitted,
                row.published,
                row.refused,
                row.pending,
                row.average_days,
                row.median_days,
                row.max_days,
            ]
