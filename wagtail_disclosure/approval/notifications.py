"""E-mails of the chain, through Django's e-mail backend.

Wagtail connects its own workflow e-mails only to group-approval tasks; the chain's approvers are
worked out per page, so the chain sends its own: to the next approvers on submit and approve, to
the author on refusal (with the reason), and reminders for steps left waiting.
"""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.models import TaskState

from wagtail_disclosure import conf
from wagtail_disclosure.models.approval_tasks import ApprovalTask, RequestMemoTask


def _admin_url(path):
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return f"{base}{path}"


def _edit_url(page):
    return _admin_url(reverse("wagtailadmin_pages:edit", args=[page.pk]))


def _send(subject, lines, recipients):
    recipients = sorted({r for r in recipients if r})
    if not recipients:
        return 0
    return send_mail(
        subject, "\n".join(lines), settings.DEFAULT_FROM_EMAIL, recipients, fail_silently=False
    )


def _chain_task(task_state):
    task = task_state.task.specific
    if not isinstance(task, ApprovalTask):
        return None
    if isinstance(task, RequestMemoTask):
        return None  # the submitter files the memo right away; nobody else to tell
    return task


def approvers_of(task_state):
    task = task_state.task.specific
    page = task_state.workflow_state.content_object.specific
    return page, task.get_approvers(page, task_state.workflow_state)


def on_task_submitted(sender, instance, user=None, **kwargs):
    task = _chain_task(instance)
    if task is None:
        return
    page, approvers = approvers_of(instance)
    with override(settings.LANGUAGE_CODE):
        _send(
            _("Awaiting your decision: %(title)s") % {"title": page.title},
            [
                _("“%(title)s” awaits your decision at the step “%(step)s”.")
                % {"title": page.title, "step": task.name},
                _("Submitted by: %(user)s") % {"user": _name(instance.workflow_state.requested_by)},
                _edit_url(page),
            ],
            [a.user.email for a in approvers],
        )


def on_task_rejected(sender, instance, user=None, **kwargs):
    task = instance.task.specific
    if not isinstance(task, ApprovalTask):
        return
    page = instance.workflow_state.content_object.specific
    author = instance.workflow_state.requested_by
    with override(settings.LANGUAGE_CODE):
        _send(
            _("Not allowed: %(title)s") % {"title": page.title},
            [
                _("“%(title)s” was not allowed at the step “%(step)s” by %(user)s.")
                % {"title": page.title, "step": task.name, "user": _name(user)},
                _("Reason: %(reason)s") % {"reason": instance.comment},
                _("Fix it and resubmit: %(url)s") % {"url": _edit_url(page)},
            ],
            [getattr(author, "email", "")],
        )


def on_workflow_approved(sender, instance, user=None, **kwargs):
    if not any(isinstance(t.specific, ApprovalTask) for t in instance.workflow.tasks):
        return
    page = instance.content_object.specific
    with override(settings.LANGUAGE_CODE):
        _send(
            _("Approved and published: %(title)s") % {"title": page.title},
            [
                _("The approval chain for “%(title)s” is complete.") % {"title": page.title},
                _edit_url(page),
            ],
            [getattr(instance.requested_by, "email", "")],
        )


def _name(user):
    if user is None:
        return "-"
    return user.get_full_name() or user.get_username()


def send_reminders(days=None, now=None):
    """E-mail the approvers of every chain step pending longer than ``days``; return the count sent."""
    days = conf.get("REMINDER_AFTER_DAYS") if days is None else days
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    sent = 0
    states = TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS, started_at__lt=cutoff
    ).select_related("workflow_state", "task")
    for state in states:
        task = _chain_task(state)
        if task is None:
            continue
        page, approvers = approvers_of(state)
        waited = ((now or timezone.now()) - state.started_at).days
        with override(settings.LANGUAGE_CODE):
            sent += _send(
                _("Reminder: %(title)s has waited %(days)s days")
                % {"title": page.title, "days": waited},
                [
                    _("“%(title)s” has waited %(days)s days at the step “%(step)s”.")
                    % {"title": page.title, "days": waited, "step": task.name},
                    _edit_url(page),
                ],
                [a.user.email for a in approvers],
            )
    return sent
