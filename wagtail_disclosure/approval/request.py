"""Request publication, memo first: the author files the request memo and the chain starts with it.

The announcements put the memo (บันทึกข้อความ ขออนุญาตเผยแพร่) before anything else: the author
asks the director's permission in writing, certifying the content (สพม.พะเยา, 1 เม.ย. 2565;
สพป.ชุมพร เขต 1, 2565). So the editor's "request publication" opens the memo, filled in from the
page (subject from the title, ที่, the responsible group, the attachments) or, after a refusal,
from the memo filed before; the checks run before the chain starts, so content that cannot pass
never enters it; filing the memo starts (or resumes) the workflow and files the memo step at once,
which sends the page to the group director.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext
from wagtail.models import TaskState, WorkflowState

from wagtail_disclosure.compliance.engine import run_checks
from wagtail_disclosure.models import RequestMemo
from wagtail_disclosure.models.approval_tasks import ApprovalTask, RequestMemoTask

SUBJECT = "ขออนุญาตเผยแพร่ข้อมูลข่าวสาร เรื่อง %(title)s ผ่านเว็บไซต์ของหน่วยงาน"


def latest_memo(page):
    return RequestMemo.objects.filter(page=page).order_by("-created_at", "-pk").first()


def initial_memo(page):
    """What the memo form starts with: the last memo of the page, else what the page holds."""
    previous = latest_memo(page)
    draft = page.get_latest_revision_as_object()
    if previous is not None:
        # A subject made from the old title follows the new one; one the author wrote stays.
        made = SUBJECT % {"title": previous.revision.content.get("title", "")}
        return {
            "subject": SUBJECT % {"title": draft.title}
            if previous.subject == made
            else previous.subject,
            "work_unit": previous.work_unit,
            "number": previous.number,
            "body": previous.body,
            "attachments": previous.attachments,
        }
    attachments = getattr(draft, "attachments", None)
    lines = [a.display_title for a in attachments.all()] if attachments is not None else []
    group = getattr(draft, "responsible_group", None)
    return {
        "subject": SUBJECT % {"title": draft.title},
        "work_unit": str(group) if group else "",
        "number": getattr(draft, "number", "") or "",
        "body": "",
        "attachments": "\n".join(lines),
    }


def findings(page, user=None):
    """The blocking findings the memo step would stop on, checked on the latest draft."""
    return run_checks(page.get_latest_revision_as_object(), "submit", user=user).blocking


def memo_task_state(page):
    """The memo step in progress on ``page``, or None."""
    state = page.current_workflow_task_state
    if state is not None and isinstance(state.task.specific, RequestMemoTask):
        return state
    return None


def may_request(page, user):
    """The page's editors may request publication; a memo step in progress belongs to its submitter."""
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return memo_task_state(page) is not None and state.requested_by_id == user.pk
    return page.permissions_for_user(user).can_submit_for_moderation()


@transaction.atomic
def file_memo(page, user, data):
    """Start or resume the chain and file the memo step with ``data``; return the new step's state.

    Raises ``PermissionDenied`` (with the reason) when the page is already waiting at a later step
    or has no approval workflow.
    """
    if not may_request(page, user):
        raise PermissionDenied(
            gettext(
                "This page is already waiting for a decision; the request cannot be filed again."
            )
        )
    state = page.current_workflow_state
    if state is None:
        workflow = page.get_workflow()
        if workflow is None:
            raise PermissionDenied(gettext("This page needs no approval: publish it directly."))
        workflow.start(page, user)
    elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    page.refresh_from_db()
    task_state = memo_task_state(page)
    if task_state is not None:
        task = task_state.task.specific
        blocked = task.on_action(task_state, user, "approve", **data)
        if blocked is not None:
            raise PermissionDenied(gettext("The checks found problems to fix first."))
    page.refresh_from_db()
    return page.current_workflow_task_state


def waiting_for(user):
    """The chain's steps in progress that ``user`` may decide, oldest first."""
    states = (
        TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS)
        .select_related("workflow_state", "task")
        .order_by("started_at")
    )
    found = []
    for state in states:
        task = state.task.specific
        if not isinstance(task, ApprovalTask) or isinstance(task, RequestMemoTask):
            continue
        page = state.workflow_state.content_object
        if page is None:
            continue
        page = page.specific
        approver = task.approver_for(page, state.workflow_state, user)
        if approver is not None:
            found.append((state, task, page, approver))
    return found


def own_requests(user):
    """The author's pages in the chain: waiting at a step, or returned for changes."""
    states = (
        WorkflowState.objects.active()
        .filter(requested_by=user)
        .select_related("current_task_state__task")
        .order_by("-created_at")
    )
    return [(s, s.content_object.specific) for s in states if s.content_object is not None]


def memo_of(workflow_state):
    return (
        RequestMemo.objects.filter(workflow_state=workflow_state)
        .order_by("-created_at", "-pk")
        .first()
    )
