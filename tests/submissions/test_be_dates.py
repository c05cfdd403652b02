"""Complaints in Buddhist Era: the public form takes the incident date as "15/11/2569", refuses an
impossible year in Thai without filing anything, and the integrity group's detail screen shows
every date with its B.E. year."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from wagtail_disclosure.models import CorruptionComplaint

pytestmark = pytest.mark.django_db

SUBJECT = "เรียกรับเงินค่าเซ็นเอกสาร"


def _form(**extra):
    return {
        "complaint_type": "bribery",
        "subject": SUBJECT,
        "details": "เจ้าหน้าที่เรียกเงินเพื่อเร่งเอกสาร",
        "accused": "เจ้าหน้าที่",
        "incident_place": "สำนักงานเขต",
        "anonymous": "on",
        "consent": "on",
        **extra,
    }


def test_incident_date_in_be_is_understood_and_shown_in_be(client, complaint_page, route):
    response = client.post(route(complaint_page), _form(incident_date="15/11/2569"))
    assert response.status_code == 302
    complaint = CorruptionComplaint.objects.get(subject=SUBJECT)
    assert complaint.incident_date == datetime.date(2026, 11, 15)

    member = Client()
    member.force_login(get_user_model().objects.get(username="integrity"))
    html = member.get(f"/admin/disclosure/submissions/complaints/{complaint.pk}/").content.decode()
    assert "15 พฤศจิกายน 2569" in html
    received_be = str(complaint.received_at.year + 543)
    assert html.count(received_be) >= 2  # received at, and the history's first entry
    assert "2026" not in html.split("<main", 1)[-1]


def test_impossible_incident_year_is_refused_in_thai(client, complaint_page, route):
    response = client.post(route(complaint_page), _form(incident_date="15/11/3112"))
    assert response.status_code == 200
    assert "พ.ศ." in response.content.decode()
    assert not CorruptionComplaint.objects.filter(subject=SUBJECT).exists()
