"""Service statistics (O16): per kind of public submission, what came in and what was handled."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.ui.tables import Column

from wagtail_disclosure.models import submission_stats as stats
from wagtail_disclosure.views.reports.figures import SubmissionFiguresView


class ServiceStatisticsView(SubmissionFiguresView):
    page_title = _("Service statistics (O16)")
    header_icon = "table"
    index_url_name = "wagtail_disclosure_admin:service_statistics"
    index_results_url_name = "wagtail_disclosure_admin:service_statistics_results"
    export_filename = "o16-service-statistics"
    list_export = ["label", "received", "handled", "handled_pct"]
    columns = [
        Column("label", label=_("Channel")),
        Column("received", label=pgettext_lazy("count", "Received")),
        Column("handled", label=_("Answered or concluded")),
        Column("handled_pct", label=_("Handled (%)")),
    ]
    export_headings = {c.name: c.label for c in columns}

    def get_queryset(self):
        return stats.service_figures(self.site, self.year)["forms"]
