"""What the O16, O17 and O29 reports share: figures from ``models.submission_stats`` for one fiscal year
(``?year=``), open to editors, the staff of the public submissions and the integrity group
(``permissions.submission_figures``): they are counts only, public on the site too."""

from wagtail.admin.views.reports import ReportView

from wagtail_disclosure.exports import ThaiSpreadsheetMixin
from wagtail_disclosure.models import CorruptionComplaint, Feedback, Question, SurveyResponse
from wagtail_disclosure.models import submission_stats as stats
from wagtail_disclosure.views import permissions
from wagtail_disclosure.views.mixins import CurrentSiteMixin


class SubmissionFiguresView(CurrentSiteMixin, ThaiSpreadsheetMixin, ReportView):
    permission_policy = permissions.submission_figures
    permission_required = "view"
    results_template_name = "wagtail_disclosure/reports/submission_figures_results.html"
    paginate_by = None
    model = None

    @property
    def year(self):
        return stats.requested_year(self.request)

    def get_filename(self):
        return f"{self.export_filename}-{self.year}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            year=self.year,
            years=stats.available_years(
                self.site, CorruptionComplaint, Question, Feedback, SurveyResponse
            ),
        )
        return context
