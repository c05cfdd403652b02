"""Uploads checked by content against an allow-list and a size limit; photos lose GPS and serials."""

import io
import zipfile

import docx
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model

from wagtail_disclosure.models import rights_of
from wagtail_disclosure.text_extraction import extract_text
from wagtail_disclosure.uploads import (
    DOCUMENT_KINDS,
    EVIDENCE_KINDS,
    IMAGE_KINDS,
    check_upload,
    sniff_kind,
    strip_identifying_exif,
)

GPS = {1: "N", 2: (13.0, 45.0, 36.0), 3: "E", 4: (100.0, 31.0, 12.0), 6: 12.5}


def photo_with_exif(fmt="JPEG", size=(64, 48)):
    exif = Image.Exif()
    exif[0x010F] = "Canon"
    exif[0x0110] = "EOS 90D"
    exif[0x0112] = 6  # orientation: must survive
    exif[0x8825] = GPS
    exif[0x8769] = {
        0xA431: "083021001234",
        0xA435: "LENS998877",
        0xA430: "ครูสมชาย",
        0x9003: "2024:01:15 09:30:00",
    }
    out = io.BytesIO()
    Image.new("RGB", size, "orange").save(out, fmt, exif=exif.tobytes())
    return out.getvalue()


def upload(data, name, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_gps_and_serials_are_stripped_and_the_rest_kept(fmt):
    original = photo_with_exif(fmt)
    before = Image.open(io.BytesIO(original)).getexif()
    assert before.get_ifd(0x8825)  # the test photo really carries GPS
    cleaned = strip_identifying_exif(upload(original, f"photo.{fmt.lower()}"))
    image = Image.open(io.BytesIO(cleaned.read()))
    exif = image.getexif()
    assert exif.get_ifd(0x8825) == {}
    sub = exif.get_ifd(0x8769)
    assert not {0xA431, 0xA435, 0xA430} & set(sub)
    assert sub.get(0x9003) == "2024:01:15 09:30:00" and exif.get(0x0112) == 6
    assert image.size == (64, 48)


def test_photo_without_identifying_data_is_left_alone():
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, "JPEG")
    assert strip_identifying_exif(upload(out.getvalue(), "plain.jpg")) is None


def test_kinds_are_told_by_content_not_name():
    jpeg = photo_with_exif()
    assert check_upload(upload(jpeg, "photo.jpg"), IMAGE_KINDS) == "jpeg"
    assert check_upload(upload(jpeg, "photo.png"), IMAGE_KINDS) == "jpeg"  # harmless mix-up
    with pytest.raises(ValidationError) as error:
        check_upload(upload(jpeg, "photo.html"), IMAGE_KINDS)
    assert error.value.code == "file_extension"
    html = b"<html><script>alert(1)</script></html>"
    with pytest.raises(ValidationError) as error:
        check_upload(upload(html, "report.pdf"), DOCUMENT_KINDS)
    assert error.value.code == "file_kind"
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
    with pytest.raises(ValidationError):
        check_upload(upload(svg, "logo.png"), IMAGE_KINDS)
    with pytest.raises(ValidationError):  # a PDF is fine as a document, not as evidence photo
        check_upload(upload(b"%PDF-1.4\n%%EOF", "a.pdf"), IMAGE_KINDS)
    assert check_upload(upload(b"%PDF-1.4\n%%EOF", "a.pdf"), EVIDENCE_KINDS) == "pdf"


def test_damaged_image_and_plain_zip_are_refused():
    jpeg = photo_with_exif()
    with pytest.raises(ValidationError) as error:
        check_upload(upload(jpeg[:200], "cut.jpg"), IMAGE_KINDS)
    assert error.value.code == "file_damaged"
    archive = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("evil.exe", b"MZ")
    with pytest.raises(ValidationError) as error:
        check_upload(upload(archive.getvalue(), "files.docx"), DOCUMENT_KINDS)
    assert error.value.code == "file_kind"


def test_size_limit_and_empty_file():
    with pytest.raises(ValidationError) as error:
        check_upload(upload(photo_with_exif(), "big.jpg"), IMAGE_KINDS, max_bytes=100)
    assert error.value.code == "file_too_large"
    assert "100" in " ".join(error.value.messages)
    with pytest.raises(ValidationError):
        check_upload(upload(b"", "empty.pdf"), DOCUMENT_KINDS)


def test_admin_image_upload_strips_gps(client, demo):
    client.login(username="admin", password=demo["password"])
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "ภาพนักเรียน",
            "file": upload(photo_with_exif(), "students.jpg", "image/jpeg"),
            "collection": 1,
            "source": "งานประชาสัมพันธ์",
            "licence": "own",
        },
    )
    assert response.status_code == 302, response.content[:3000]
    image = get_image_model().objects.get(title="ภาพนักเรียน")
    assert (rights_of(image).source, rights_of(image).licence) == ("งานประชาสัมพันธ์", "own")
    with image.open_file() as handle:
        stored = Image.open(io.BytesIO(handle.read()))
        assert stored.getexif().get_ifd(0x8825) == {}
    assert (image.width, image.height) == (64, 48)


def test_admin_document_upload_refuses_disguised_html_and_keeps_the_form(client, demo):
    client.login(username="admin", password=demo["password"])
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "รายงานประจำปี",
            "file": upload(b"<html><script>alert(1)</script></html>", "report.pdf"),
            "collection": 1,
            "source": "กลุ่มนโยบายและแผน",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["file"]
    assert form["title"].value() == "รายงานประจำปี" and form["source"].value() == "กลุ่มนโยบายและแผน"


def test_consent_needs_who_recorded_it(client, demo):
    client.login(username="admin", password=demo["password"])
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, "PNG")
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "ภาพกิจกรรม",
            "file": upload(out.getvalue(), "a.png", "image/png"),
            "collection": 1,
            "shows_people": "on",
            "consent_obtained": "on",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["consent_recorded_by"]


def test_text_extraction_tells_the_kind_as_the_upload_check_does():
    """One sniffer: a DOCX is read as a DOCX whatever its name; other archives give no text."""
    document = docx.Document()
    document.add_paragraph("คำสั่งแต่งตั้งเจ้าหน้าที่เว็บไซต์")
    out = io.BytesIO()
    document.save(out)
    data = out.getvalue()
    assert sniff_kind(data) == "docx"
    assert "คำสั่งแต่งตั้ง" in extract_text(upload(data, "order.pdf"))
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    assert sniff_kind(archive.getvalue()) == "odt"
    assert extract_text(upload(archive.getvalue(), "order.docx")) == ""
    assert extract_text(upload(b"PK\x03\x04 not a zip", "order.docx")) == ""
