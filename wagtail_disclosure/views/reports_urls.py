"""Admin URLs of the reports, under /admin/reports/, namespace ``wagtail_disclosure_reports``."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.views import reports as views

app_name = "wagtail_disclosure_reports"


def _report(slug, view, name):
    return [
        path(f"{slug}/", view.as_view(), name=name),
        path(f"{slug}/results/", view.as_view(results_only=True), name=f"{name}_results"),
    ]


urlpatterns = [
    *_report("oit-readiness", views.OITReadinessView, "oit_readiness"),
    *_report("itas", views.ITASExportView, "itas"),
    *_report("follow-up", views.FollowUpView, "follow_up"),
    *_report("tracking-forms", views.TrackingFormsView, "tracking_forms"),
    *_report("workflow-turnaround", views.TurnaroundView, "turnaround"),
    *_report("freshness", views.FreshnessView, "freshness"),
    *_report("operating-calendar", views.CalendarView, "calendar"),
    path(
        "tracking-forms/<int:pk>/print/",
        views.TrackingFormPrintView.as_view(),
        name="tracking_form_print",
    ),
    path("annual-report/", views.AnnualReportView.as_view(), name="annual_report"),
]

# (menu label, URL name, icon) in the Reports menu, in this order.
MENU = [
    (_("OIT readiness"), "oit_readiness", "tasks"),
    (_("ITAS export"), "itas", "download"),
    (_("Publication follow-up"), "follow_up", "date"),
    (_("Tracking forms"), "tracking_forms", "form"),
    (_("Workflow turnaround"), "turnaround", "time"),
    (_("Freshness"), "freshness", "history"),
    (_("Operating calendar"), "calendar", "calendar"),
    (_("Annual OIT report"), "annual_report", "doc-full"),
]
