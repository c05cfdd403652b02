import csv
import io
import re

import pytest
from django.contrib.auth import get_user_model

from wagtail_disclosure.models import CatalogueEdition

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


def test_the_indicator_filter_lists_the_edition_and_keeps_the_choice(demo, supervisor):
    """The indicator select offers the office's edition in catalogue order (read once per
    process); the item chosen stays selected and filters the rows; an unknown one is refused."""
    edition = CatalogueEdition.objects.get(slug="ita-2566")
    items = list(edition.items.order_by("sort_order"))
    url = "/admin/disclosure/reports/oit-readiness/"
    html = supervisor.get(url).content.decode()
    select = re.search(r'<select name="indicator".*?</select>', html, re.S).group(0)
    values = re.findall(r'<option value="(\d*)"', select)
    assert values == [""] + [str(item.pk) for item in items]
    o7 = next(item for item in items if item.code == "O7")
    html = supervisor.get(url, {"indicator": o7.pk}).content.decode()
    assert f'<option value="{o7.pk}" selected>' in html
    rows = supervisor.get(url, {"indicator": o7.pk, "export": "csv"}).content.decode("utf-8-sig")
    assert [row[0] for row in csv.reader(io.StringIO(rows))][1:] == ["O7"]
    response = supervisor.get(url, {"indicator": 99999})
    assert response.status_code == 200
    assert f'<option value="{o7.pk}" selected>' not in response.content.decode()
