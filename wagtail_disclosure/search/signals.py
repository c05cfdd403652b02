"""Keep the search index in step with what pages and documents really hold.

- Wagtail indexes a page in ``post_save``, before modelcluster commits its child rows (procurement
  rows, attachments, catalogue items): a disclosure page is indexed again once the save commits.
- A document (of whatever model the site uses) whose file is new or replaced gets its text
  extracted by a background task.
- A page moved under another parent has other ancestors: its branch is indexed again, so that a
  search limited to an office finds it there (``search.within``).
"""

from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from modelsearch.tasks import insert_or_update_object_task
from wagtail.documents import get_document_model
from wagtail.signals import post_page_move

from wagtail_disclosure.models import DisclosurePage
from wagtail_disclosure.search.jobs import extract_document_text, reindex_branch


@receiver(post_save)
def reindex_disclosure_page_after_commit(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, DisclosurePage):
        return
    meta = type(instance)._meta
    args = (meta.app_label, meta.model_name, str(instance.pk))
    transaction.on_commit(lambda: insert_or_update_object_task.enqueue(*args))


@receiver(pre_save, sender=get_document_model())
def note_replaced_file(sender, instance, raw=False, **kwargs):
    if raw:
        return
    before = (
        sender.objects.filter(pk=instance.pk).values_list("file", "file_hash").first()
        if instance.pk
        else None
    )
    instance._disclosure_file_changed = before != (instance.file.name, instance.file_hash)


@receiver(post_save, sender=get_document_model())
def extract_text_after_commit(sender, instance, raw=False, **kwargs):
    if raw or not getattr(instance, "_disclosure_file_changed", False):
        return
    instance._disclosure_file_changed = False
    pk = instance.pk
    transaction.on_commit(lambda: extract_document_text.enqueue(pk))


@receiver(post_page_move)
def reindex_moved_branch(sender, instance, parent_page_before, parent_page_after, **kwargs):
    if parent_page_before.pk == parent_page_after.pk:
        return  # reordered among its siblings: the same ancestors
    pk = instance.pk
    transaction.on_commit(lambda: reindex_branch.enqueue(pk))
