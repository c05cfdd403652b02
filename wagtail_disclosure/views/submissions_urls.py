"""Admin URLs of the channels, mounted by ``wagtail_hooks`` under /admin/disclosure-channels/."""

from django.urls import path

from wagtail_disclosure.views import submissions as v

app_name = "wagtail_disclosure_channels"


def _listing(prefix, view, name):
    return [
        path(f"{prefix}/", view.as_view(), name=name),
        path(f"{prefix}/results/", view.as_view(results_only=True), name=f"{name}_results"),
    ]


urlpatterns = [
    *_listing("questions", v.QuestionListView, "questions"),
    path("questions/<int:pk>/", v.QuestionDetailView.as_view(), name="question"),
    *_listing("complaints", v.ComplaintListView, "complaints"),
    path("complaints/<int:pk>/", v.ComplaintDetailView.as_view(), name="complaint"),
    path(
        "complaints/<int:pk>/evidence/<int:evidence_pk>/",
        v.complaint_evidence,
        name="complaint_evidence",
    ),
    *_listing("feedback", v.FeedbackListView, "feedback_list"),
    path("feedback/<int:pk>/", v.FeedbackDetailView.as_view(), name="feedback"),
    *_listing("survey", v.SurveyListView, "survey"),
    path("personal-data/", v.PersonalDataView.as_view(), name="personal_data"),
    *_listing("reports/o29", v.ComplaintStatsReportView, "report_o29"),
    *_listing("reports/o16", v.ServiceStatsReportView, "report_o16"),
    *_listing("reports/o17", v.SatisfactionReportView, "report_o17"),
]
