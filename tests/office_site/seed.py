"""Run by ``tests/test_install_office.py`` inside a fresh ``wagtail start`` site, BEFORE the app
is installed: what an office's site already holds. Prints what it made and how the site shows it,
as JSON.

``python seed.py`` with the site folder as the working directory and its settings in
``DJANGO_SETTINGS_MODULE``; it imports nothing of this repository.
"""

import io
import json
import re
import sys

import django


def png_bytes():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (27, 79, 138)).save(buffer, "PNG")
    return buffer.getvalue()


# The smallest PDF a browser opens: one empty page.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def shown(html):
    """The image sources and document links that the home page's rich text shows."""
    return {
        "images": re.findall(r'<img[^>]*src="([^"]+)"', html),
        "documents": re.findall(r'<a[^>]*href="(/documents/[^"]+)"', html),
    }


def main():
    django.setup()
    from django.core.files.base import ContentFile
    from django.core.files.images import ImageFile
    from django.test import Client
    from home.models import HomePage
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    # As Wagtail's own upload does: an ImageFile, whose width and height the model reads.
    image = get_image_model()(
        title="ภาพอาคารสำนักงาน", file=ImageFile(io.BytesIO(png_bytes()), name="office-building.png")
    )
    image.save()
    document = get_document_model()(title="ประกาศเดิมของสำนักงาน")
    document.file.save("old-notice.pdf", ContentFile(PDF), save=False)
    document.save()

    home = HomePage.objects.get()
    home.body = (
        f'<p>สำนักงานของเรา</p><embed alt="อาคารสำนักงาน" embedtype="image" format="fullwidth" '
        f'id="{image.pk}"/><p>อ่าน<a id="{document.pk}" linktype="document">ประกาศ</a></p>'
    )
    home.save_revision().publish()

    html = Client().get("/").content.decode()
    print(
        json.dumps(
            {
                "image": image.pk,
                "image_file": image.file.name,
                "document": document.pk,
                "document_url": document.url,
                "document_bytes": len(PDF),
                "home": shown(html),
            }
        )
    )


if __name__ == "__main__":
    sys.exit(main())
