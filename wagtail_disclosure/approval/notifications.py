"""E-mails of the approval chain: who gets which, sent through ``mail.send_notification``.

Wagtail sends its own workflow e-mails (submitted, rejected, approved: half English, "The page …
has been rejected … The following comment was left") to every workflow; for the chain they would
arrive beside the chain's Thai ones, so ``replace_wagtail_mail`` keeps Wagtail's only for workflows
without the chain's steps. The chain's approvers are worked out per page, so the chain sends its own: to the next approvers on submit and approve, to
the author on refusal (with the reason) and at the end, and reminders for steps left waiting. The
texts are the templates ``wagtail_disclosure/mail/approval_*``. A failing mail server never undoes
a decision: the failure is logged and the chain goes on.
"""

import datetime

from django.utils import timezone
from wagtail.admin.mail import (
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected, workflow_submitted

from wagtail_disclosure import conf
from wagtail_disclosure.links import admin_url
from wagtail_disclosure.mail import send_notification
from wagtail_disclosure.models.approval_tasks import ApprovalTask, SubmitterTask


def _edit_url(page):
    return admin_url("wagtailadmin_pages:edit", page.pk)


def _name(user):
    if user is None:
        return "-"
    return user.get_full_name() or user.get_username()


def _approval_task(task_state):
    task = task_state.task.specific
    if not isinstance(task, ApprovalTask):
        return None
    if isinstance(task, SubmitterTask):
        return None  # the submitter files the memo right away; nobody else to tell
    return task


def approvers_of(task_state):
    task = task_state.task.specific
    page = task_state.workflow_state.content_object.specific
    return page, task.get_approvers(page, task_state.workflow_state)


def _is_chain(workflow):
    return any(isinstance(t.specific, ApprovalTask) for t in workflow.tasks)


def _unless_chain(notifier):
    def wagtail_mail_unless_chain(sender, instance, **kwargs):
        if not _is_chain(instance.workflow):
            return notifier(sender=sender, instance=instance, **kwargs)
        return None

    return wagtail_mail_unless_chain


# Wagtail's workflow e-mails, by the ``dispatch_uid`` wagtail.admin connects them with.
WAGTAIL_MAIL = (
    (
        workflow_submitted,
        "workflow_state_submitted_email_notification",
        WorkflowStateSubmissionEmailNotifier,
    ),
    (
        workflow_rejected,
        "workflow_state_rejected_email_notification",
        WorkflowStateRejectionEmailNotifier,
    ),
    (
        workflow_approved,
        "workflow_state_approved_email_notification",
        WorkflowStateApprovalEmailNotifier,
    ),
)


def replace_wagtail_mail():
    """Put, in place of Wagtail's workflow e-mails, the same e-mails for workflows without the chain.

    Under Wagtail's own ``dispatch_uid``: if wagtail.admin connected its notifiers already, they are
    disconnected; if it connects them later (it is listed after this app), Django keeps the receiver
    already connected under that uid, ours.
    """
    for signal, uid, notifier_class in WAGTAIL_MAIL:
        signal.disconnect(sender=WorkflowState, dispatch_uid=uid)
        signal.connect(
            _unless_chain(notifier_class()), sender=WorkflowState, dispatch_uid=uid, weak=False
        )


def on_task_submitted(sender, instance, user=None, **kwargs):
    task = _approval_task(instance)
    if task is None:
        return
    page, approvers = approvers_of(instance)
    send_notification(
        [a.user.email for a in approvers],
        "approval_awaiting",
        {
            "page": page,
            "task": task,
            "submitter": _name(instance.workflow_state.requested_by),
            "url": _edit_url(page),
        },
        about=f"page {page.pk}",
    )


def on_task_rejected(sender, instance, user=None, **kwargs):
    task = instance.task.specific
    if not isinstance(task, ApprovalTask):
        return
    page = instance.workflow_state.content_object.specific
    author = instance.workflow_state.requested_by
    send_notification(
        [getattr(author, "email", "")],
        "approval_refused",
        {
            "page": page,
            "task": task,
            "approver": _name(user),
            "reason": instance.comment,
            "url": _edit_url(page),
        },
        about=f"page {page.pk}",
    )


def on_workflow_approved(sender, instance, user=None, **kwargs):
    if not _is_chain(instance.workflow):
        return
    page = instance.content_object.specific
    send_notification(
        [getattr(instance.requested_by, "email", "")],
        "approval_complete",
        {"page": page, "url": _edit_url(page)},
        about=f"page {page.pk}",
    )


def send_reminders(days=None, now=None):
    """E-mail the approvers of every chain step pending longer than ``days``; return the count sent."""
    days = conf.get("REMINDER_AFTER_DAYS") if days is None else days
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=days)
    sent = 0
    states = TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS, started_at__lt=cutoff
    ).select_related("workflow_state", "task")
    for state in states:
        task = _approval_task(state)
        if task is None:
            continue
        page, approvers = approvers_of(state)
        sent += send_notification(
            [a.user.email for a in approvers],
            "approval_reminder",
            {
                "page": page,
                "task": task,
                "days": (now - state.started_at).days,
                "url": _edit_url(page),
            },
            about=f"page {page.pk}",
        )
    return sent
