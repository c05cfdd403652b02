"""The annual report's appendix: every publication the approval chain approved in the period,
with who approved at each step and when, and the request memo when the install records memos."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, TaskState, WorkflowState

from wagtail_disclosure.models import DisclosurePage
from wagtail_disclosure.reports.turnaround import aware_range


def approvals(site, period):
    """Every publication of ``site`` approved during ``period``, with its steps and memo."""
    pages = dict(DisclosurePage.objects.descendant_of(site.root_page).values_list("pk", "title"))
    start, end = aware_range(period)
    states = list(
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(pk) for pk in pages],
            status=WorkflowState.STATUS_APPROVED,
            created_at__gte=start,
            created_at__lt=end,
        )
        .select_related("requested_by", "workflow")
        .order_by("created_at")
    )
    steps = {}
    for task_state in (
        TaskState.objects.filter(
            workflow_state__in=[s.pk for s in states], status=TaskState.STATUS_APPROVED
        )
        .select_related("task", "finished_by")
        .order_by("finished_at")
    ):
        steps.setdefault(task_state.workflow_state_id, []).append(task_state)
    memos = _memos([s.pk for s in states])
    return [
        {
            "page_id": int(state.object_id),
            "title": pages[int(state.object_id)],
            "workflow": state.workflow.name,
            "requested_by": state.requested_by,
            "submitted_at": state.created_at,
            "steps": [
                {
                    "task": ts.task.name,
                    "by": ts.finished_by,
                    "at": ts.finished_at,
                    "comment": ts.comment,
                }
                for ts in steps.get(state.pk, [])
            ],
            "memo": memos.get(state.pk),
        }
        for state in states
    ]


def _memos(state_ids):
    """``{workflow_state_id: memo}`` when the approval-chain module's ``RequestMemo`` exists."""
    try:
        model = apps.get_model("wagtail_disclosure", "RequestMemo")
    except LookupError:
        return {}
    return {m.workflow_state_id: m for m in model.objects.filter(workflow_state_id__in=state_ids)}
