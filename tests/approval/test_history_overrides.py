"""The approval-history report lists the office's changes to which items need approval."""

import pytest
from django.contrib.auth import get_user_model

from wagtail_disclosure.catalogue import effective
from wagtail_disclosure.models import CatalogueItem, ItemOverride, Person

pytestmark = pytest.mark.django_db


def test_history_lists_overrides_and_who_confirmed_them(demo, client):
    site = demo["site"]
    author = get_user_model().objects.get(username="author")
    director = Person.objects.filter(site=site, role=Person.Role.DIRECTOR).first().user
    o21 = CatalogueItem.objects.get(edition__slug="ita-2566", code="O21")
    override = ItemOverride.objects.create(
        site=site, item=o21, needs_approval=False, reason="ประกาศสำนักงาน ๒๕๖๘", requested_by=author
    )
    client.force_login(director)
    html = client.get("/admin/disclosure/approval/history/").content.decode()
    assert "data-disclosure-overrides" in html and "ประกาศสำนักงาน ๒๕๖๘" in html
    assert "ยังไม่ได้ยืนยัน" in html
    effective.confirm(override, director)
    html = client.get("/admin/disclosure/approval/history/").content.decode()
    assert "ยังไม่ได้ยืนยัน" not in html and "ยืนยันโดย" in html
