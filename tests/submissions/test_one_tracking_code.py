"""One code per submission: whatever the thank-you page shows, the tracker takes.

The thank-you page used to show the complaint's reference ("2569-00012") beside the tracking code,
and only the code worked in the tracker. The reference is a running number: a tracker that took it
would let anyone read every complaint's status by counting. So the thank-you page shows the one
secret code; the reference appears once the code is given (to quote when calling the office), and
a reference typed into the tracker gets a message that says which code to use.
"""

import re

import pytest

from wagtail_disclosure.models import CorruptionComplaint, Question

pytestmark = pytest.mark.django_db

# Anything on the page a citizen could take for "the code": the tracking code's shape, or a
# reference number's.
CODE_LIKE = re.compile(r"\b(?:[A-Z2-7]{4}(?:-[A-Z2-7]{4}){3}|\d{4}-\d{5})\b")


def _thanks(client, response):
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(response["Location"]).content.decode()


def _main(html):
    return html.split("<main", 1)[-1].split("</main>", 1)[0]


COMPLAINT = {
    "complaint_type": "bribery",
    "subject": "เรียกรับเงินค่าเซ็นเอกสาร",
    "details": "เจ้าหน้าที่เรียกเงิน ๕,๐๐๐ บาท",
    "accused": "เจ้าหน้าที่กลุ่มบริหารงานบุคคล",
    "incident_place": "สำนักงานเขต",
    "anonymous": "on",
    "consent": "on",
}


def test_every_code_the_complaint_thanks_page_shows_works_in_the_tracker(
    client, complaint_page, route
):
    html = _main(_thanks(client, client.post(route(complaint_page), COMPLAINT)))
    complaint = CorruptionComplaint.objects.get(subject=COMPLAINT["subject"])
    shown = set(CODE_LIKE.findall(html))
    assert len(shown) == 1, shown
    assert complaint.reference not in html
    for code in shown:
        tracked = client.post(route(complaint_page, "track"), {"code": code})
        assert tracked.status_code == 200
        # The reference is shown once the code is given: the number to quote to the office.
        assert complaint.reference in tracked.content.decode()


def test_every_code_the_question_thanks_page_shows_works_in_the_tracker(client, board, route):
    data = {"subject": "ขอทราบกำหนดการสอบ", "body": "สอบเมื่อใด", "consent": "on"}
    html = _main(_thanks(client, client.post(route(board, "ask"), data)))
    shown = set(CODE_LIKE.findall(html))
    assert len(shown) == 1, shown
    question = Question.objects.get(subject=data["subject"])
    for code in shown:
        tracked = client.post(route(board, "track"), {"code": code})
        assert tracked.status_code == 200
        assert question.subject in tracked.content.decode()


def test_a_reference_typed_into_the_tracker_says_which_code_to_use(client, complaint_page, route):
    client.post(route(complaint_page), COMPLAINT)
    complaint = CorruptionComplaint.objects.get(subject=COMPLAINT["subject"])
    response = client.post(
        route(complaint_page, "track"), {"code": complaint.reference}, HTTP_ACCEPT_LANGUAGE="th"
    )
    html = response.content.decode()
    # Nothing about the complaint is given away by its running number.
    assert response.status_code == 404
    assert "wd-tracked" not in html
    assert "เลขที่อ้างอิง" in html and "รหัสติดตาม" in html
