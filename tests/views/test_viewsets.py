"""The admin screens of the organisation (Wagtail viewsets), used as an administrator would,
and the history django-simple-history keeps of every change made there."""

import re

import pytest
from django.contrib.auth import get_user_model

from tests.utils.admin_forms import form_data
from wagtail_disclosure.models import OfficeProfile, Person, WorkGroup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url, expected",
    [
        ("/admin/disclosure/work-groups/", "กลุ่มนโยบายและแผน"),
        ("/admin/disclosure/people/", "นางสาวสุดา ใจดี"),
    ],
)
def test_lists_show_the_demo_office(admin_client, url, expected):
    response = admin_client.get(url)
    assert response.status_code == 200
    assert expected in response.content.decode()


def test_editing_a_work_group_is_saved_and_recorded(admin_client, demo):
    group = WorkGroup.objects.get(site=demo["site"], code="policy")
    url = f"/admin/disclosure/work-groups/edit/{group.pk}/"
    data = form_data(admin_client.get(url).content.decode(), form_id=None)
    assert data["code"] == "policy"
    data["name_en"] = "Policy and Planning Group"
    response = admin_client.post(url, data)
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.name_en == "Policy and Planning Group"
    last = group.history.first()
    assert last.history_type == "~" and last.name_en == "Policy and Planning Group"
    assert last.history_user.username == "admin"
    assert last.prev_record.name_en == "Policy and Planning"


def test_duplicate_group_code_on_one_site_is_refused(admin_client, demo):
    url = "/admin/disclosure/work-groups/new/"
    data = form_data(admin_client.get(url).content.decode(), form_id=None)
    data.update(site=str(demo["site"].pk), code="policy", name_th="ซ้ำ", sort_order="0")
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert WorkGroup.objects.filter(site=demo["site"], code="policy").count() == 1


def test_adding_a_person_is_recorded(admin_client, demo):
    url = "/admin/disclosure/people/new/"
    data = form_data(admin_client.get(url).content.decode(), form_id=None)
    group = WorkGroup.objects.get(site=demo["site"], code="finance")
    data.update(site=str(demo["site"].pk), full_name="นายใหม่ ทดสอบ", position="นักวิชาการเงิน",
                work_group=str(group.pk), role="author", active="on")  # fmt: skip
    assert admin_client.post(url, data).status_code == 302
    person = Person.objects.get(full_name="นายใหม่ ทดสอบ")
    (record,) = person.history.all()
    assert record.history_type == "+" and record.history_user.username == "admin"


def test_office_profile_is_a_site_setting_with_history(admin_client, demo):
    url = f"/admin/settings/wagtail_disclosure/officeprofile/{demo['site'].pk}/"
    html = admin_client.get(url).content.decode()
    data = form_data(html, form_id=None)
    assert data["short_name"] == "สพป.ตัวอย่าง เขต ๑"
    data["short_name"] = "สพป.ตัวอย่าง เขต ๒"
    assert admin_client.post(url, data).status_code == 302
    profile = OfficeProfile.for_site(demo["site"])
    assert profile.short_name == "สพป.ตัวอย่าง เขต ๒"
    assert profile.history.first().history_user.username == "admin"
    assert [h.short_name for h in profile.history.all()[:2]] == [
        "สพป.ตัวอย่าง เขต ๒",
        "สพป.ตัวอย่าง เขต ๑",
    ]


def test_editors_do_not_see_the_organisation_screens(client, demo):
    client.force_login(get_user_model().objects.get(username="author"))
    response = client.get("/admin/disclosure/people/")
    assert response.status_code in (302, 403)
    menu = client.get("/admin/").content.decode()
    assert not re.search(r"/admin/disclosure/people/", menu)
