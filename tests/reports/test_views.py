import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

REPORTS = [
    "oit-readiness",
    "itas",
    "follow-up",
    "tracking-forms",
    "workflow-turnaround",
    "freshness",
    "operating-calendar",
]


@pytest.fixture
def supervisor(client):
    client.force_login(get_user_model().objects.get(username="supervisor"))
    return client


@pytest.mark.parametrize("slug", REPORTS)
def test_supervisor_opens_every_report(demo, supervisor, slug):
    response = supervisor.get(f"/admin/disclosure/reports/{slug}/")
    assert response.status_code == 200, response.content[:2000]
    html = response.content.decode()
    assert "export=xlsx" in html and "export=csv" in html
    # the filters' results URL answers too (Wagtail refreshes filtered results through it)
    assert supervisor.get(f"/admin/disclosure/reports/{slug}/results/").status_code == 200


@pytest.mark.parametrize("username", ["author", "publisher"])
def test_editors_without_permission_are_refused(demo, client, username):
    client.force_login(get_user_model().objects.get(username=username))
    response = client.get("/admin/disclosure/reports/oit-readiness/")
    assert response.status_code in (302, 403)
    assert client.get("/admin/disclosure/reports/annual-report/").status_code in (302, 403)


def test_reports_menu_lists_them_for_the_supervisor(demo, supervisor):
    html = supervisor.get("/admin/").content.decode()
    assert "/admin/disclosure/reports/oit-readiness/" in html
    assert "/admin/disclosure/reports/annual-report/" in html
