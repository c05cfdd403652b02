"""Corruption complaint statistics (O29): complaints of the year by type and status, counts only."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from wagtail_disclosure.models import CorruptionComplaint
from wagtail_disclosure.models import submission_stats as stats
from wagtail_disclosure.views.reports.figures import SubmissionFiguresView


class ComplaintStatisticsView(SubmissionFiguresView):
    page_title = _("Corruption complaint statistics (O29)")
    header_icon = "warning"
    index_url_name = "wagtail_disclosure_admin:complaint_statistics"
    index_results_url_name = "wagtail_disclosure_admin:complaint_statistics_results"
    export_filename = "o29-complaint-statistics"
    list_export = ["label", "received", "investigating", "concluded", "total"]

    @property
    def columns(self):
        return [
            Column("label", label=_("Type")),
            Column("received", label=CorruptionComplaint.Status.RECEIVED.label),
            Column("investigating", label=CorruptionComplaint.Status.INVESTIGATING.label),
            Column("concluded", label=CorruptionComplaint.Status.CONCLUDED.label),
            Column("total", label=_("Total")),
        ]

    @property
    def export_headings(self):
        return {c.name: c.label for c in self.columns}

    def get_queryset(self):
        figures = stats.complaint_figures(self.site, self.year)
        statuses = [s for s, _l in CorruptionComplaint.Status.choices]
        rows = [
            dict(zip(statuses, row["cells"], strict=True), label=row["label"], total=row["total"])
            for row in figures["by_type"]
        ]
        totals = {s["code"]: s["count"] for s in figures["by_status"]}
        rows.append(dict(totals, label=_("Total"), total=figures["total"]))
        return rows
