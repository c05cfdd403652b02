"""Satisfaction survey responses (O17): every answer, to filter and export."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn

from wagtail_disclosure.models import SurveyResponse
from wagtail_disclosure.views import permissions
from wagtail_disclosure.views.submissions.listing import SubmissionListView, fiscal_year_filter


class SurveyFilterSet(WagtailFilterSet):
    fiscal_year = fiscal_year_filter(SurveyResponse)

    class Meta:
        model = SurveyResponse
        fields = ["fiscal_year"]


class SurveyListView(SubmissionListView):
    model = SurveyResponse
    permission_policy = permissions.survey
    permission_required = "view"
    page_title = _("Satisfaction survey responses (O17)")
    header_icon = "tasks"
    index_url_name = "wagtail_disclosure_admin:survey"
    index_results_url_name = "wagtail_disclosure_admin:survey_results"
    filterset_class = SurveyFilterSet
    search_fields = ["service", "comment"]
    columns = [
        Column("service", label=_("Service")),
        Column("overall", label=_("Overall")),
        Column("comment", label=_("Comment")),
        DateColumn("received_at", label=pgettext_lazy("date", "Received")),
    ]
    list_export = [
        "received_at",
        "fiscal_year",
        "service",
        "get_respondent_display",
        *SurveyResponse.ASPECTS,
        "comment",
    ]
    export_headings = {"get_respondent_display": _("Respondent")}
    export_filename = "survey-responses"
