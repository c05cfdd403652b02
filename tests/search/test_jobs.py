"""Text of attached documents: extracted by the background task, then searchable."""

import io

import docx
import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Page

from wagtail_disclosure.models import DocumentAttachment, DocumentPage, text_of
from wagtail_disclosure.search.jobs import extract_document_text

pytestmark = pytest.mark.django_db


def docx_file(text):
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return ContentFile(buffer.getvalue(), name="attachment.docx")


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path


def test_uploaded_attachment_text_is_extracted_and_found(
    demo, media, django_capture_on_commit_callbacks
):
    page = DocumentPage.objects.get(slug="action-plan")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        document = get_document_model().objects.create(
            title="ภาคผนวก", file=docx_file("โครงการพัฒนาห้องสมุดดิจิทัลเพื่อการเรียนรู้ตลอดชีวิต")
        )
        DocumentAttachment.objects.create(page=page, document=document)
    assert callbacks, "the upload enqueued the extraction"
    assert "ห้องสมุดดิจิทัล" in text_of(get_document_model().objects.get(pk=document.pk))
    assert [p.title for p in Page.objects.live().search("ห้องสมุด")] == [page.title]


def test_task_reindexes_pages_when_run_on_its_own(demo, media):
    """As a worker runs it: later, by document id, with JSON-only arguments."""
    page = DocumentPage.objects.get(slug="privacy-policy")
    document = get_document_model().objects.create(title="แนบ", file=docx_file("คุกกี้และการเก็บล็อก"))
    DocumentAttachment.objects.create(page=page, document=document)
    assert not Page.objects.live().search("คุกกี้")
    result = extract_document_text.enqueue(document.pk)
    assert result.return_value > 0
    assert [p.title for p in Page.objects.live().search("คุกกี้")] == [page.title]


def test_title_edit_does_not_extract_again(demo, media, django_capture_on_commit_callbacks):
    document = get_document_model().objects.create(title="ก", file=docx_file("ข้อความ"))
    document.title = "ข"
    with django_capture_on_commit_callbacks() as callbacks:
        document.save()
    assert not [c for c in callbacks if "extract" in repr(c.__code__.co_names)]
