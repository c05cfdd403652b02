"""The request-memo approval chain as Wagtail workflow tasks, and what it tells others.

Reports ask ``approved_page_ids`` (went live through a completed chain, or through an emergency
publication someone else confirmed afterwards) and ``emergency_page_ids`` (to flag them).
"""


def approved_page_ids(pages):
    """IDs of ``pages`` (a page queryset) whose live revision a completed chain approved.

    An emergency publication counts once someone other than its publisher confirmed it.
    """
    # Imported lazily: Wagtail imports this package's finish action while its models load.
    from wagtail.models import WorkflowState

    from wagtail_disclosure.models import EmergencyPublication

    live = dict(pages.values_list("pk", "live_revision_id"))
    approved = set(
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_APPROVED, object_id__in=[str(pk) for pk in live]
        ).values_list("object_id", "current_task_state__revision_id")
    )
    confirmed = set(
        EmergencyPublication.objects.filter(
            page_id__in=list(live), review_confirmed=True
        ).values_list("page_id", "revision_id")
    )
    return {
        pk
        for pk, revision_id in live.items()
        if revision_id and ((str(pk), revision_id) in approved or (pk, revision_id) in confirmed)
    }


def emergency_page_ids(pages, pending_only=False):
    """IDs of ``pages`` whose live revision went online as an emergency publication."""
    from wagtail_disclosure.models import EmergencyPublication

    live = dict(pages.values_list("pk", "live_revision_id"))
    emergencies = EmergencyPublication.objects.filter(page_id__in=list(live))
    if pending_only:
        emergencies = emergencies.filter(reviewed_at__isnull=True)
    return {
        pk for pk, rev in emergencies.values_list("page_id", "revision_id") if live.get(pk) == rev
    }
