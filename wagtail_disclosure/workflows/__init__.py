"""The request-memo approval chain as Wagtail workflow tasks, and what it tells others.

``approved_page_ids`` is what reports ask: which pages went live through a completed chain.
"""


def approved_page_ids(pages):
    """IDs of ``pages`` (a page queryset) whose live revision is one that a completed workflow approved."""
    from wagtail.models import WorkflowState  # lazily: Wagtail imports this package's finish action

    live = dict(pages.values_list("pk", "live_revision_id"))
    approved = set(
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_APPROVED, object_id__in=[str(pk) for pk in live]
        ).values_list("object_id", "current_task_state__revision_id")
    )
    return {
        pk for pk, revision_id in live.items() if revision_id and (str(pk), revision_id) in approved
    }
