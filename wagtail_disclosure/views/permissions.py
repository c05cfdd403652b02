"""Who may open each admin screen of the app, as Wagtail permission policies, per office.

A screen's view (``permission_policy`` with ``permission_required`` or ``any_permission_required``)
and its menu item (``menus.PermissionMenuItem``) ask the same policy, so nobody sees a menu entry
that only leads to a refusal, and nobody misses the entry of a screen they may open.

Every policy here is about the office the user acts for (``models.offices.acting_office``): a view
binds its policy to the request (``OfficeBoundMixin``, ``for_request``), and the same role or model
permission in another office gives nothing. Unbound (no request), a policy answers for any office
of the user's, which is what a menu or a notification without a request needs.

Screens over a model's own permissions use ``OfficeModelPolicy`` (the model permission, in an
office the user acts for); screens whose rule is about the user in an office (a Django permission
that belongs to no model, a role) use ``OfficeRulePolicy``.
"""

from django.contrib.auth import get_user_model
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model_string
from wagtail.permission_policies import BasePermissionPolicy, ModelPermissionPolicy

from wagtail_disclosure.models import (
    Agency,
    AppointmentOrder,
    ApprovalChain,
    ApprovalDecision,
    CatalogueEdition,
    CorruptionComplaint,
    DisclosureReports,
    Feedback,
    Person,
    Question,
    SurveyResponse,
)
from wagtail_disclosure.models.offices import (
    acting_office,
    acts_for,
    has_role,
    is_person_of,
    listed_offices,
    remembered,
)
from wagtail_disclosure.submissions.permissions import can_see_complaints

ANY_OFFICE = object()


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


class OfficeRulePolicy(UserRulePolicy):
    """Every action allowed to the users ``rule(user, site)`` lets in for the office they act for."""

    def __init__(self, model, rule, office=ANY_OFFICE):
        self.office_rule = rule
        self.office = office
        super().__init__(model, self._allowed)

    def _allowed(self, user):
        if self.office is ANY_OFFICE:
            return any(self.office_rule(user, site) for site in listed_offices(user))
        return bool(self.office_rule(user, self.office))

    def for_office(self, site):
        return type(self)(self.model, self.office_rule, site)

    def for_request(self, request):
        return self.for_office(acting_office(request))


class OfficeModelPolicy(ModelPermissionPolicy):
    """The model's own permissions, in an office the user acts for."""

    def __init__(self, model, office=ANY_OFFICE, **kwargs):
        super().__init__(model, **kwargs)
        self.office = office

    def _in_office(self, user):
        if self.office is ANY_OFFICE:
            return bool(listed_offices(user))
        return acts_for(user, self.office)

    def user_has_permission(self, user, action):
        return super().user_has_permission(user, action) and self._in_office(user)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, actions) and self._in_office(user)

    def for_office(self, site):
        return type(self)(self.model, site)

    def for_request(self, request):
        return self.for_office(acting_office(request))


def bind(policy, request):
    """``policy`` for the office ``request``'s user acts for (as is, if it is not per office)."""
    return policy.for_request(request) if hasattr(policy, "for_request") else policy


class OfficeBoundMixin:
    """Binds the view's ``permission_policy`` to the office the user acts for, before any check."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        policy = getattr(type(self), "permission_policy", None)
        if policy is not None:
            self.permission_policy = bind(policy, request)


def may_view_reports(user, site):
    """The disclosure reports: holders of ``wagtail_disclosure.view_reports`` (supervisors, ...)."""
    return (
        user.is_active and user.has_perm("wagtail_disclosure.view_reports") and acts_for(user, site)
    )


def may_request_personal_data(user, site):
    """A data subject's access request: whoever handles any kind of public submission there."""
    if not user.is_active:
        return False
    return can_see_complaints(user, site) or (
        acts_for(user, site)
        and (
            user.has_perm("wagtail_disclosure.view_question")
            or user.has_perm("wagtail_disclosure.moderate_question")
            or user.has_perm("wagtail_disclosure.view_feedback")
        )
    )


def may_see_submission_figures(user, site):
    """The O16/O17/O29 figures are counts only (public on the site too): editors, the staff of
    the public submissions and the integrity group."""
    return user.is_active and (
        (acts_for(user, site) and (user.is_superuser or user_has_any_page_permission(user)))
        or may_request_personal_data(user, site)
    )


def may_see_approval_history(user, site):
    """Every step of every chain of the office: superusers and the office's people on the chain."""
    if site is None:
        return False
    return user.is_superuser or is_person_of(user, site)


def may_see_approval_chain(user, site):
    """The office's chain: its people (they are its steps), and those who may propose one."""
    if site is None or not user.is_active:
        return False
    return may_see_approval_history(user, site) or (
        user.has_perm("wagtail_disclosure.add_approvalchain") and acts_for(user, site)
    )


def may_view_agency(user):
    """The supervising agency's view: members of an agency (a level above the offices)."""
    return user.is_active and remembered(
        user, "agency_member", lambda: Agency.objects.filter(members=user).exists()
    )


reports = OfficeRulePolicy(DisclosureReports, may_view_reports)
submission_figures = OfficeRulePolicy(DisclosureReports, may_see_submission_figures)
questions = OfficeModelPolicy(Question)
complaints = OfficeRulePolicy(CorruptionComplaint, can_see_complaints)
feedback = OfficeModelPolicy(Feedback)
survey = OfficeModelPolicy(SurveyResponse)
personal_data = OfficeRulePolicy(Person, may_request_personal_data)
approval_history = OfficeRulePolicy(ApprovalDecision, may_see_approval_history)
approval_chain = OfficeRulePolicy(ApprovalChain, may_see_approval_chain)
agency = UserRulePolicy(Agency, may_view_agency)
# Media lacking rights data: those who may change the library's items (the model permission).
images = ModelPermissionPolicy(get_image_model_string())
documents = ModelPermissionPolicy(get_document_model_string())


def may_roll_over(user, site):
    """Moving the office to next year's edition: its supervisors (the role, with the
    ``rollover_catalogueedition`` permission their group holds) and superusers acting for it."""
    if site is None or not user.is_active or not acts_for(user, site):
        return False
    if user.is_superuser:
        return True
    return user.has_perm("wagtail_disclosure.rollover_catalogueedition") and has_role(
        user, site, [Person.Role.SUPERVISOR]
    )


rollover = OfficeRulePolicy(CatalogueEdition, may_roll_over)
appointment_orders = OfficeModelPolicy(AppointmentOrder)
