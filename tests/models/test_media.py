"""The rights of images and documents beside the site's own media models, with no model switch.

The suite runs on Wagtail's stock ``wagtailimages.Image`` and ``wagtaildocs.Document`` (the example
site sets no ``WAGTAILIMAGES_IMAGE_MODEL``); a second settings module (``tests.custom_media``) gives
the site its own models, as an office's site may have them.
"""

import io
import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.documents.models import Document
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.images.models import Image
from wagtail.rich_text import expand_db_html

from tests.utils.site_process import run_site
from wagtail_disclosure.compliance.engine import run_checks
from wagtail_disclosure.models import NewsPage, NewsPhoto, rights_of, save_rights

IMAGE_RIGHTS = {
    "source",
    "licence",
    "copyright_holder",
    "shows_people",
    "consent_obtained",
    "consent_recorded_by",
    "official_pr_purpose",
}
GPS = {1: "N", 2: (13.0, 45.0, 36.0), 3: "E", 4: (100.0, 31.0, 12.0)}


def photo(fmt="JPEG", gps=True):
    exif = PillowImage.Exif()
    exif[0x010F] = "Canon"
    if gps:
        exif[0x8825] = GPS
    out = io.BytesIO()
    PillowImage.new("RGB", (64, 48), "teal").save(out, fmt, exif=exif.tobytes())
    return out.getvalue()


def stock_image(title="ภาพเดิม"):
    """An image as the office's site had it before installing the app: no rights record."""
    image = Image(title=title)
    image.file.save("before.jpg", ContentFile(photo(gps=False)), save=False)
    image.width, image.height = 64, 48
    image.save()
    return image


def stock_document(title="ประกาศเดิม"):
    document = Document(title=title)
    document.file.save(
        "before.pdf", ContentFile(b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"), save=False
    )
    document.save()
    return document


@pytest.fixture
def news(demo):
    return NewsPage.objects.get(slug="news-training").get_latest_revision_as_object()


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path


def test_the_site_keeps_wagtails_own_models():
    assert get_image_model() is Image
    assert get_document_model() is Document


def test_library_forms_of_the_stock_models_carry_the_rights_fields(db):
    image_form = get_image_form(Image)()
    assert set(image_form.fields) >= IMAGE_RIGHTS
    document_form = get_document_form(Document)()
    assert {"source", "licence", "copyright_holder"} <= set(document_form.fields)


def test_upload_to_the_stock_image_model_saves_rights_and_strips_gps(client, demo, media):
    client.login(username="admin", password=demo["password"])
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "ภาพนักเรียน",
            "file": SimpleUploadedFile("students.jpg", photo(), "image/jpeg"),
            "collection": 1,
            "source": "งานประชาสัมพันธ์",
            "licence": "own",
            "shows_people": "on",
            "consent_obtained": "on",
            "consent_recorded_by": "นางสาวสุดา ใจดี",
            "official_pr_purpose": "on",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    image = Image.objects.get(title="ภาพนักเรียน")
    rights = rights_of(image)
    assert rights.pk and (rights.source, rights.licence) == ("งานประชาสัมพันธ์", "own")
    assert rights.shows_people and not rights.consent_missing
    with image.open_file() as handle:
        stored = PillowImage.open(io.BytesIO(handle.read()))
        assert stored.getexif().get_ifd(0x8825) == {}
        assert stored.getexif()[0x010F] == "Canon"  # only what locates or identifies goes


def test_edit_form_shows_the_stored_rights_and_saves_changes(client, demo, media):
    image = stock_image()
    save_rights(image, {"source": "กลุ่มอำนวยการ", "licence": "own"})
    client.login(username="admin", password=demo["password"])
    url = reverse("wagtailimages:edit", args=[image.pk])
    form = client.get(url).context["form"]
    assert form["source"].value() == "กลุ่มอำนวยการ" and form["licence"].value() == "own"
    response = client.post(
        url,
        {"title": image.title, "collection": 1, "source": "กลุ่มอำนวยการ", "licence": "cc-by"},
    )
    assert response.status_code == 302, response.content[:2000]
    assert rights_of(Image.objects.get(pk=image.pk)).licence == "cc-by"


def test_disguised_document_is_refused_on_the_stock_model(client, demo, media):
    client.login(username="admin", password=demo["password"])
    before = Document.objects.count()
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "รายงาน",
            "file": SimpleUploadedFile("report.pdf", b"<html><script>x</script></html>"),
            "collection": 1,
            "source": "กลุ่มนโยบายและแผน",
        },
    )
    assert response.status_code == 200 and response.context["form"].errors["file"]
    assert Document.objects.count() == before


def test_consent_check_finds_a_stock_image(news, media):
    image = stock_image("นักเรียนร่วมกิจกรรม")
    save_rights(image, {"source": "งานประชาสัมพันธ์", "licence": "own", "shows_people": True})
    news.photos.add(NewsPhoto(image=image, caption="นักเรียน"))
    assert [r.code for r in run_checks(news).blocking] == ["rights.consent"]


def test_media_from_before_the_install_still_resolve_and_are_flagged(client, news, media):
    """An image and a document uploaded before the app came, embedded and linked in rich text."""
    image, document = stock_image(), stock_document()
    html = (
        f'<p><a linktype="document" id="{document.pk}">ประกาศ</a></p>'
        f'<embed embedtype="image" id="{image.pk}" format="left" alt="ภาพเดิม"/>'
    )
    expanded = expand_db_html(html)
    assert f'href="/documents/{document.pk}/before' in expanded
    assert "/media/images/before" in expanded  # a rendition of this very image
    served = client.get(document.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content).startswith(b"%PDF")
    assert not rights_of(image).pk and not rights_of(document).has_rights_data
    news.body += html
    report = run_checks(news)
    flagged = " ".join(str(r.message) for r in report.blocking if r.code == "rights.media")
    assert "“ภาพเดิม”" in flagged and "“ประกาศเดิม”" in flagged


@pytest.mark.parametrize(
    "settings_module", ["example_site.settings", "tests.custom_media.settings"]
)
def test_makemigrations_writes_nothing_into_the_package(settings_module):
    """Nor for a site with its own image and document models (``tests.custom_media``)."""
    result = run_site(
        settings_module, "-m", "django", "makemigrations", "--check", "--dry-run",
        database_url="sqlite://:memory:",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout


@pytest.mark.parametrize(
    ("settings_module", "image_model"),
    [
        ("example_site.settings", "wagtailimages.Image"),
        ("tests.custom_media.settings", "custom_media.OfficeImage"),
    ],
)
def test_media_of_the_former_app_models_move_with_their_ids(
    settings_module, image_model, empty_database
):
    result = run_site(
        settings_module, "-m", "tests.utils.old_media_site", database_url=empty_database
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    site = json.loads(result.stdout.strip().splitlines()[-1])
    assert site["image_model"] == image_model
    images = {i["title"]: i for i in site["images"]}
    assert images["ภาพเดิมของเว็บไซต์"]["id"] == 1  # the site's own image keeps its id
    assert images["แผนภาพ"]["id"] == 2  # a free id is kept
    chart = images["แผนภาพ"]
    assert (chart["source"], chart["licence"], chart["file"]) == (
        "สำนักงาน ป.ป.ช.",
        "cc-by",
        "original_images/chart.png",
    )
    activity = images["ภาพกิจกรรม"]
    assert activity["id"] == 3  # id 1 was taken: a new one, named in the output
    assert "{1: 3}" in result.stdout
    assert activity["tags"] == ["อบรม"] and activity["shows_people"]
    assert activity["consent_missing"] == []
    (document,) = site["documents"]
    assert (document["id"], document["url"]) == (7, "/documents/7/notice.pdf")
    assert (document["source"], document["text"]) == ("กลุ่มอำนวยการ", "ประกาศสำนักงาน")
    app = image_model.split(".")[0]
    model = image_model.split(".")[1].lower()
    assert {f"{app}.choose_image", f"{app}.change_{model}"} <= set(site["permissions"])
