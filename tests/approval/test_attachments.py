"""Attachments inside the chain: what the public downloads is what the chain approved.

The disclosed PDF *is* the disclosure. A document (or image) of an approval-required page reaches
the public only while a live, chain-approved revision uses it; once it does, its file is frozen.
The documents are made with ``get_document_model()`` and the images with ``get_image_model()``:
the rule holds whatever models an office points Wagtail at.
"""

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.utils.approval import make_draft, run_workflow
from wagtail_disclosure.approval import attachments
from wagtail_disclosure.models import DocumentPage, WorkGroup
from wagtail_disclosure.models.content_pages import DocumentAttachment
from wagtail_disclosure.models.media import save_rights

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def with_rights(obj):
    """The office's own work, so the rights checks let it through (the side record of ``obj``)."""
    save_rights(obj, {"source": "สพป.ตัวอย่าง เขต 1", "licence": "own"})
    return obj


def new_document(title="แผนดำเนินงาน ปีงบประมาณ 2567", content=PDF, name="plan.pdf"):
    document = get_document_model()(title=title)
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return with_rights(document)


def png_bytes(colour="red"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), colour).save(buffer, "PNG")
    return buffer.getvalue()


def new_image(name="photo.png", colour="red"):
    image = get_image_model()(
        title="ภาพกิจกรรม", file=ImageFile(io.BytesIO(png_bytes(colour)), name=name)
    )
    image.save()
    return with_rights(image)


def reload(page):
    return DocumentPage.objects.get(pk=page.pk)


def attach(page, document, user):
    """A new revision of ``page`` (its latest content) with ``document`` attached."""
    draft = page.get_latest_revision_as_object()
    draft.attachments.add(DocumentAttachment(document=document))
    if not page.live:
        draft.save()  # a page never published keeps its draft in its own rows, as the editor does
    return draft.save_revision(user=user)


def download(client, document):
    return client.get(document.url)


@pytest.fixture
def attached(draft, users):
    """The O11 draft (approval required) with a PDF attached, never approved."""
    document = new_document()
    attach(draft, document, users["author"])
    return reload(draft), document


def test_a_draft_attachment_is_not_served_to_the_public(client, attached):
    _page, document = attached
    response = download(client, document)
    assert response.status_code in (403, 404)
    assert PDF not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_the_people_of_the_admin_may_download_a_draft_attachment(client, attached, users):
    _page, document = attached
    client.force_login(users["groupdirector"])  # the reviewer reads the PDF before allowing it
    response = download(client, document)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF


def test_served_once_the_chain_approved_it_and_it_is_live(client, attached, workflow, users):
    page, document = attached
    assert download(client, document).status_code in (403, 404)
    page = run_workflow(page, workflow, users["author"], users["groupdirector"], users["director"])
    assert page.live
    response = download(client, document)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    # Taken offline: no longer public.
    page.unpublish()
    assert download(client, document).status_code in (403, 404)


def test_a_document_no_live_page_uses_is_not_served(client):
    assert download(client, new_document()).status_code in (403, 404)


def test_an_attachment_added_after_approval_waits_for_the_next_approval(
    client, attached, workflow, users
):
    page, approved_document = attached
    page = run_workflow(page, workflow, users["author"], users["groupdirector"], users["director"])
    added = new_document("ภาคผนวก", b"%PDF-1.4\n% annex\n%%EOF\n", "annex.pdf")
    attach(page, added, users["author"])
    assert download(client, approved_document).status_code == 200
    assert download(client, added).status_code in (403, 404)
    run_workflow(reload(page), workflow, users["author"], users["groupdirector"], users["director"])
    assert download(client, added).status_code == 200


def test_a_publish_at_once_page_serves_its_attachment_once_live(client, quick_indicator, users):
    page = make_draft(quick_indicator, users["author"], slug="structure-attached")
    page.responsible_group = WorkGroup.objects.get(site=page.get_site(), code="policy")
    page.save()
    document = new_document("โครงสร้างองค์กร", name="structure.pdf")
    revision = attach(page, document, users["author"])
    assert download(client, document).status_code in (403, 404)
    revision.publish(user=users["author"])  # the group's web officer publishes at once
    assert download(client, document).status_code == 200


def test_replacing_the_file_of_an_approved_attachment_is_refused(client, attached, workflow, users):
    page, document = attached
    run_workflow(page, workflow, users["author"], users["groupdirector"], users["director"])
    stored = get_document_model().objects.get(pk=document.pk).file.name

    replaced = get_document_model().objects.get(pk=document.pk)
    replaced.file.save("plan-v2.pdf", ContentFile(b"%PDF-1.4\n% other\n%%EOF\n"), save=False)
    with pytest.raises(PermissionDenied) as refused:
        replaced.save()
    assert "ไฟล์" in str(refused.value)  # the refusal says why, in Thai
    assert get_document_model().objects.get(pk=document.pk).file.name == stored

    # Through the documents admin, as the page's author (who may edit documents).
    client.force_login(users["admin"])
    url = reverse("wagtaildocs:edit", args=[document.pk])
    upload = ContentFile(b"%PDF-1.4\n% swapped\n%%EOF\n", name="swapped.pdf")
    response = client.post(url, {"title": document.title, "file": upload, "collection": 1})
    assert response.status_code == 200  # the form again, with the reason
    assert "ไฟล์นี้เป็นส่วนหนึ่งของ" in response.content.decode()
    assert get_document_model().objects.get(pk=document.pk).file.name == stored
    client.logout()
    response = download(client, document)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    # A title change is not a change of the disclosed file: allowed.
    kept = get_document_model().objects.get(pk=document.pk)
    kept.title = "แผนดำเนินงาน (ฉบับอนุมัติ)"
    kept.save()


def test_the_replacement_goes_through_the_chain_as_a_new_document(
    client, attached, workflow, users
):
    page, document = attached
    page = run_workflow(page, workflow, users["author"], users["groupdirector"], users["director"])
    replacement = new_document("แผนดำเนินงาน ฉบับแก้ไข", b"%PDF-1.4\n% v2\n%%EOF\n", "plan-v2.pdf")
    draft = page.get_latest_revision_as_object()
    draft.attachments = [DocumentAttachment(document=replacement)]
    draft.save_revision(user=users["author"])
    assert download(client, replacement).status_code in (403, 404)
    assert download(client, document).status_code == 200  # the approved one stays, as approved
    run_workflow(reload(page), workflow, users["author"], users["groupdirector"], users["director"])
    assert download(client, replacement).status_code == 200
    assert download(client, document).status_code in (403, 404)  # no live revision uses it now


def test_a_file_in_the_chain_is_frozen_too(attached, workflow, users):
    """Between the memo and the director's order the file is what the approvers are reading."""
    page, document = attached
    workflow.start(page, users["author"])
    replaced = get_document_model().objects.get(pk=document.pk)
    replaced.file.save("plan-v3.pdf", ContentFile(b"%PDF-1.4\n% v3\n%%EOF\n"), save=False)
    with pytest.raises(PermissionDenied):
        replaced.save()


def test_a_draft_attachment_file_may_still_be_replaced(attached):
    _page, document = attached
    replaced = get_document_model().objects.get(pk=document.pk)
    replaced.file.save("plan-fixed.pdf", ContentFile(b"%PDF-1.4\n% fixed\n%%EOF\n"), save=False)
    replaced.save()


def test_image_files_get_names_nobody_can_guess(users):
    """Image files are served by the web server from MEDIA: a draft's image must not be found by
    guessing ``original_images/IMG_0001.jpg``; its renditions take the same unguessable stem."""
    first, second = new_image("IMG_0001.png"), new_image("IMG_0001.png", "blue")
    for image in (first, second):
        assert not image.file.name.endswith("/IMG_0001.png"), image.file.name
        assert "IMG_0001" in image.file.name  # the office still recognises its file
    stem = first.file.name.rsplit("/", 1)[-1].split("IMG_0001")[0]
    assert len(stem) >= 16
    rendition = first.get_rendition("width-4")
    assert stem in rendition.file.name


def test_replacing_an_approved_image_is_refused(draft, workflow, users):
    image = new_image()
    page = draft.get_latest_revision_as_object()
    page.body = f'<p>ภาพ</p><embed embedtype="image" id="{image.pk}" format="left" alt="ภาพ"/>'
    page.save()
    page.save_revision(user=users["author"])
    run_workflow(
        reload(draft), workflow, users["author"], users["groupdirector"], users["director"]
    )
    assert attachments.is_public(image)
    replaced = get_image_model().objects.get(pk=image.pk)
    replaced.file = ImageFile(io.BytesIO(png_bytes("green")), name="other.png")
    with pytest.raises(PermissionDenied):
        replaced.save()
