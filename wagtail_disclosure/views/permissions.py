"""Who may open each admin screen of the app, as Wagtail permission policies.

A screen's view (``permission_policy`` with ``permission_required`` or ``any_permission_required``)
and its menu item (``menus.PermissionMenuItem``) ask the same policy, so nobody sees a menu entry
that only leads to a refusal, and nobody misses the entry of a screen they may open.

Screens over a model's own permissions use Wagtail's ``ModelPermissionPolicy``; screens whose rule
is about the user (a Django permission that belongs to no model, a group, a role) use
``UserRulePolicy``, which grants every action to the users its rule lets in.
"""

from django.contrib.auth import get_user_model
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model_string
from wagtail.permission_policies import BasePermissionPolicy, ModelPermissionPolicy

from wagtail_disclosure.models import (
    ApprovalDecision,
    CorruptionComplaint,
    DisclosureReports,
    Feedback,
    Person,
    Question,
    SurveyResponse,
)
from wagtail_disclosure.submissions.permissions import can_see_complaints


class UserRulePolicy(BasePermissionPolicy):
    """A policy whose every action is allowed to the users ``rule(user)`` lets in."""

    def __init__(self, model, rule):
        super().__init__(model)
        self.rule = rule

    def user_has_permission(self, user, action):
        return bool(self.rule(user))

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        return users.filter(pk__in=[user.pk for user in users if self.rule(user)])


def may_view_reports(user):
    """The disclosure reports: holders of ``wagtail_disclosure.view_reports`` (supervisors, ...)."""
    return user.is_active and user.has_perm("wagtail_disclosure.view_reports")


def may_request_personal_data(user):
    """A data subject's access request: whoever handles any kind of public submission."""
    return user.is_active and (
        user.has_perm("wagtail_disclosure.view_question")
        or user.has_perm("wagtail_disclosure.moderate_question")
        or user.has_perm("wagtail_disclosure.view_feedback")
        or can_see_complaints(user)
    )


def may_see_submission_figures(user):
    """The O16/O17/O29 figures are counts only (public on the site too): editors, the staff of
    the public submissions and the integrity group."""
    return user.is_active and (
        user.is_superuser or user_has_any_page_permission(user) or may_request_personal_data(user)
    )


def may_see_approval_history(user):
    """Every step of every chain: superusers and the office's people on the chain."""
    return user.is_superuser or Person.objects.filter(user=user, active=True).exists()


reports = UserRulePolicy(DisclosureReports, may_view_reports)
submission_figures = UserRulePolicy(DisclosureReports, may_see_submission_figures)
questions = ModelPermissionPolicy(Question)
complaints = UserRulePolicy(CorruptionComplaint, can_see_complaints)
feedback = ModelPermissionPolicy(Feedback)
survey = ModelPermissionPolicy(SurveyResponse)
personal_data = UserRulePolicy(Person, may_request_personal_data)
approval_history = UserRulePolicy(ApprovalDecision, may_see_approval_history)
# Media lacking rights data: those who may change the library's items (the model permission).
images = ModelPermissionPolicy(get_image_model_string())
documents = ModelPermissionPolicy(get_document_model_string())
