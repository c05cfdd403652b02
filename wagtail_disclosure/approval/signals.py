"""Signal receivers of the chain: the guard on moves and scheduling, and the e-mails.

Connected once from ``WagtailDisclosureConfig.ready()``.
"""

from django.db.models.signals import pre_save
from wagtail.models import Revision
from wagtail.signals import pre_page_move, task_rejected, task_submitted, workflow_approved

from wagtail_disclosure.approval import guard, notifications


def _guard_move(sender, instance, parent_page_before, parent_page_after, **kwargs):
    if parent_page_before.pk != parent_page_after.pk:
        guard.check_move(instance, parent_page_after)


def _guard_schedule(sender, instance, update_fields=None, **kwargs):
    if instance.approved_go_live_at is not None:
        guard.check_schedule(instance)


def connect():
    pre_page_move.connect(_guard_move, dispatch_uid="disclosure_guard_move")
    pre_save.connect(_guard_schedule, sender=Revision, dispatch_uid="disclosure_guard_schedule")
    task_submitted.connect(
        notifications.on_task_submitted, dispatch_uid="disclosure_task_submitted"
    )
    task_rejected.connect(notifications.on_task_rejected, dispatch_uid="disclosure_task_rejected")
    workflow_approved.connect(
        notifications.on_workflow_approved, dispatch_uid="disclosure_workflow_approved"
    )
