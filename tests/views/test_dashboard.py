"""The officer's dashboard: their work group's items that are missing or out of date, linked."""

import pytest
from django.urls import reverse

from wagtail_disclosure.models import Person
from wagtail_disclosure.reports.readiness import Status, edition_for_site, readiness

pytestmark = pytest.mark.django_db


def test_the_panel_lists_the_groups_items_needing_attention(client, demo):
    person = Person.objects.filter(site=demo["site"], user__isnull=False).exclude(work_group=None)
    person = person.select_related("user", "work_group").first()
    rows = readiness(demo["site"], edition_for_site(demo["site"]), group=person.work_group)
    attention = [r for r in rows if r.status != Status.COMPLETE]
    complete = [r for r in rows if r.status == Status.COMPLETE]
    client.force_login(person.user)
    html = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="th").content.decode()
    assert "data-wd-group-items" in html
    panel = html.split("data-wd-group-items", 1)[1].split("</section>", 1)[0]
    assert attention or complete
    for row in attention:
        assert row.item.code in panel
    for row in complete:
        assert f">{row.item.code} " not in panel
