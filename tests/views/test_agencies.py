"""Supervising agencies are created and edited in the admin (Settings), by administrators only;
what an agency's members then see follows what was saved there."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client, RequestFactory
from django.urls import reverse

from tests.utils.admin_forms import form_data
from tests.utils.offices import HOST_A, build_office_b
from wagtail_disclosure.models import Agency
from wagtail_disclosure.views.menus import agencies as agencies_menu_item

pytestmark = pytest.mark.django_db

INDEX = "/admin/disclosure/agencies/"
NEW = INDEX + "new/"


@pytest.fixture
def two_offices(demo):
    b = build_office_b()
    watcher = get_user_model().objects.create_user(
        "watcher", "watcher@obec.example", "x", first_name="สมศรี", last_name="เฝ้าดู"
    )
    watcher.groups.add(Group.objects.get(name="Supervisors"))  # admin access, no office role
    return {"a": demo["site"], "b": b["site"], "watcher": watcher}


def client_for(user):
    client = Client(HTTP_HOST=HOST_A)
    client.force_login(user)
    return client


def shown(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return agencies_menu_item().is_shown(request)


def test_admin_creates_an_agency_whose_member_then_sees_its_offices(admin_client, two_offices):
    form = admin_client.get(NEW)
    html = form.content.decode()
    assert form.status_code == 200
    assert "สพป.ตัวอย่าง เขต ๑ (localhost)" in html and "สพป.ข (127.0.0.1)" in html
    assert "watcher — สมศรี เฝ้าดู" in html
    data = form_data(html, form_id=None)
    data.update(
        name="สำนักงานศึกษาธิการภาค ๑",
        level="region",
        offices=[str(two_offices["a"].pk), str(two_offices["b"].pk)],
        members=[str(two_offices["watcher"].pk)],
    )
    assert admin_client.post(NEW, data).status_code == 302
    agency = Agency.objects.get(name="สำนักงานศึกษาธิการภาค ๑")
    assert set(agency.offices.all()) == {two_offices["a"], two_offices["b"]}
    listing = admin_client.get(INDEX).content.decode()
    assert "สำนักงานศึกษาธิการภาค ๑" in listing and "ภาค" in listing

    report = client_for(two_offices["watcher"]).get(reverse("wagtail_disclosure_admin:agency"))
    assert report.status_code == 200
    names = {str(row.office) for row in report.context["object_list"]}
    assert names == {"สพป.ตัวอย่าง เขต ๑", "สพป.ข"}


def test_editing_an_agency_changes_what_its_members_see(admin_client, two_offices):
    agency = Agency.objects.create(name="จังหวัดตัวอย่าง", level=Agency.Level.PROVINCE)
    agency.offices.set([two_offices["a"], two_offices["b"]])
    agency.members.add(two_offices["watcher"])
    edit = reverse("wagtail_disclosure_admin_agencies:edit", args=[agency.pk])
    data = form_data(admin_client.get(edit).content.decode(), form_id=None)
    assert sorted(data["offices"]) == sorted([str(two_offices["a"].pk), str(two_offices["b"].pk)])
    data["offices"] = [str(two_offices["b"].pk)]
    assert admin_client.post(edit, data).status_code == 302
    watcher = client_for(two_offices["watcher"])
    drill_down = reverse("wagtail_disclosure_admin:agency_office", args=[two_offices["a"].pk])
    assert watcher.get(drill_down).status_code == 404
    rows = watcher.get(reverse("wagtail_disclosure_admin:agency")).context["object_list"]
    assert [str(row.office) for row in rows] == ["สพป.ข"]


def test_an_agency_without_offices_is_refused_and_keeps_what_was_typed(admin_client, two_offices):
    data = form_data(admin_client.get(NEW).content.decode(), form_id=None)
    data.update(name="เขตตรวจราชการที่ ๙", level="region", members=[str(two_offices["watcher"].pk)])
    data.pop("offices", None)
    response = admin_client.post(NEW, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "จำเป็นต้องกรอก" in html or "ต้องระบุ" in html or "ฟิลด์นี้" in html
    assert 'value="เขตตรวจราชการที่ ๙"' in html
    assert not Agency.objects.filter(name="เขตตรวจราชการที่ ๙").exists()


def test_a_dedicated_permission_opens_the_screens_without_superuser(two_offices):
    manager = get_user_model().objects.create_user("agency_manager", "m@obec.example", "x")
    group = Group.objects.create(name="ผู้ดูแลหน่วยงานกำกับ")
    group.permissions.set(
        Permission.objects.filter(codename__in=["access_admin", "add_agency", "change_agency"])
    )
    manager.groups.add(group)
    assert shown(manager)
    assert client_for(manager).get(INDEX).status_code == 200
    assert client_for(manager).get(NEW).status_code == 200


@pytest.mark.parametrize(
    "username",
    ["supervisor", "director", "deputy", "groupdirector", "author", "publisher", "integrity",
     "b_director", "b_supervisor", "b_integrity", "watcher"],
)  # fmt: skip
def test_office_staff_and_agency_members_neither_see_nor_open_them(two_offices, username):
    agency = Agency.objects.create(name="สพฐ.", level=Agency.Level.AGENCY)
    agency.offices.set([two_offices["a"]])
    agency.members.add(two_offices["watcher"])
    user = get_user_model().objects.get(username=username)
    assert not shown(user)
    client = client_for(user)
    for url in (
        INDEX,
        NEW,
        reverse("wagtail_disclosure_admin_agencies:edit", args=[agency.pk]),
        reverse("wagtail_disclosure_admin_agencies:delete", args=[agency.pk]),
    ):
        assert client.get(url).status_code in (302, 403), url
    client.post(
        reverse("wagtail_disclosure_admin_agencies:edit", args=[agency.pk]),
        {"name": "ยึด", "level": "agency", "offices": [two_offices["b"].pk], "members": [user.pk]},
    )
    client.post(reverse("wagtail_disclosure_admin_agencies:delete", args=[agency.pk]))
    agency.refresh_from_db()
    assert agency.name == "สพฐ." and list(agency.offices.all()) == [two_offices["a"]]
    assert not agency.members.filter(pk=user.pk).exists() or username == "watcher"


def test_agency_permissions_are_offered_in_the_groups_screen(admin_client, demo):
    html = admin_client.get(reverse("wagtailusers_groups:add")).content.decode()
    add = Permission.objects.get(codename="add_agency")
    assert f'value="{add.pk}"' in html
