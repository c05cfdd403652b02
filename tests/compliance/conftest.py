"""Real images, documents and pages for the checks: made with Pillow, WeasyPrint and python-docx."""

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from wagtail_disclosure.models import DisclosureDocument, DisclosureImage, NewsPage

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
    def _make(title="ภาพกิจกรรม", **fields):
        values = dict(RIGHTS, description="ภาพบรรยากาศกิจกรรม")
        values.update(fields)
        image = DisclosureImage(title=title, **values)
        image.file.save("activity.png", ContentFile(png_bytes()), save=False)
        image.width, image.height = 32, 24
        image.save()
        return image

    return _make


@pytest.fixture
def make_document(db):
    def _make(data, name="attachment.pdf", title="เอกสารแนบ", **fields):
        values = dict(RIGHTS)
        values.update(fields)
        document = DisclosureDocument(title=title, **values)
        document.file.save(name, ContentFile(data), save=False)
        document.save()
        return document

    return _make


@pytest.fixture
def news(demo):
    """A demo news page as the editor would have it open: the latest draft, not saved again."""
    return NewsPage.objects.get(slug="news-training").get_latest_revision_as_object()
