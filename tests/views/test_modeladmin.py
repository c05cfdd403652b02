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


def test_modeladmin_dates_are_buddhist_era(admin_client, demo):
    """Lists and inspect screens give their dates in B.E. (Django's format gave the C.E. year)."""
    import re

    from django.utils import timezone

    from wagtail_disclosure.models import CatalogueEdition, ComplianceRun

    loaded = timezone.localtime(CatalogueEdition.objects.get(slug="ita-2566").loaded_at)
    html = admin_client.get("/admin/disclosure/catalogue-editions/").content.decode()
    text = re.sub(r"<[^>]+>", " ", html)
    assert f"{loaded.year + 543}" in text and f"{loaded.day} " in text
    assert not re.search(rf"\b{loaded.year}\b", text)

    from wagtail_disclosure.compliance.engine import run_checks
    from wagtail_disclosure.models import DocumentPage

    run_checks(DocumentPage.objects.live().first(), "submit", record=True)
    run = ComplianceRun.objects.order_by("-pk").first()
    created = timezone.localtime(run.created_at)
    for url in (
        "/admin/disclosure/compliance-runs/",
        f"/admin/disclosure/compliance-runs/inspect/{run.pk}/",
    ):
        text = re.sub(r"<[^>]+>", " ", admin_client.get(url).content.decode())
        assert f"{created.year + 543}" in text, url
        assert not re.search(rf"\b{created.year}\b", text), url
