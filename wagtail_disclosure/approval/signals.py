"""Signal receivers of the approval service: the publication policy where every path passes, the
compliance checks of the approval steps, and the e-mails of the approval workflow.

Wagtail's ``before_publish_page`` hook runs only in the admin's create and edit views, so the
policy (``approval.policy``) is asked lower down as well:

- a disclosure page's ``pre_save``: every publish, scheduled publish, revert, copy and API call
  ends in a save; one that puts a revision online that was not live before must be allowed;
- a revision's ``pre_save`` with ``approved_go_live_at``: scheduling a revision to go live later;
- ``pre_page_move``: moving live pages into an approval-required section;
- a document's or image's ``pre_save``: the file of an attachment the chain approved is frozen
  (``approval.attachments``).

Each approval step sends ``checks_before_approval`` before it approves; ``check_step`` answers with
the compliance checks (the models cannot import the engine, which imports them).

Connected once from ``WagtailDisclosureConfig.ready()``.
"""

from django.db.models.signals import pre_save
from wagtail.models import Page, Revision
from wagtail.signals import pre_page_move, task_rejected, task_submitted, workflow_approved

from wagtail_disclosure.approval import attachments, notifications, policy
from wagtail_disclosure.compliance import engine as compliance
from wagtail_disclosure.media_forms import file_replacement
from wagtail_disclosure.models import DisclosurePage
from wagtail_disclosure.models.approval_tasks import checks_before_approval

# A save that writes none of these leaves what is online as it was.
_PUBLICATION_FIELDS = {"live", "live_revision", "live_revision_id", "url_path", "path"}


def guard_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """Refuse to write a disclosure page live with a revision the policy does not allow.

    Saves that do not put anything (new) online cost at most one query. Raw saves (loading
    fixtures, restoring a test database) write rows as they were, not publications.
    """
    if raw or not isinstance(instance, DisclosurePage) or not instance.live:
        return
    if update_fields is not None and not _PUBLICATION_FIELDS & set(update_fields):
        return
    if not instance.pk:
        # Wagtail creates pages live by default (the create view publishes afterwards, a copy
        # keeps the original's flag): a new page the policy would not let go live starts as a draft.
        if not policy.Publication(instance, None).decide():
            instance.live = False
            instance.live_revision = None
        return
    previous = (
        Page.objects.filter(pk=instance.pk).values("live", "live_revision_id", "url_path").first()
    )
    if (
        previous
        and previous["live"]
        and instance.live_revision_id in (None, previous["live_revision_id"])
        and previous["url_path"] == instance.url_path
    ):
        return
    revision = instance.live_revision if instance.live_revision_id else None
    policy.Publication(instance, revision).check()


def guard_schedule(sender, instance, raw=False, **kwargs):
    """Refuse to schedule (``approved_go_live_at``) a revision the policy would not let go live."""
    if not raw and instance.approved_go_live_at is not None:
        policy.Publication.of(instance).check()


def guard_move(sender, instance, parent_page_before, parent_page_after, **kwargs):
    if parent_page_before.pk != parent_page_after.pk:
        policy.check_move(instance, parent_page_after)


def check_step(sender, page, stage, user, **kwargs):
    """The blocking findings of the compliance checks at ``stage``, recorded for the audit."""
    return compliance.run_checks(page, stage, user=user, record=True).blocking


def connect():
    checks_before_approval.connect(check_step, dispatch_uid="disclosure_checks_before_approval")
    pre_save.connect(guard_save, dispatch_uid="disclosure_guard_save")
    pre_save.connect(guard_schedule, sender=Revision, dispatch_uid="disclosure_guard_schedule")
    pre_page_move.connect(guard_move, dispatch_uid="disclosure_guard_move")
    document_model, image_model = attachments.connected_models()
    pre_save.connect(
        attachments.unguessable_image_name,
        sender=image_model,
        dispatch_uid="disclosure_unguessable_image_name",
    )
    file_replacement.connect(
        attachments.replacement_refusal, dispatch_uid="disclosure_frozen_file_form"
    )
    for model in (document_model, image_model):
        pre_save.connect(
            attachments.guard_file_change,
            sender=model,
            dispatch_uid=f"disclosure_freeze_{model._meta.label_lower}",
        )
    task_submitted.connect(
        notifications.on_task_submitted, dispatch_uid="disclosure_task_submitted"
    )
    task_rejected.connect(notifications.on_task_rejected, dispatch_uid="disclosure_task_rejected")
    workflow_approved.connect(
        notifications.on_workflow_approved, dispatch_uid="disclosure_workflow_approved"
    )
    notifications.replace_wagtail_mail()
