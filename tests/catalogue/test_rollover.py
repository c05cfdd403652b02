"""``disclosure_rollover``: next year's hub with this year's content where it still counts, last
year's hub archived and still open, what each new item lacks; idempotent."""

import io

import pytest
import yaml
from django.core.management import call_command
from django.utils import translation

from wagtail_disclosure.catalogue.loader import load
from wagtail_disclosure.models import DisclosurePage, IndicatorPage, TransparencyHubPage
from wagtail_disclosure.reports.readiness import Status, edition_for_site, readiness
from wagtail_disclosure.thai.dates import fiscal_year

pytestmark = pytest.mark.django_db


def next_edition(tmp_path):
    """A list after ITA 2566: O1 and O3 merged, O7 (news) as is, O11 a fiscal-year report."""
    data = {
        "format": 2,
        "edition": {
            "slug": "ita-next",
            "framework": "ita",
            "name_th": "ITA ปีถัดไป",
            "year": fiscal_year(),
            "previous": "ita-2566",
        },
        "sections": [
            {
                "code": "1",
                "name_th": "ข้อมูลพื้นฐาน",
                "items": [
                    {
                        "code": "O1",
                        "name_th": "โครงสร้างและอำนาจหน้าที่",
                        "needs_approval": False,
                        "previous": ["O1", "O3"],
                    },
                    {"code": "O2", "name_th": "ข่าวประชาสัมพันธ์", "needs_approval": False,
                     "previous": ["O7"]},
                    {"code": "O3", "name_th": "รายงานผลการดำเนินงาน", "needs_approval": True,
                     "scope": "current_fy", "previous": ["O11"]},
                    {"code": "O4", "name_th": "รายการใหม่", "needs_approval": False,
                     "previous": []},
                ],
            }
        ],
    }  # fmt: skip
    path = tmp_path / "ita-next.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load(str(path)).edition


def test_rollover_builds_the_new_hub_links_what_counts_and_archives_last_year(
    demo, tmp_path, client
):
    site, old_hub = demo["site"], demo["hub"]
    old_url = old_hub.url_path
    edition = next_edition(tmp_path)
    o1_pages = set(
        DisclosurePage.objects.live()
        .filter(catalogue_items__code__in=["O1", "O3"], catalogue_items__edition__slug="ita-2566")
        .values_list("pk", flat=True)
    )
    assert o1_pages
    out = io.StringIO()
    with translation.override("en"):
        call_command("disclosure_rollover", "ita-next", "--site", str(site.pk), stdout=out)
    text = out.getvalue()

    new_hub = TransparencyHubPage.objects.live().order_by("-pk").first()
    assert new_hub.pk != old_hub.pk and new_hub.url_path == old_url
    assert edition_for_site(site) == edition
    assert sorted(IndicatorPage.objects.child_of(new_hub).values_list("item__code", flat=True)) == [
        "O1", "O2", "O3", "O4"
    ]  # fmt: skip
    new_o1 = edition.items.get(code="O1")
    assert set(new_o1.pages.live().values_list("pk", flat=True)) == o1_pages
    hub_rows = {r["item"].code: r for r in new_hub.get_hub_rows()}
    assert hub_rows["O1"]["count"] == len(o1_pages)  # the new hub shows last year's content
    # O11 had only last fiscal year's report: its scope (this fiscal year) does not count it
    assert not edition.items.get(code="O3").pages.exists()
    # last year's hub: archived, still open, still showing its own list
    old_hub.refresh_from_db()
    assert old_hub.live and old_hub.edition.slug == "ita-2566"
    assert old_hub.url_path != old_url and "archived" in old_hub.title
    response = client.get(old_hub.url)
    assert response.status_code == 200
    assert client.get(new_hub.url).status_code == 200
    # what each new item lacks
    assert "Indicator pages created: 4" in text
    rows = {r.item.code: r for r in readiness(site, edition)}
    assert rows["O4"].status == Status.MISSING, rows["O4"]
    assert "O3 [" in text and "O4 [" in text

    # idempotent
    before = (
        TransparencyHubPage.objects.count(),
        IndicatorPage.objects.count(),
        new_o1.pages.count(),
    )
    call_command("disclosure_rollover", "ita-next", stdout=io.StringIO())
    after = (
        TransparencyHubPage.objects.count(),
        IndicatorPage.objects.count(),
        new_o1.pages.count(),
    )
    assert after == before


def test_the_link_survives_the_next_edit(demo, tmp_path):
    edition = next_edition(tmp_path)
    call_command("disclosure_rollover", "ita-next", stdout=io.StringIO())
    page = edition.items.get(code="O2").pages.live().first().specific
    revision = page.save_revision()
    o2 = edition.items.get(code="O2")
    assert o2.pk in [i.pk for i in revision.as_object().catalogue_items.all()]
