"""The app's admin menu items: one class, shown only to the users its screen lets in.

Every menu item of the app is a ``PermissionMenuItem`` asking the permission policy its screen's
view asks (``views.permissions``), so the menu and the screen cannot disagree. ``for_screen``
builds one from the view itself: its title, icon, URL and policy. Viewsets and modeladmin screens
build theirs the same way (``viewsets.DisclosureViewSet``, ``modeladmin.DisclosureModelAdmin``).

The app's two submenus collect their items through hooks, as the Reports menu does:
``DISCLOSURE_MENU_HOOK`` (the Disclosure menu of ``viewsets``: catalogue, organisation, compliance
runs) and ``SUBMISSIONS_MENU_HOOK`` (the public submissions).
"""

from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from wagtail_disclosure.compat import permission_policy_for
from wagtail_disclosure.models import Agency
from wagtail_disclosure.views import permissions
from wagtail_disclosure.views.reports.agency import AgencyReadinessView
from wagtail_disclosure.views.reports.annual import AnnualReportView
from wagtail_disclosure.views.reports.complaint_statistics import ComplaintStatisticsView
from wagtail_disclosure.views.reports.followup import FollowUpView
from wagtail_disclosure.views.reports.freshness import FreshnessView
from wagtail_disclosure.views.reports.itas import ITASExportView
from wagtail_disclosure.views.reports.media_rights import (
    DocumentsLackingRightsView,
    ImagesLackingRightsView,
)
from wagtail_disclosure.views.reports.operating_calendar import CalendarView
from wagtail_disclosure.views.reports.readiness import OITReadinessView
from wagtail_disclosure.views.reports.satisfaction import SatisfactionView
from wagtail_disclosure.views.reports.service_statistics import ServiceStatisticsView
from wagtail_disclosure.views.reports.tracking_forms import TrackingFormsView
from wagtail_disclosure.views.reports.turnaround import TurnaroundView
from wagtail_disclosure.views.reports.web_officers import WebOfficersView
from wagtail_disclosure.views.rollover import RolloverView
from wagtail_disclosure.views.submissions.complaints import ComplaintListView
from wagtail_disclosure.views.submissions.feedback import FeedbackListView
from wagtail_disclosure.views.submissions.personal_data import PersonalDataView
from wagtail_disclosure.views.submissions.questions import QuestionListView
from wagtail_disclosure.views.submissions.survey import SurveyListView

DISCLOSURE_MENU_HOOK = "register_disclosure_menu_item"
SUBMISSIONS_MENU_HOOK = "register_disclosure_submissions_menu_item"


class PermissionMenuItem(MenuItem):
    """A menu item shown to the users ``policy`` grants any of ``actions``."""

    def __init__(self, label, url, *, policy, actions=("view",), **kwargs):
        super().__init__(label, url, **kwargs)
        self.policy = policy
        self.actions = list(actions)

    def is_shown(self, request):
        # Wagtail asks every item twice per page, and many share a policy (every report asks
        # ``permissions.reports``): each question is answered once per request.
        answers = request.__dict__.setdefault("_wd_menu_answers", {})
        key = (self.policy, tuple(self.actions))
        if key not in answers:
            policy = permissions.bind(self.policy, request)  # for the office the user acts for
            answers[key] = policy.user_has_any_permission(request.user, self.actions)
        return answers[key]


def for_screen(view, *, order, label=None, icon=None, url_name=None):
    """The menu item of an admin screen: the view's title, icon, URL and permission policy."""
    url_name = url_name or view.index_url_name
    return PermissionMenuItem(
        label or view.page_title,
        reverse(url_name),
        policy=view.permission_policy,
        actions=view.any_permission_required or [view.permission_required],
        name="disclosure-" + url_name.partition(":")[2].replace("_", "-"),
        icon_name=icon or view.header_icon,
        order=order,
    )


# --- admin menu -------------------------------------------------------------------------------


def submissions_menu():
    return SubmenuMenuItem(
        _("Public submissions"),
        Menu(register_hook_name=SUBMISSIONS_MENU_HOOK),
        name="disclosure-submissions",
        icon_name="mail",
        order=260,
    )


def questions():
    return for_screen(QuestionListView, order=100)


def complaints():
    return for_screen(ComplaintListView, order=200)


def feedback():
    return for_screen(FeedbackListView, label=_("Feedback"), order=300)


def survey():
    return for_screen(SurveyListView, label=_("Survey responses"), order=400)


def personal_data():
    return for_screen(
        PersonalDataView,
        label=_("Personal data requests"),
        url_name="wagtail_disclosure_admin:personal_data",
        order=500,
    )


# --- Disclosure menu --------------------------------------------------------------------------


def approval_chain():
    return PermissionMenuItem(
        _("Approval chain"),
        reverse("wagtail_disclosure_admin:approval_chain"),
        policy=permissions.approval_chain,
        name="disclosure-approval-chain",
        icon_name="tasks",
        order=5,
    )


def rollover():
    return PermissionMenuItem(
        RolloverView.page_title,
        reverse(RolloverView.index_url_name),
        policy=RolloverView.permission_policy,
        actions=[RolloverView.permission_required],
        name="disclosure-rollover",
        icon_name=RolloverView.header_icon,
        order=6,
    )


# --- Reports menu -----------------------------------------------------------------------------


def approval_history():
    return PermissionMenuItem(
        _("Approval chain history"),
        reverse("wagtail_disclosure_admin:approval_history"),
        policy=permissions.approval_history,
        name="disclosure-approval-history",
        icon_name="tasks",
        order=700,
    )


def images_lacking_rights():
    return for_screen(ImagesLackingRightsView, icon="image", order=710)


def documents_lacking_rights():
    return for_screen(DocumentsLackingRightsView, icon="doc-full", order=711)


def service_statistics():
    return for_screen(ServiceStatisticsView, order=810)


def satisfaction():
    return for_screen(SatisfactionView, label=_("Satisfaction results (O17)"), order=811)


def complaint_statistics():
    return for_screen(ComplaintStatisticsView, label=_("Complaint statistics (O29)"), order=812)


def oit_readiness():
    return for_screen(OITReadinessView, order=1000)


def itas():
    return for_screen(ITASExportView, order=1001)


def follow_up():
    return for_screen(FollowUpView, order=1002)


def tracking_forms():
    return for_screen(TrackingFormsView, order=1003)


def turnaround():
    return for_screen(TurnaroundView, order=1004)


def freshness():
    return for_screen(FreshnessView, order=1005)


def operating_calendar():
    return for_screen(CalendarView, order=1006)


def annual_report():
    return for_screen(
        AnnualReportView, url_name="wagtail_disclosure_admin:annual_report", order=1007
    )


def web_officers():
    return for_screen(WebOfficersView, order=1008)


def agency():
    return for_screen(AgencyReadinessView, order=990)


# --- Settings menu ----------------------------------------------------------------------------


def agencies():
    """The supervising agencies, beside Wagtail's sites and locales: for those who may manage them
    (the Agency model's permissions, as the viewset's screens ask)."""
    return PermissionMenuItem(
        capfirst(Agency._meta.verbose_name_plural),
        reverse("wagtail_disclosure_admin_agencies:index"),
        policy=permission_policy_for(Agency),
        actions=("add", "change", "delete"),
        name="disclosure-agencies",
        icon_name="site",
        order=604,
    )
