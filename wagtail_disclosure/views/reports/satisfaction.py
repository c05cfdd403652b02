"""Satisfaction survey results (O17): the mean score and the share satisfied, per aspect."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from wagtail_disclosure.models import submission_stats as stats
from wagtail_disclosure.views.reports.figures import SubmissionFiguresView


class SatisfactionView(SubmissionFiguresView):
    page_title = _("Satisfaction survey results (O17)")
    header_icon = "tasks"
    index_url_name = "wagtail_disclosure_admin:satisfaction"
    index_results_url_name = "wagtail_disclosure_admin:satisfaction_results"
    export_filename = "o17-satisfaction"
    list_export = ["label", "mean", "satisfied_pct"]
    columns = [
        Column("label", label=_("Aspect")),
        Column("mean", label=_("Mean score (1–5)")),
        Column("satisfied_pct", label=_("Satisfied (%)")),
    ]
    export_headings = {c.name: c.label for c in columns}

    def get_queryset(self):
        self.figures = stats.satisfaction_figures(self.site, self.year)
        return self.figures["aspects"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["satisfaction"] = getattr(self, "figures", None)
        return context
