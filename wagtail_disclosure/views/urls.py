"""The app's hand-written admin URLs: one module, one namespace ``wagtail_disclosure_admin``,
mounted by ``wagtail_hooks`` at /admin/disclosure/.

The viewsets and modeladmin screens sit beside these under /admin/disclosure/<name>/ (namespaces
``wagtail_disclosure_admin_<name>``); no prefix below may be one of theirs.
"""

from django.urls import path

from wagtail_disclosure.views import (
    appointments,
    approval,
    approval_chain,
    compliance,
    offices,
    rollover,
)
from wagtail_disclosure.views.reports import (
    agency,
    annual,
    complaint_statistics,
    followup,
    freshness,
    itas,
    media_rights,
    operating_calendar,
    readiness,
    satisfaction,
    service_statistics,
    tracking_forms,
    turnaround,
    web_officers,
)
from wagtail_disclosure.views.submissions import (
    complaints,
    feedback,
    personal_data,
    questions,
    survey,
)

app_name = "wagtail_disclosure_admin"


def _listing(route, view, name):
    """A list or report and its results-only twin, which Wagtail's filters refresh."""
    return [
        path(route, view.as_view(), name=name),
        path(f"{route}results/", view.as_view(results_only=True), name=f"{name}_results"),
    ]


urlpatterns = [
    # The office a person of several offices acts for
    path("office/", offices.switch_office, name="office_switch"),
    # Reports (Reports menu)
    *_listing("reports/oit-readiness/", readiness.OITReadinessView, "oit_readiness"),
    *_listing("reports/itas/", itas.ITASExportView, "itas"),
    *_listing("reports/follow-up/", followup.FollowUpView, "follow_up"),
    *_listing("reports/tracking-forms/", tracking_forms.TrackingFormsView, "tracking_forms"),
    path(
        "reports/tracking-forms/<int:pk>/print/",
        tracking_forms.TrackingFormPrintView.as_view(),
        name="tracking_form_print",
    ),
    *_listing("reports/workflow-turnaround/", turnaround.TurnaroundView, "turnaround"),
    *_listing("reports/freshness/", freshness.FreshnessView, "freshness"),
    *_listing("reports/operating-calendar/", operating_calendar.CalendarView, "calendar"),
    path("reports/annual-report/", annual.AnnualReportView.as_view(), name="annual_report"),
    *_listing(
        "reports/service-statistics/",
        service_statistics.ServiceStatisticsView,
        "service_statistics",
    ),
    *_listing("reports/satisfaction/", satisfaction.SatisfactionView, "satisfaction"),
    *_listing(
        "reports/complaint-statistics/",
        complaint_statistics.ComplaintStatisticsView,
        "complaint_statistics",
    ),
    *_listing(
        "reports/images-lacking-rights/",
        media_rights.ImagesLackingRightsView,
        "images_lacking_rights",
    ),
    *_listing(
        "reports/documents-lacking-rights/",
        media_rights.DocumentsLackingRightsView,
        "documents_lacking_rights",
    ),
    *_listing("reports/web-officers/", web_officers.WebOfficersView, "web_officers"),
    path(
        "print/appointment-order/<int:pk>/",
        appointments.AppointmentOrderPrintView.as_view(),
        name="appointment_order_print",
    ),
    # The supervising agency's view
    *_listing("reports/agency/", agency.AgencyReadinessView, "agency"),
    *_listing("reports/agency/<int:site_id>/", agency.AgencyOfficeReadinessView, "agency_office"),
    # Public submissions
    *_listing("submissions/questions/", questions.QuestionListView, "questions"),
    path(
        "submissions/questions/<int:pk>/",
        questions.QuestionDetailView.as_view(),
        name="question",
    ),
    *_listing("submissions/complaints/", complaints.ComplaintListView, "complaints"),
    path(
        "submissions/complaints/<int:pk>/",
        complaints.ComplaintDetailView.as_view(),
        name="complaint",
    ),
    path(
        "submissions/complaints/<int:pk>/evidence/<int:evidence_pk>/",
        complaints.ComplaintEvidenceView.as_view(),
        name="complaint_evidence",
    ),
    *_listing("submissions/feedback/", feedback.FeedbackListView, "feedback_list"),
    path(
        "submissions/feedback/<int:pk>/",
        feedback.FeedbackDetailView.as_view(),
        name="feedback",
    ),
    *_listing("submissions/survey/", survey.SurveyListView, "survey"),
    path(
        "submissions/personal-data/",
        personal_data.PersonalDataView.as_view(),
        name="personal_data",
    ),
    # Next year's edition
    path("catalogue/rollover/", rollover.RolloverView.as_view(), name="rollover"),
    # Compliance checks
    path(
        "compliance/<int:page_id>/override/<str:key>/",
        compliance.override_view,
        name="compliance_override",
    ),
    # Approval chain
    path("approval/chain/", approval_chain.chain_index, name="approval_chain"),
    path(
        "approval/chain/<int:pk>/confirm/",
        approval_chain.chain_confirm,
        name="approval_chain_confirm",
    ),
    path("approval/history/", approval.history, name="approval_history"),
    path("approval/memo/<int:revision_id>/", approval.memo_pdf, name="memo_pdf"),
    path(
        "approval/request/<int:page_id>/",
        approval.request_publication,
        name="request_publication",
    ),
    path("approval/review/<int:task_state_id>/", approval.review_task, name="review_task"),
    path("approval/withdraw/<int:page_id>/", approval.withdraw_request, name="withdraw_request"),
    path("approval/decision/<int:pk>/", approval.decision_notice, name="approval_decision"),
    path(
        "approval/emergency/<int:page_id>/",
        approval.emergency_publish,
        name="emergency_publish",
    ),
    path(
        "approval/emergency/review/<int:pk>/",
        approval.emergency_review,
        name="emergency_review",
    ),
]
