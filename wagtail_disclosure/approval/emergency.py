"""Emergency publication: the one sanctioned way to put approval-required content online before
its approval, by a configured role (``EMERGENCY_PUBLISH_ROLES``), with a reason, flagged for
someone else (``EMERGENCY_REVIEW_ROLES``) to confirm or take offline afterwards.

The emergency stands in for the approval, never for the compliance checks: the publication policy
(``Publication(..., emergency=True)``) still refuses content with a blocking finding.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log

from wagtail_disclosure import conf
from wagtail_disclosure.approval.policy import Publication
from wagtail_disclosure.models import ApprovalDecision, EmergencyPublication, Person, approvers
from wagtail_disclosure.sites import site_of_page


def _has_role(user, page, setting):
    roles = [Person.Role(r) for r in conf.get(setting)]
    return approvers.person_of(user, site_of_page(page), roles=roles) is not None


def may_publish_in_emergency(user, page):
    if user is None or not user.is_authenticated:
        return False
    return _has_role(user, page, "EMERGENCY_PUBLISH_ROLES")


def may_review_emergency(user, emergency):
    if user is None or not user.is_authenticated:
        return False
    if not approvers.may_review_emergency(user, emergency):
        return False
    return _has_role(user, emergency.page.specific, "EMERGENCY_REVIEW_ROLES")


@transaction.atomic
def emergency_publish(page, user, reason):
    """Publish the latest revision now, flagged, for someone else to review afterwards."""
    page = page.specific
    reason = (reason or "").strip()
    if not may_publish_in_emergency(user, page):
        raise PermissionDenied(gettext("Your role may not publish in an emergency."))
    if not reason:
        raise PermissionDenied(gettext("An emergency publication needs a reason."))
    revision = page.get_latest_revision() or page.save_revision(user=user)
    Publication.of(revision, user, emergency=True, record=True).check()
    emergency = EmergencyPublication.objects.create(
        page=page, revision=revision, published_by=user, reason=reason
    )
    ApprovalDecision.objects.create(
        page=page,
        revision=revision,
        step=ApprovalDecision.Step.EMERGENCY,
        decision=ApprovalDecision.Decision.PUBLISHED,
        reason=reason,
        user=user,
        acting_as=approvers.person_of(user, site_of_page(page)),
    )
    log(
        instance=page,
        action="wagtail_disclosure.emergency.publish",
        user=user,
        revision=revision,
        data={"reason": reason, "emergency_id": emergency.pk},
    )
    revision.publish(user=user, skip_permission_checks=True)
    return emergency


@transaction.atomic
def review_emergency(emergency, user, confirmed, reason):
    """Someone other than the publisher confirms the emergency publication, or takes it offline."""
    reason = (reason or "").strip()
    if emergency.reviewed_at is not None:
        raise PermissionDenied(gettext("This emergency publication was already reviewed."))
    if not may_review_emergency(user, emergency):
        raise PermissionDenied(
            gettext("Someone other than the publisher, with a reviewing role, must review it.")
        )
    if not reason:
        raise PermissionDenied(gettext("A review needs a reason."))
    page = emergency.page.specific_class.objects.get(pk=emergency.page_id)
    emergency.reviewed_by = user
    emergency.reviewed_at = timezone.now()
    emergency.review_confirmed = bool(confirmed)
    emergency.review_reason = reason
    emergency.save()
    ApprovalDecision.objects.create(
        page=page,
        revision=emergency.revision,
        step=ApprovalDecision.Step.EMERGENCY_REVIEW,
        decision=ApprovalDecision.Decision.ALLOWED
        if confirmed
        else ApprovalDecision.Decision.REFUSED,
        reason=reason,
        user=user,
        acting_as=approvers.person_of(user, site_of_page(page)),
    )
    log(
        instance=page,
        action="wagtail_disclosure.emergency.review",
        user=user,
        revision=emergency.revision,
        data={"confirmed": bool(confirmed), "reason": reason, "emergency_id": emergency.pk},
    )
    if not confirmed and page.live and page.live_revision_id == emergency.revision_id:
        # The reviewer's role decides here, not a Wagtail unpublish permission they need not hold.
        UnpublishPageAction(page, user=user).execute(skip_permission_checks=True)
    return emergency
