"""Approval requirements are policy: editions are read-only in the admin; an office's override
is a separate record with a reason, in force once the director (not the asker) confirms it, and
kept across reloads."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied

from wagtail_disclosure.approval.policy import requires_approval
from wagtail_disclosure.catalogue import effective
from wagtail_disclosure.catalogue.loader import load
from wagtail_disclosure.models import CatalogueItem, DisclosurePage, ItemOverride, Person

pytestmark = pytest.mark.django_db


def user(name):
    return get_user_model().objects.get(username=name)


def test_a_superuser_cannot_untick_needs_approval_in_the_admin(demo, client):
    admin = get_user_model().objects.filter(is_superuser=True).first()
    client.force_login(admin)
    o21 = CatalogueItem.objects.get(edition__slug="ita-2566", code="O21")
    assert o21.needs_approval
    url = f"/admin/disclosure/catalogue-items/edit/{o21.pk}/"
    response = client.get(url)
    assert response.status_code in (302, 403)
    client.post(url, {"code": "O21", "name_th": o21.name_th, "needs_approval": ""})
    o21.refresh_from_db()
    assert o21.needs_approval
    assert client.get("/admin/disclosure/catalogue-items/create/").status_code in (302, 403)


def test_an_override_takes_effect_only_when_the_director_confirms(demo):
    site = demo["site"]
    o21 = CatalogueItem.objects.get(edition__slug="ita-2566", code="O21")
    page = DisclosurePage.objects.live().filter(catalogue_items=o21).first()
    assert requires_approval(page)
    author = user("author")
    override = ItemOverride.objects.create(
        site=site, item=o21, needs_approval=False, reason="ประกาศสำนักงาน", requested_by=author
    )
    assert effective.needs_approval(o21, site) is True  # asked, not yet in force
    assert requires_approval(page)
    with pytest.raises(PermissionDenied):
        effective.confirm(override, author)  # not the asker
    override.refresh_from_db()
    assert override.confirmed_at is None
    director = Person.objects.filter(site=site, role=Person.Role.DIRECTOR).first().user
    effective.confirm(override, director)
    assert effective.needs_approval(o21, site) is False
    # The publication policy follows it, the section (the O21 indicator page) included.
    assert not requires_approval(DisclosurePage.objects.get(pk=page.pk))
    # a reload of the edition keeps it
    load("ita-2566")
    assert effective.needs_approval(CatalogueItem.objects.get(pk=o21.pk), site) is False


def test_the_asker_is_refused_even_with_the_right(demo, client):
    site = demo["site"]
    admin = get_user_model().objects.filter(is_superuser=True).first()
    o1 = CatalogueItem.objects.get(edition__slug="ita-2566", code="O1")
    override = ItemOverride.objects.create(
        site=site, item=o1, needs_approval=True, reason="เข้มงวดขึ้น", requested_by=admin
    )
    client.force_login(admin)
    url = f"/admin/disclosure/item-overrides/confirm/{override.pk}/"
    assert client.get(url).status_code == 200
    client.post(url)
    override.refresh_from_db()
    assert override.confirmed_at is None
    director = Person.objects.filter(site=site, role=Person.Role.DIRECTOR).first().user
    client.force_login(director)
    client.post(url)
    override.refresh_from_db()
    assert override.confirmed_by == director


def test_the_right_to_confirm_counts_only_in_the_holder_s_own_office(demo):
    """Another office's director, even holding ``confirm_itemoverride``, cannot confirm this
    office's override (as for the approval chain: the right counts where its holder acts)."""
    from django.contrib.auth.models import Permission

    from tests.utils.offices import build_office_b

    office_b = build_office_b()
    other = office_b["users"]["b_director"]
    other.user_permissions.add(Permission.objects.get(codename="confirm_itemoverride"))
    other = get_user_model().objects.get(pk=other.pk)  # permissions read afresh
    assert other.has_perm("wagtail_disclosure.confirm_itemoverride")
    o1 = CatalogueItem.objects.get(edition__slug="ita-2566", code="O1")
    override = ItemOverride.objects.create(
        site=demo["site"],
        item=o1,
        needs_approval=False,
        reason="ประกาศ",
        requested_by=user("author"),
    )
    with pytest.raises(PermissionDenied):
        effective.confirm(override, other)
    override.refresh_from_db()
    assert override.confirmed_at is None
