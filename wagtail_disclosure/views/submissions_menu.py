"""Menu items of the channels; each is shown only to those its view would let in."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.permission_policies import ModelPermissionPolicy

from wagtail_disclosure.models import Feedback, Question, SurveyResponse
from wagtail_disclosure.submissions.permissions import can_see_complaints


class CheckedMenuItem(MenuItem):
    def __init__(self, label, url_name, check, **kwargs):
        self.check = check
        super().__init__(label, reverse(f"wagtail_disclosure_channels:{url_name}"), **kwargs)

    def is_shown(self, request):
        return self.check(request.user)


def _has(model, *actions):
    policy = ModelPermissionPolicy(model)
    return lambda user: policy.user_has_any_permission(user, list(actions))


def channel_menu_items():
    from wagtail_disclosure.views.submissions import user_may_request_personal_data

    return [
        CheckedMenuItem(
            _("Questions (Q&A)"),
            "questions",
            _has(Question, "answer", "moderate"),
            name="channel-questions",
            icon_name="help",
            order=100,
        ),
        CheckedMenuItem(
            _("Corruption complaints"),
            "complaints",
            can_see_complaints,
            name="channel-complaints",
            icon_name="warning",
            order=200,
        ),
        CheckedMenuItem(
            _("Feedback"),
            "feedback_list",
            _has(Feedback, "view", "change"),
            name="channel-feedback",
            icon_name="comment",
            order=300,
        ),
        CheckedMenuItem(
            _("Survey responses"),
            "survey",
            _has(SurveyResponse, "view"),
            name="channel-survey",
            icon_name="tasks",
            order=400,
        ),
        CheckedMenuItem(
            _("Personal data requests"),
            "personal_data",
            user_may_request_personal_data,
            name="channel-personal-data",
            icon_name="user",
            order=500,
        ),
    ]


def channels_submenu():
    return SubmenuMenuItem(
        _("Public channels"),
        Menu(items=channel_menu_items()),
        name="public-channels",
        icon_name="mail",
        order=260,
    )


def report_menu_items():
    from wagtail_disclosure.views.submissions import user_may_see_reports as editors

    return [
        CheckedMenuItem(
            _("Service statistics (O16)"),
            "report_o16",
            editors,
            name="report-o16",
            icon_name="table",
            order=810,
        ),
        CheckedMenuItem(
            _("Satisfaction results (O17)"),
            "report_o17",
            editors,
            name="report-o17",
            icon_name="tasks",
            order=811,
        ),
        CheckedMenuItem(
            _("Complaint statistics (O29)"),
            "report_o29",
            editors,
            name="report-o29",
            icon_name="warning",
            order=812,
        ),
    ]
