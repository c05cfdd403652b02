"""Complaint evidence photos lose GPS and camera serials like library uploads do, and a
rate-limited post is refused before any uploaded file is read or checked."""

import io

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.test_uploads import photo_with_exif
from wagtail_disclosure.forms import submissions as submission_forms
from wagtail_disclosure.models import CorruptionComplaint

pytestmark = pytest.mark.django_db


def _form(**extra):
    return {
        "complaint_type": "bribery",
        "subject": "เรียกรับเงิน",
        "details": "รายละเอียดเหตุการณ์",
        "accused": "เจ้าหน้าที่",
        "incident_place": "สำนักงานเขต",
        "anonymous": "on",
        "consent": "on",
        **extra,
    }


def test_evidence_photo_loses_gps_and_serials(client, complaint_page, route, private_media):
    photo = SimpleUploadedFile("ภาพถ่าย.jpg", photo_with_exif(), "image/jpeg")
    response = client.post(route(complaint_page), _form(evidence=[photo]))
    assert response.status_code == 302, response.content.decode()[:2000]
    evidence = CorruptionComplaint.objects.get(subject="เรียกรับเงิน").evidence.get()
    assert evidence.kind == "jpeg"
    with evidence.file.open("rb") as stored:
        exif = Image.open(io.BytesIO(stored.read())).getexif()
    assert exif.get_ifd(0x8825) == {}
    sub = exif.get_ifd(0x8769)
    assert not {0xA430, 0xA431, 0xA435} & set(sub)
    assert exif.get(0x0112) == 6  # orientation kept
    assert evidence.size == evidence.file.size


def test_rate_limited_post_checks_no_file(
    client, complaint_page, route, private_media, settings, monkeypatch
):
    settings.WAGTAIL_DISCLOSURE = dict(
        settings.WAGTAIL_DISCLOSURE, RATE_LIMITS={"complaint": (1, 60)}
    )
    cache.clear()
    assert client.post(route(complaint_page), _form()).status_code == 302
    checked = []
    real = submission_forms.check_and_clean

    def spy(*args, **kwargs):
        checked.append(args[0].name)
        return real(*args, **kwargs)

    monkeypatch.setattr(submission_forms, "check_and_clean", spy)
    photo = SimpleUploadedFile("ภาพถ่าย.jpg", photo_with_exif(), "image/jpeg")
    response = client.post(route(complaint_page), _form(subject="ครั้งที่สอง", evidence=[photo]))
    assert response.status_code == 429
    assert "ครั้งที่สอง" in response.content.decode()  # what was typed is kept
    assert checked == []
    assert not CorruptionComplaint.objects.filter(subject="ครั้งที่สอง").exists()
