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

from wagtail_disclosure.approval import chains
from wagtail_disclosure.compliance.engine import run_checks
from wagtail_disclosure.models import RequestMemo, approvers
from wagtail_disclosure.models.approval_tasks import ApprovalTask, SubmitterTask
from wagtail_disclosure.sites import site_of_page

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
    """The author's step (memo or verification) in progress on ``page``, or None."""
    state = page.current_workflow_task_state
    if state is not None and isinstance(state.task.specific, SubmitterTask):
        return state
    return None


def chain_of(page):
    """The workflow a request for ``page`` goes (or went) through: the one it waits in, else the
    one it would start."""
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return state.workflow
    return page.get_workflow()


def submitter_task(page):
    """The author's step of the chain ``page``'s request goes through (its form is the memo's)."""
    state = memo_task_state(page)
    if state is not None:
        return state.task.specific
    workflow = chain_of(page)
    first = workflow.tasks.filter(active=True).first() if workflow is not None else None
    first = first.specific if first is not None else None
    return first if isinstance(first, SubmitterTask) else None


def steps_ahead(page, user=None):
    """The steps of ``page``'s chain, each with who takes it for this page now (names, positions)."""
    workflow = chain_of(page)
    if workflow is None:
        return []
    state = page.current_workflow_state
    found = []
    for task in workflow.tasks.filter(active=True).specific():
        if not isinstance(task, ApprovalTask):
            found.append({"task": task, "who": "", "people": [], "names": []})
            continue
        if isinstance(task, SubmitterTask):
            people = [user] if user is not None else []
            names = [_person_name(user, page)] if user is not None else []
        else:
            takers = task.get_approvers(page, state)
            people = [a.user for a in takers]
            names = [_approver_name(a) for a in takers]
        found.append({"task": task, "who": task.takers_label(), "people": people, "names": names})
    return found


def _person_name(user, page):
    person = approvers.person_of(user, site_of_page(page))
    return str(person) if person else (user.get_full_name() or user.get_username())


def _approver_name(approver):
    name = str(approver.person) if approver.person else approver.user.get_full_name()
    if approver.delegation is not None:
        return gettext("%(deputy)s, on the director's behalf under %(order)s") % {
            "deputy": name,
            "order": approver.delegation.order_number,
        }
    return name


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
    workflow = page.get_workflow()
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        if workflow is not None and state.workflow_id != workflow.pk:
            # The office changed its chain since this request was returned: it starts again on
            # the chain now in force (the memo form is filled in from the one filed before).
            state.cancel(user=user)
            state = None
        else:
            state.resume(user)
    if state is None:
        if workflow is None:
            raise PermissionDenied(gettext("This page needs no approval: publish it directly."))
        if not chains.workflow_follows(workflow, site_of_page(page)):
            raise PermissionDenied(
                gettext(
                    "This page's workflow lacks steps of the office's approval chain: ask the "
                    "web administrator to set the chain again (Disclosure → Approval chain)."
                )
            )
        workflow.start(page, user)
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
        if not isinstance(task, ApprovalTask) or isinstance(task, SubmitterTask):
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
