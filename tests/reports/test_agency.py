"""The supervising agency's view: its offices side by side, never their submissions or drafts."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from tests.utils.offices import HOST_A, MARK_A, build_office_b, mark_office_a
from wagtail_disclosure.models import Agency

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency(demo):
    b = build_office_b()
    mark_office_a(demo["site"])
    user = get_user_model().objects.create_user("agency_test", "agency@obec.example", "x")
    user.groups.add(Group.objects.get(name="Supervisors"))  # admin access, no office role
    both = Agency.objects.create(name="สพฐ. ทดสอบ", level=Agency.Level.AGENCY)
    both.offices.set([demo["site"], b["site"]])
    both.members.add(user)
    client = Client(HTTP_HOST=HOST_A)
    client.force_login(user)
    return {"a": demo["site"], "b": b["site"], "agency": both, "user": user, "client": client}


def test_agency_sees_its_offices_side_by_side_with_a_heat_map(agency):
    response = agency["client"].get(reverse("wagtail_disclosure_admin:agency"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "สพป.ตัวอย่าง เขต ๑" in html and "สพป.ข" in html
    assert "<svg" in html and "O1" in html
    rows = {row.office.short_name: row for row in response.context["object_list"]}
    assert rows["สพป.ตัวอย่าง เขต ๑"].percent > rows["สพป.ข"].percent  # B has one page only
    assert MARK_A not in html  # no complaint, submission or draft of any office


def test_agency_export_lists_every_office(agency):
    response = agency["client"].get(reverse("wagtail_disclosure_admin:agency") + "?export=csv")
    text = response.content.decode("utf-8-sig")
    assert "สพป.ตัวอย่าง เขต ๑" in text and "สพป.ข" in text
    assert MARK_A not in text


def test_drill_down_to_one_office_of_the_agency_only(agency):
    client = agency["client"]
    url = reverse("wagtail_disclosure_admin:agency_office", args=[agency["a"].pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["office"].short_name == "สพป.ตัวอย่าง เขต ๑"
    agency["agency"].offices.set([agency["b"]])
    assert client.get(url).status_code == 404


def test_agency_member_reads_no_submission(agency):
    client = agency["client"]
    for name in ("complaints", "questions", "feedback_list", "personal_data", "approval_history"):
        response = client.get(reverse(f"wagtail_disclosure_admin:{name}"))
        assert response.status_code in (302, 403), name


def test_someone_outside_every_agency_is_refused(agency):
    client = Client(HTTP_HOST=HOST_A)
    client.force_login(get_user_model().objects.get(username="b_supervisor"))
    assert client.get(reverse("wagtail_disclosure_admin:agency")).status_code in (302, 403)
