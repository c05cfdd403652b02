"""The admin's rollover screen: the office's supervisor picks next year's edition, sees per new item
what is carried over and what it still lacks (a dry run that changes nothing), confirms, and the
service of ``disclosure_rollover`` runs for the office they act for, once."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from tests.utils.admin_forms import form_data
from tests.utils.offices import HOST_B, build_office_b
from wagtail_disclosure.catalogue.loader import load
from wagtail_disclosure.models import (
    CatalogueEdition,
    DisclosurePage,
    IndicatorPage,
    TransparencyHubPage,
)

pytestmark = pytest.mark.django_db

URL = reverse("wagtail_disclosure_admin:rollover")


def client_for(username, host="localhost"):
    client = Client(HTTP_HOST=host)
    client.force_login(get_user_model().objects.get(username=username))
    return client


def state():
    """What a rollover would change: hubs, indicator pages, links to items."""
    return (
        list(TransparencyHubPage.objects.order_by("pk").values_list("pk", "slug", "edition_id")),
        IndicatorPage.objects.count(),
        DisclosurePage.catalogue_items.through.objects.count(),
    )


@pytest.fixture
def ita_2568(demo):
    return load("ita-2568").edition


def test_supervisor_previews_without_changing_anything(ita_2568):
    client = client_for("supervisor")
    page = client.get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert "ย้ายไปรายการของปีถัดไป" in html  # the screen is in Thai
    before = state()
    preview = client.get(URL, {"edition": ita_2568.pk})
    assert preview.status_code == 200
    html = preview.content.decode()
    assert state() == before  # a dry run: nothing kept
    rows = preview.context["preview"].rows
    assert [r.code for r in rows if not r.is_part] == [f"O{n}" for n in range(1, 27)]
    o1, o11, o12 = (next(r for r in rows if r.code == c) for c in ("O1", "O1.1", "O1.2"))
    assert o11.is_part and o12.is_part and o1.carried == o11.carried + o12.carried > 0
    o6 = next(r for r in rows if r.code == "O6")
    assert not o6.complete and o6.reason and o6.reason in html  # what it still lacks, in Thai
    assert 'data-code="O1.1"' in html and "data-wd-confirm-rollover" in html
    assert preview.context["preview"].created == 28


def test_confirming_runs_the_service_once(ita_2568, demo):
    client = client_for("supervisor")
    old_hub = demo["hub"]
    response = client.post(URL, {"edition": ita_2568.pk})
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtail_disclosure_admin:oit_readiness")
    new_hub = TransparencyHubPage.objects.live().order_by("-pk").first()
    assert new_hub.edition == ita_2568 and new_hub.pk != old_hub.pk
    old_hub.refresh_from_db()
    assert old_hub.archived_on is not None
    after = state()
    again = client.post(URL, {"edition": ita_2568.pk}, follow=True)
    assert state() == after  # idempotent
    assert any("อยู่แล้ว" in str(m) for m in again.context["messages"])  # said in Thai
    # Editors may add pages under the new hub, and the approval chain covers it.
    assert new_hub.group_permissions.filter(group__name="Editors").exists()
    assert new_hub.get_workflow() is not None


def test_people_without_the_permission_are_refused_and_nothing_changes(ita_2568):
    before = state()
    for username in ("author", "director"):
        client = client_for(username)
        assert client.get(URL).status_code in (302, 403)
        assert client.get(URL, {"edition": ita_2568.pk}).status_code in (302, 403)
        assert client.post(URL, {"edition": ita_2568.pk}).status_code in (302, 403)
    assert state() == before


def test_the_rollover_moves_only_the_office_acted_for(ita_2568, demo):
    office_b = build_office_b()
    a_hubs = list(
        TransparencyHubPage.objects.descendant_of(demo["site"].root_page).values_list(
            "pk", "slug", "edition_id"
        )
    )
    client = client_for("b_supervisor", host=HOST_B)
    assert client.post(URL, {"edition": ita_2568.pk}).status_code == 302
    assert (
        list(
            TransparencyHubPage.objects.descendant_of(demo["site"].root_page).values_list(
                "pk", "slug", "edition_id"
            )
        )
        == a_hubs
    )
    b_hubs = TransparencyHubPage.objects.descendant_of(office_b["home"]).order_by("pk")
    assert [h.edition.slug for h in b_hubs] == ["ita-2566", "ita-2568"]
    # Office B's O1 page carried into ITA 2568's structure part, in B only.
    o1_1 = ita_2568.items.get(code="O1.1")
    assert set(o1_1.pages.values_list("pk", flat=True)) == {office_b["page"].pk}


def test_editing_a_carried_page_keeps_both_links(ita_2568, demo):
    client_for("supervisor").post(URL, {"edition": ita_2568.pk})
    page = DisclosurePage.objects.get(slug="structure")  # under last year's archived hub
    codes = set(page.catalogue_items.values_list("edition__slug", "code"))
    assert codes == {("ita-2566", "O1"), ("ita-2568", "O1.1")}
    client = client_for("admin")
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = form_data(client.get(edit_url).content.decode())
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    revision = DisclosurePage.objects.get(pk=page.pk).latest_revision.as_object()
    assert {(i.edition.slug, i.code) for i in revision.catalogue_items.all()} == codes
    assert CatalogueEdition.objects.get(slug="ita-2568") == ita_2568
