"""Background jobs of search: the text of attached documents, a moved branch indexed again.

``extract_document_text`` is a django-tasks task, enqueued when a document's file is uploaded or
replaced (see ``search.signals``). Without a ``TASKS`` setting Django runs it at once, after the
upload's transaction commits; an office with large PDFs should run a real worker instead, so that
the upload returns at once and the text arrives a moment later:

    pip install django-tasks-db                       # the database queue for django-tasks
    INSTALLED_APPS += ["django_tasks_db"]
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    python manage.py migrate && python manage.py db_worker   # keep running (systemd, supervisor)

Wagtail's own search indexing tasks then run on the same worker.
"""

import logging

from django_tasks import task
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.search import index

from wagtail_disclosure.models import DocumentPage, store_text
from wagtail_disclosure.text_extraction import extract_text

logger = logging.getLogger(__name__)


@task()
def extract_document_text(document_id):
    """Store the text of document ``document_id`` and reindex it and the pages it is attached to.

    Returns the number of characters extracted (task results must be JSON).
    """
    model = get_document_model()
    document = model.objects.filter(pk=document_id).first()
    if document is None:
        return 0
    try:
        with document.file.open("rb") as fileobj:
            text = extract_text(fileobj)
    except OSError:
        logger.warning("Document %s: file cannot be read, no text extracted", document_id)
        text = ""
    text = store_text(document, text).text
    index.insert_or_update_object(document)
    for page in DocumentPage.objects.filter(attachments__document=document).distinct():
        index.insert_or_update_object(page)
    return len(text)


@task()
def reindex_branch(page_id):
    """Index page ``page_id`` and every page under it again (after a move: other ancestors).

    Returns the number of pages indexed.
    """
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    count = 0
    for descendant in Page.objects.descendant_of(page, inclusive=True).specific().iterator():
        index.insert_or_update_object(descendant)
        count += 1
    return count
