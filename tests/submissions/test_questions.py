"""Q&A (O8): ask → code → officer answers → another moderator publishes → listed and tracked."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from wagtail_disclosure.models import Question

pytestmark = pytest.mark.django_db

ADMIN = "/admin/disclosure/submissions/questions/%d/"


def _client(username, password="demo-2566"):
    c = Client()
    assert c.login(username=username, password=password)
    return c


def _ask(client, board, route, **fields):
    data = {
        "subject": "ขอทราบตารางสอบครูผู้ช่วย",
        "body": "จะประกาศตารางสอบเมื่อไหร่ครับ",
        "name": "สมศักดิ์",
        "email": "asker@example.org",
        "consent": "on",
    }
    data.update(fields)
    return client.post(route(board, "ask"), data)


def test_question_answered_moderated_published_and_tracked(
    client, board, route, read_code, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        code = read_code(client, _ask(client, board, route))
    question = Question.objects.get(subject="ขอทราบตารางสอบครูผู้ช่วย")
    assert question.status == Question.Status.PENDING
    assert question.tracking_hash != code and code not in question.tracking_hash
    # The responsible officers hear of it; the asker's details stay out of the mail.
    assert [m.to for m in mail.outbox] == [["publisher@demo-office.example"]]
    assert "ขอทราบตารางสอบครูผู้ช่วย" in mail.outbox[0].subject
    assert all("asker@example.org" not in m.body for m in mail.outbox)

    # Not public before moderation; the asker sees it waiting.
    assert "ขอทราบตารางสอบ" not in client.get(route(board)).content.decode()
    tracked = client.post(route(board, "track"), {"code": code}).content.decode()
    assert "Waiting for an answer" in tracked or "รอ" in tracked

    author = _client("author")
    response = author.post(
        ADMIN % question.pk, {"action": "answer", "answer": "ประกาศภายในวันที่ ๑๕ ของเดือน"}
    )
    assert response.status_code == 302
    # The one who answered may not approve their own answer.
    refused = author.post(ADMIN % question.pk, {"action": "publish"})
    assert refused.status_code in (302, 403)
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERED

    mail.outbox.clear()
    director = _client("groupdirector")
    assert director.post(ADMIN % question.pk, {"action": "publish"}).status_code == 302
    question.refresh_from_db()
    assert question.status == Question.Status.PUBLISHED
    assert question.moderated_by.username == "groupdirector"
    assert [m.to for m in mail.outbox] == [["asker@example.org"]]

    board_html = client.get(route(board)).content.decode()
    assert "ขอทราบตารางสอบครูผู้ช่วย" in board_html
    assert "ประกาศภายในวันที่ ๑๕" in board_html
    assert "สมศักดิ์" not in board_html and "asker@example.org" not in board_html
    # Newest first: the new one comes before the demo's questions.
    assert board_html.index("ขอทราบตารางสอบครูผู้ช่วย") < board_html.index("รับสมัครนักเรียน")
    tracked = client.post(route(board, "track"), {"code": code.replace("-", " ")}).content.decode()
    assert "ประกาศภายในวันที่ ๑๕" in tracked


def test_board_search_finds_question_and_answer_text(client, board, route):
    html = client.get(route(board), {"q": "หนังสือรับรอง"}).content.decode()
    assert "ขอหนังสือรับรองการเป็นข้าราชการครู" in html
    assert "รับสมัครนักเรียนชั้นประถม" not in html
    html = client.get(route(board), {"q": "ไม่มีคำนี้แน่นอน"}).content.decode()
    assert "ขอหนังสือรับรอง" not in html


def test_refusal_needs_a_reason_and_the_asker_sees_it(client, board, route, read_code):
    code = read_code(client, _ask(client, board, route, subject="คำถามนอกเรื่อง"))
    question = Question.objects.get(subject="คำถามนอกเรื่อง")
    director = _client("groupdirector")
    assert director.post(ADMIN % question.pk, {"action": "refuse", "reason": ""}).status_code == 400
    question.refresh_from_db()
    assert question.status == Question.Status.PENDING
    director.post(ADMIN % question.pk, {"action": "refuse", "reason": "ไม่เกี่ยวกับภารกิจ"})
    question.refresh_from_db()
    assert question.status == Question.Status.REFUSED
    assert "ไม่เกี่ยวกับภารกิจ" in client.post(route(board, "track"), {"code": code}).content.decode()


def test_users_without_channel_permissions_cannot_answer(board):
    question = Question.objects.filter(page=board).first()
    user = get_user_model().objects.get(username="supervisor")
    c = Client()
    c.force_login(user)
    response = c.post(ADMIN % question.pk, {"action": "answer", "answer": "x"})
    assert response.status_code in (302, 403)
    question.refresh_from_db()
    assert question.answer != "x"


def test_wrong_code_is_refused_clearly(client, board, route):
    response = client.post(route(board, "track"), {"code": "AAAA-BBBB-CCCC-DDDD"})
    assert response.status_code == 404
    assert "ไม่พบ" in response.content.decode()  # Thai by default
    response = client.post(
        route(board, "track"), {"code": "AAAA-BBBB-CCCC-DDDD"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "No submission has this code" in response.content.decode()
