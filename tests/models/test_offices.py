"""Who acts for which office is read once per request, and never answers from a stale read.

Every admin screen asks, for each menu item and each check, whether the user acts for the office
and in which role; on an install of several offices those answers come from the user's ``Person``
records, the sites and the agencies. They are read once per user object (as Django keeps a user's
permissions) and read again as soon as any of them changes in this process.
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from demo.models import HomePage
from wagtail_disclosure.models import Agency, Person
from wagtail_disclosure.models.offices import acts_for, has_role, offices_of, single_office_id
from wagtail_disclosure.views.permissions import may_view_agency

pytestmark = pytest.mark.django_db

REPORT = "/admin/disclosure/reports/oit-readiness/"


@pytest.fixture
def office_b(demo):
    home = Page.get_first_root_node().add_child(instance=HomePage(title="หน้าแรก ข", slug="b"))
    return Site.objects.create(hostname="127.0.0.1", port=80, root_page=home, site_name="b")


def reads_of(queries, table):
    """The queries that read ``table`` as their main table."""
    return [q["sql"] for q in queries if f'FROM "{table}"' in q["sql"].split(" WHERE ")[0]]


def role_checks(queries):
    """The reads of people that ask who holds a role where (not a person's own record)."""
    return [
        sql
        for sql in reads_of(queries, "wagtail_disclosure_person")
        if sql.startswith('SELECT 1 AS "a"') or '"wagtail_disclosure_person"."role" AS' in sql
    ]


@pytest.mark.parametrize(
    "username, url", [("supervisor", REPORT), ("author", "/admin/"), ("director", "/admin/")]
)
def test_an_admin_screen_reads_the_users_offices_and_roles_once(client, office_b, username, url):
    client.force_login(get_user_model().objects.get(username=username))
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    assert len(role_checks(ctx.captured_queries)) <= 1
    assert len(reads_of(ctx.captured_queries, "wagtail_disclosure_agency")) <= 1
    assert len(reads_of(ctx.captured_queries, "wagtail_disclosure_officeprofile")) <= 1
    if url == "/admin/":
        return  # Wagtail's own dashboard panels read the site of the user's pages, one each
    # Wagtail finds the site of the host name (one read); the user's offices are one more.
    assert len(reads_of(ctx.captured_queries, "wagtailcore_site")) <= 2


def test_a_role_given_or_taken_counts_at_once_for_the_same_user(demo, office_b):
    user = get_user_model().objects.create_user("newcomer", "n@example.org", "x")
    assert not has_role(user, office_b, [Person.Role.SUPERVISOR])
    assert not acts_for(user, office_b)
    person = Person.objects.create(
        site=office_b, user=user, full_name="ผู้มาใหม่", role=Person.Role.SUPERVISOR
    )
    assert has_role(user, office_b, [Person.Role.SUPERVISOR])
    assert not has_role(user, office_b, [Person.Role.DIRECTOR])
    assert acts_for(user, office_b) and list(offices_of(user)) == [office_b]
    person.active = False
    person.save()
    assert not has_role(user, office_b, [Person.Role.SUPERVISOR])
    assert not acts_for(user, office_b)
    person.delete()
    assert not acts_for(user, office_b)


def test_an_agency_membership_counts_at_once(demo):
    user = get_user_model().objects.create_user("watcher", "w@example.org", "x")
    assert not may_view_agency(user)
    agency = Agency.objects.create(name="สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน")
    agency.members.add(user)
    assert may_view_agency(user)
    agency.members.remove(user)
    assert not may_view_agency(user)


def test_the_single_office_follows_sites_added_and_removed(demo):
    assert single_office_id() == demo["site"].pk
    home = Page.get_first_root_node().add_child(instance=HomePage(title="หน้าแรก ค", slug="c"))
    site = Site.objects.create(hostname="c.example", port=80, root_page=home)
    assert single_office_id() is None
    site.delete()
    assert single_office_id() == demo["site"].pk
