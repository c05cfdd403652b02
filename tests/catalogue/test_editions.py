"""The editions that ship: each loads, ``ita-2568`` maps to ``ita-2566`` item by item, and a rollover
of the demo office from ITA 2566 to ITA 2568 (and on to the year after) keeps the content whose
scope still counts, archives each year's hub, and reports what the new items lack."""

import io

import pytest
import yaml
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from wagtail_disclosure.approval.policy import trusted_publication
from wagtail_disclosure.catalogue import shipped_editions
from wagtail_disclosure.catalogue.loader import load, parse, resolve
from wagtail_disclosure.models import (
    CatalogueEdition,
    CorruptionComplaintPage,
    DisclosurePage,
    DocumentPage,
    FeedbackPage,
    IndicatorPage,
    OfficeProfile,
    TransparencyHubPage,
)
from wagtail_disclosure.reports.readiness import Status, edition_for_site, readiness
from wagtail_disclosure.thai.dates import fiscal_year

pytestmark = pytest.mark.django_db


def _items(data):
    """Every item of a parsed file, parts included, depth first."""

    def walk(sections):
        for section in sections:
            for item in section["items"]:
                yield item
                yield from item["parts"]
            yield from walk(section["sections"])

    return list(walk(data["sections"]))


@pytest.mark.parametrize("slug", shipped_editions())
def test_every_shipped_edition_parses_and_names_its_source(slug):
    data = parse(resolve(slug))
    assert data["edition"]["slug"] == slug
    assert data["edition"].get("source"), slug
    assert _items(data)


def test_ita_2568_loads_with_its_mapping_to_ita_2566():
    result = load("ita-2568")
    edition = result.edition
    assert edition.previous.slug == "ita-2566" and edition.year == 2568
    top = edition.items.filter(parent__isnull=True).order_by("sort_order")
    assert [i.code for i in top] == [f"O{n}" for n in range(1, 27)]
    # Structure and powers (ITA 2566's O1 and O3) are one item of two parts, each assessed.
    o1 = edition.items.get(code="O1")
    assert [p.code for p in o1.parts.order_by("sort_order")] == ["O1.1", "O1.2"]
    assert not o1.previous_items.exists()

    def previous(code):
        return sorted(edition.items.get(code=code).previous_items.values_list("code", flat=True))

    assert previous("O1.1") == ["O1"] and previous("O1.2") == ["O3"]
    assert previous("O12") == ["O19", "O20", "O21"]  # several old items into one
    assert previous("O26") == ["O37", "O38"]
    assert all(
        i.edition.slug == "ita-2566"
        for item in edition.items.all()
        for i in item.previous_items.all()
    )
    # The sections nest under the two indicators, as readiness counts them.
    assert sorted(edition.sections.filter(parent__isnull=True).values_list("code", flat=True)) == [
        "10",
        "9",
    ]
    # Reloading changes nothing.
    again = load("ita-2568")
    assert not again.created and again.edition.items.count() == edition.items.count()


def _page(indicator_code, slug, title, date, edition="ita-2566"):
    indicator = IndicatorPage.objects.get(item__code=indicator_code, item__edition__slug=edition)
    page = DocumentPage(title=title, slug=slug, date=date)
    with trusted_publication():
        indicator.add_child(instance=page)
        page.catalogue_items.set([indicator.item])
        page.save_revision().publish()
    return page


def _linked(edition, code):
    return set(
        DisclosurePage.objects.live()
        .filter(catalogue_items__edition=edition, catalogue_items__code=code)
        .values_list("pk", flat=True)
    )


def _old(code):
    return _linked(CatalogueEdition.objects.get(slug="ita-2566"), code)


def test_rollover_from_ita_2566_to_ita_2568_keeps_what_still_counts(demo):
    site, old_hub = demo["site"], demo["hub"]
    today = timezone.localdate()
    fy = fiscal_year(today)
    # Last fiscal year's annual report answers ITA 2568's O7 (the previous fiscal year); the one of
    # the year before does not. Last year's procurement report, the same for O13.
    report = _page("O13", "annual-report", "รายงานผลการดำเนินงานประจำปี", today)
    DocumentPage.objects.filter(pk=report.pk).update(fiscal_year=fy - 1)
    stale = _page("O22", "procurement-report-old", "รายงานผลการจัดซื้อจัดจ้าง", today)
    DocumentPage.objects.filter(pk=stale.pk).update(fiscal_year=fy - 2)
    plan_last_year = _old("O11")  # the demo's plan of last fiscal year
    assert plan_last_year
    structure = DocumentPage.objects.get(slug="structure")
    old_addresses = {
        "structure": structure.url,
        "o43": IndicatorPage.objects.get(item__code="O43").url,
        "o1": IndicatorPage.objects.get(item__code="O1").url,
    }
    edition = load("ita-2568").edition

    out = io.StringIO()
    call_command("disclosure_rollover", "ita-2568", "--site", str(site.pk), stdout=out)

    assert edition_for_site(site) == edition
    assert OfficeProfile.for_site(site).active_edition == edition
    new_hub = TransparencyHubPage.objects.live().order_by("-pk").first()
    assert new_hub.pk != old_hub.pk and new_hub.edition == edition
    assert IndicatorPage.objects.child_of(new_hub).count() == edition.items.count() == 28
    # Any time: structure and powers into O1's two parts, executives, contact.
    assert _linked(edition, "O1.1") == _old("O1")
    assert _linked(edition, "O1.2") == _old("O3")
    assert _linked(edition, "O2") == _old("O2") and _linked(edition, "O3") == _old("O5")
    # This fiscal year: the news of this year; last year's plan is no answer to O6.
    news = {pk for pk in _old("O7") if DisclosurePage.objects.get(pk=pk).fiscal_year >= fy}
    assert news and _linked(edition, "O4") == news
    assert not _linked(edition, "O6") & plan_last_year
    # The previous fiscal year: last year's report counts, the year before's does not.
    assert _linked(edition, "O7") == {report.pk}
    assert stale.pk not in _linked(edition, "O13")
    # The public channels count while live, whatever their date.
    complaint = CorruptionComplaintPage.objects.live().get(path__startswith=site.root_page.path)
    feedback = FeedbackPage.objects.live().get(path__startswith=site.root_page.path)
    assert complaint.pk in _linked(edition, "O18") and feedback.pk in _linked(edition, "O20")

    rows = {r.item.code: r for r in readiness(site, edition)}
    assert rows["O1"].status == Status.COMPLETE, rows["O1"].reason
    assert rows["O10"].status == Status.COMPLETE  # e-services listed in the online presence
    assert rows["O6"].status != Status.COMPLETE and rows["O6"].reason
    assert "O6 [" in out.getvalue()

    # The archive keeps ITA 2566, dated, open to the public, with its banner.
    old_hub.refresh_from_db()
    assert old_hub.archived_on == today and old_hub.edition.slug == "ita-2566"
    client = Client()
    archive = client.get(old_hub.url)
    html = archive.content.decode()
    assert archive.status_code == 200 and "data-wd-archived" in html
    assert new_hub.url in html  # "see the current list"
    old_o7 = IndicatorPage.objects.child_of(old_hub).get(item__code="O7")
    assert "data-wd-archived" in client.get(old_o7.url).content.decode()
    # The new hub and its indicator pages show last year's content that still counts.
    current = client.get(new_hub.url).content.decode()
    assert "data-wd-archived" not in current
    assert "ดูข้อย่อยด้านล่าง" in current  # O1 is answered by its parts, listed under it
    assert "บริการอิเล็กทรอนิกส์ (O10)" in current  # the new list's code for e-services
    assert "บริการอิเล็กทรอนิกส์ (O18)" in html  # the archive keeps ITA 2566's
    new_o7 = IndicatorPage.objects.child_of(new_hub).get(item__code="O7")
    assert report.title in client.get(new_o7.url).content.decode()
    # O1's page (the address the ITAS export gives for O1) shows its parts' content and links.
    new_o1 = IndicatorPage.objects.child_of(new_hub).get(item__code="O1")
    o1_html = client.get(new_o1.url).content.decode()
    for pk in _old("O1") | _old("O3"):
        assert DisclosurePage.objects.get(pk=pk).title in o1_html
    o1_1 = IndicatorPage.objects.child_of(new_hub).get(item__code="O1.1")
    assert o1_1.url in o1_html
    # Last year's addresses keep working: content moved with the archive redirects to it, an
    # indicator the new list dropped redirects to the archive's, the new hub's own stay its own.
    moved = client.get(old_addresses["structure"])
    assert moved.status_code == 301
    assert moved["Location"] == DocumentPage.objects.get(pk=structure.pk).url
    assert moved["Location"].startswith(old_hub.url)
    dropped = client.get(old_addresses["o43"])
    assert dropped.status_code == 301 and dropped["Location"].startswith(old_hub.url)
    assert client.get(old_addresses["o1"]).status_code == 200  # ITA 2568's O1 now


def _year_after(tmp_path, previous="ita-2568"):
    data = {
        "format": 2,
        "edition": {
            "slug": "ita-after",
            "framework": "ita",
            "name_th": "ITA ปีถัดไป",
            "year": fiscal_year() + 1,
            "previous": previous,
        },
        "sections": [
            {
                "code": "9",
                "name_th": "การเปิดเผยข้อมูล",
                "items": [
                    {"code": "O1", "name_th": "โครงสร้าง หน้าที่และอำนาจ", "needs_approval": False,
                     "previous": ["O1.1", "O1.2"]},
                    {"code": "O2", "name_th": "ข่าวประชาสัมพันธ์", "needs_approval": False,
                     "scope": "current_fy", "previous": ["O4"]},
                ],
            }
        ],
    }  # fmt: skip
    path = tmp_path / "ita-after.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load(str(path)).edition


def test_two_rollovers_in_a_row_stack_the_archives(demo, tmp_path):
    site = demo["site"]
    load("ita-2568")
    call_command("disclosure_rollover", "ita-2568", stdout=io.StringIO())
    after = _year_after(tmp_path)
    call_command("disclosure_rollover", "ita-after", "--site", str(site.pk), stdout=io.StringIO())
    call_command("disclosure_rollover", "ita-after", stdout=io.StringIO())  # idempotent

    hubs = list(TransparencyHubPage.objects.live().order_by("pk"))
    assert len(hubs) == 3
    first, second, current = hubs
    assert first.archived_on and second.archived_on and current.archived_on is None
    assert (first.edition.slug, second.edition.slug, current.edition.slug) == (
        "ita-2566",
        "ita-2568",
        "ita-after",
    )
    assert first.url_path != second.url_path != current.url_path
    # Both archives point readers to the current list.
    assert first.current_hub() == second.current_hub() == current
    # Content of ITA 2566's O1 and O3, carried into ITA 2568's parts, carried on again.
    assert _linked(after, "O1") == _old("O1") | _old("O3")
    assert _linked(after, "O2") and _linked(after, "O2") <= _old("O7")
