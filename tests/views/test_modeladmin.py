"""The screens kept on wagtail-modeladmin (the catalogue, the compliance runs), used as an
administrator would."""

import pytest

from wagtail_disclosure.models import CatalogueItem

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url, expected",
    [
        ("/admin/disclosure/catalogue-editions/", "ita-2566"),
        ("/admin/disclosure/catalogue-items/", "โครงสร้างหน่วยงาน"),
    ],
)
def test_lists_show_the_catalogue(admin_client, url, expected):
    response = admin_client.get(url)
    assert response.status_code == 200
    assert expected in response.content.decode()


def test_catalogue_items_filter_by_edition_and_inspect(admin_client):
    item = CatalogueItem.objects.get(code="O21", edition__slug="ita-2566")
    html = admin_client.get(
        f"/admin/disclosure/catalogue-items/?needs_approval__exact=1&edition__id__exact={item.edition_id}"
    ).content.decode()
    assert "O21" in html and "O1<" not in html  # O1 needs no approval
    inspect = admin_client.get(f"/admin/disclosure/catalogue-items/inspect/{item.pk}/")
    assert inspect.status_code == 200
    assert "แบบ สขร.๑" in inspect.content.decode()  # the evidence expected


def test_compliance_runs_list_opens(admin_client):
    assert admin_client.get("/admin/disclosure/compliance-runs/").status_code == 200
