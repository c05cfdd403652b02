"""Real images, documents and pages for the checks: made with Pillow, WeasyPrint and python-docx.

The images and documents are Wagtail's own models; their rights sit in the side records."""

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from wagtail_disclosure.models import NewsPage, save_rights

RIGHTS = {
    "source": "กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร",
    "licence": "own",
    "copyright_holder": "สพป.ตัวอย่าง เขต ๑",
}


def png_bytes(size=(32, 24), colour="navy"):
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def make_image(db):
    def _make(title="ภาพกิจกรรม", description="ภาพบรรยากาศกิจกรรม", **fields):
        image = get_image_model()(title=title, description=description)
        image.file.save("activity.png", ContentFile(png_bytes()), save=False)
        image.width, image.height = 32, 24
        image.save()
        save_rights(image, dict(RIGHTS, **fields))
        return image

    return _make


@pytest.fixture
def make_document(db):
    def _make(data, name="attachment.pdf", title="เอกสารแนบ", **fields):
        document = get_document_model()(title=title)
        document.file.save(name, ContentFile(data), save=False)
        document.save()
        save_rights(document, dict(RIGHTS, **fields))
        return document

    return _make


@pytest.fixture
def news(demo):
    """A demo news page as the editor would have it open: the latest draft, not saved again."""
    return NewsPage.objects.get(slug="news-training").get_latest_revision_as_object()
