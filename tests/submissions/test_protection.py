"""Abuse and bad input on every public form: CSRF, honeypot, per-IP rate limit, bleach."""

import pytest
from django.test import Client

from wagtail_disclosure.models import (
    CorruptionComplaint,
    Feedback,
    Question,
    SatisfactionSurveyPage,
    SurveyResponse,
)

pytestmark = pytest.mark.django_db

XSS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    '<a href="javascript:alert(3)">x</a>',
    "&lt;script&gt;alert(4)&lt;/script&gt;",
    "<svg/onload=alert(5)>",
    '"><iframe src=//evil.example>',
]


def _forms(demo, route):
    survey = SatisfactionSurveyPage.objects.get()
    from wagtail_disclosure.models import CorruptionComplaintPage, FeedbackPage, QuestionBoardPage

    return [
        (
            route(QuestionBoardPage.objects.get(), "ask"),
            Question,
            {"subject": "s", "body": "b", "name": "n", "email": "", "consent": "on"},
        ),
        (
            route(CorruptionComplaintPage.objects.get()),
            CorruptionComplaint,
            {
                "complaint_type": "other",
                "subject": "s",
                "details": "d",
                "accused": "a",
                "incident_place": "p",
                "complainant_name": "n",
                "complainant_phone": "0800000000",
                "consent": "on",
            },
        ),
        (
            route(FeedbackPage.objects.get()),
            Feedback,
            {"topic": "suggestion", "message": "m", "name": "n", "consent": "on"},
        ),
        (
            route(survey),
            SurveyResponse,
            {
                "service": survey.service_list[0],
                "respondent": "public",
                "overall": "5",
                "staff": "4",
                "process": "4",
                "timeliness": "3",
                "information": "5",
                "comment": "c",
            },
        ),
    ]


TEXT_FIELDS = {
    "subject",
    "body",
    "name",
    "details",
    "accused",
    "incident_place",
    "complainant_name",
    "message",
    "comment",
}


def test_xss_vectors_in_every_text_field_are_stored_without_markup(demo, client, route):
    for url, model, data in _forms(demo, route):
        for vector in XSS:
            payload = {k: (f"ok {vector}" if k in TEXT_FIELDS else v) for k, v in data.items()}
            before = model.objects.count()
            response = client.post(url, payload)
            assert response.status_code == 302, (url, vector, response.content.decode()[:500])
            obj = model.objects.order_by("-pk").first()
            assert model.objects.count() == before + 1
            for field in TEXT_FIELDS & set(payload):
                value = getattr(obj, field)
                assert value.startswith("ok"), (field, value)
                for bad in ("<script", "<img", "<svg", "<iframe", "onerror", "javascript:", "<a "):
                    assert bad not in value.lower(), (field, value)
            from django.core.cache import cache

            cache.clear()


def test_published_question_with_markup_renders_escaped(demo, client, route):
    from wagtail_disclosure.models import QuestionBoardPage

    board = QuestionBoardPage.objects.get()
    q = Question.objects.filter(page=board, status="published").first()
    q.answer = "a < b & c > d"
    q.save()
    html = client.get(route(board)).content.decode()
    assert "a &lt; b &amp; c &gt; d" in html


def test_csrf_is_enforced_on_public_forms(demo, route):
    strict = Client(enforce_csrf_checks=True)
    for url, _model, data in _forms(demo, route):
        assert strict.post(url, data).status_code == 403
    assert not Feedback.objects.exists()


def test_honeypot_refuses_and_keeps_what_was_typed(demo, client, route):
    for url, model, data in _forms(demo, route):
        before = model.objects.count()
        response = client.post(url, dict(data, website="http://spam.example"))
        assert response.status_code == 400
        assert "website" in response.content.decode()
        assert model.objects.count() == before
    response = client.post(
        _forms(demo, route)[2][0],
        dict(_forms(demo, route)[2][2], message="ความเห็นของฉัน", website="x"),
    )
    assert "ความเห็นของฉัน" in response.content.decode()


def test_rate_limit_per_ip_keeps_the_form_and_stores_nothing(demo, client, route, settings):
    settings.WAGTAIL_DISCLOSURE = dict(
        settings.WAGTAIL_DISCLOSURE,
        RATE_LIMITS={
            "question": (2, 60),
            "complaint": (2, 60),
            "feedback": (2, 60),
            "survey": (2, 60),
            "track": (2, 60),
        },
    )
    url, model, data = _forms(demo, route)[2]
    for _i in range(2):
        assert client.post(url, data).status_code == 302
    response = client.post(url, dict(data, message="ข้อความที่สาม"))
    assert response.status_code == 429
    assert "ข้อความที่สาม" in response.content.decode()
    assert Feedback.objects.count() == 2
    # Another address is not affected.
    other = client.post(url, data, REMOTE_ADDR="10.9.8.7")
    assert other.status_code == 302
    # Tracking-code guessing is limited too.
    from wagtail_disclosure.models import CorruptionComplaintPage

    track = route(CorruptionComplaintPage.objects.get(), "track")
    codes = [client.post(track, {"code": "AAAA"}).status_code for _i in range(3)]
    assert codes == [404, 404, 429]


def test_oversized_fields_are_refused(demo, client, route):
    url, model, data = _forms(demo, route)[2]
    response = client.post(url, dict(data, message="ก" * 5001))
    assert response.status_code == 200
    assert not Feedback.objects.exists()
