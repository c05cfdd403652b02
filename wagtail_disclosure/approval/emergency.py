"""What happens at the end of the chain, and the one sanctioned way around it (emergencies).

Set ``WAGTAIL_FINISH_WORKFLOW_ACTION = "wagtail_disclosure.approval.emergency.publish_workflow_state"``:
Wagtail's default publishes with the last approver's permissions, and on approval-required
sections nobody on the chain holds publish permission.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from wagtail_disclosure import conf

# Wagtail imports this module while ``wagtail.models`` loads (WAGTAIL_FINISH_WORKFLOW_ACTION), so
# everything that needs Wagtail's models is imported inside the functions.


def _blocking(page, user, record):
    from wagtail_disclosure.compliance.engine import run_checks

    return run_checks(page, "publish", user=user, record=record).blocking


def publish_workflow_state(workflow_state, user=None):
    """Finish action: publish the revision the chain approved, without direct publish rights.

    An office that wants the publisher to put content online adds the publisher step as the last
    task; without it, the chain publishes when the director's order is given.

    The guard re-checks that every step approved this revision; the memo PDF is then frozen as
    evidence of the approval.
    """
    from wagtail_disclosure.approval.guard import PublicationRefused
    from wagtail_disclosure.approval.memo import store_memo_pdf

    page = workflow_state.content_object.specific
    revision = workflow_state.current_task_state.revision
    problems = _blocking(page, user, record=False)
    if problems:
        raise PublicationRefused(page, [p.message for p in problems])
    revision.publish(user=user, skip_permission_checks=True)
    store_memo_pdf(workflow_state, revision)


def may_publish_in_emergency(user, page):
    from wagtail_disclosure.models import Person
    from wagtail_disclosure.models import approvers as people

    if user is None or not user.is_authenticated:
        return False
    roles = conf.get("EMERGENCY_PUBLISH_ROLES")
    return (
        people.person_of(user, people.site_of(page), roles=[Person.Role(r) for r in roles])
        is not None
    )


def may_review_emergency(user, emergency):
    from wagtail_disclosure.models import Person
    from wagtail_disclosure.models import approvers as people

    if user is None or not user.is_authenticated or user.pk == emergency.published_by_id:
        return False
    roles = conf.get("EMERGENCY_REVIEW_ROLES")
    page = emergency.page.specific
    return (
        people.person_of(user, people.site_of(page), roles=[Person.Role(r) for r in roles])
        is not None
    )


@transaction.atomic
def emergency_publish(page, user, reason):
    """Publish the latest revision now, flagged, for someone else to review afterwards."""
    from wagtail.log_actions import log

    from wagtail_disclosure.approval.guard import PublicationRefused
    from wagtail_disclosure.models import ApprovalDecision, EmergencyPublication
    from wagtail_disclosure.models import approvers as people

    page = page.specific
    reason = (reason or "").strip()
    if not may_publish_in_emergency(user, page):
        raise PermissionDenied(gettext("Your role may not publish in an emergency."))
    if not reason:
        raise PermissionDenied(gettext("An emergency publication needs a reason."))
    problems = _blocking(page, user, record=True)
    if problems:
        raise PublicationRefused(page, [p.message for p in problems])
    revision = page.get_latest_revision() or page.save_revision(user=user)
    emergency = EmergencyPublication.objects.create(
        page=page, revision=revision, published_by=user, reason=reason
    )
    person = people.person_of(user, people.site_of(page))
    ApprovalDecision.objects.create(
        page=page,
        revision=revision,
        step=ApprovalDecision.Step.EMERGENCY,
        decision=ApprovalDecision.Decision.PUBLISHED,
        reason=reason,
        user=user,
        acting_as=person,
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
    from wagtail.actions.unpublish_page import UnpublishPageAction
    from wagtail.log_actions import log

    from wagtail_disclosure.models import ApprovalDecision
    from wagtail_disclosure.models import approvers as people

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
        acting_as=people.person_of(user, people.site_of(page)),
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
