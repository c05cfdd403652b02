"""One English word, two Thai words: "Received" is a date (วันที่รับ), a count and a status
(รับเรื่องแล้ว); message contexts keep them apart, so the complaint tracker does not say
"สถานะ: วันที่รับ"."""

import pytest
from django.utils import translation

from tests.submissions.test_complaints import SUBJECT, _form
from wagtail_disclosure.models import CorruptionComplaint

pytestmark = pytest.mark.django_db


def test_the_complaint_tracker_says_the_status_and_the_date_apart(
    client, complaint_page, route, read_code
):
    code = read_code(client, client.post(route(complaint_page), _form(anonymous="on")))
    assert CorruptionComplaint.objects.get(subject=SUBJECT).status == "received"
    html = client.post(
        route(complaint_page, "track"), {"code": code}, HTTP_ACCEPT_LANGUAGE="th"
    ).content.decode()
    assert "รับเรื่องแล้ว" in html
    assert "วันที่รับ" in html
    status = html.split("wd-status", 1)[1].split("</strong>", 1)[0]
    assert "วันที่" not in status


def test_the_status_label_is_not_the_date_label():
    with translation.override("th"):
        assert str(CorruptionComplaint.Status.RECEIVED.label) == "รับเรื่องแล้ว"
