"""The transparency hub: one row per catalogue item, with count, latest items and freshness."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from demo.models import HomePage
from tests.utils.admin_forms import form_data
from wagtail_disclosure.approval.policy import trusted_publication
from wagtail_disclosure.catalogue.freshness import freshness_of
from wagtail_disclosure.catalogue.loader import load
from wagtail_disclosure.models import (
    CatalogueItem,
    DocumentPage,
    IndicatorPage,
    OfficeProfile,
    Person,
    TransparencyHubPage,
    WorkGroup,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _content_published_as_setup():
    """The hub shows what is live, however it got there: the chain is tested in tests/workflows."""
    with trusted_publication():
        yield


def test_demo_hub_lists_all_43_indicators_in_thai(demo, client):
    response = client.get("/oit/")
    assert response.status_code == 200
    html = response.content.decode()
    codes = re.findall(r'id="item-(O\d+)"', html)
    assert codes == [f"O{n}" for n in range(1, 44)]
    assert "โครงสร้างหน่วยงาน" in html
    assert 'lang="th"' in html


def _row(html, code):
    return re.search(rf'<tr class="wd-item" id="item-{code}">(.*?)</tr>', html, re.S).group(1)


def test_hub_shows_links_and_last_updated_in_buddhist_era(demo, client):
    html = client.get("/oit/").content.decode()
    row = _row(html, "O1")
    assert 'href="/oit/o1/structure/"' in row
    updated = timezone.localtime(DocumentPage.objects.get(slug="structure").last_published_at)
    assert f"{updated.year + 543}" in re.search(r'class="wd-updated"[^>]*>([^<]+)<', row).group(1)


def test_hub_shows_citizens_no_internal_status(demo, client):
    """Readiness (missing / outdated / needs approval) is for the admin reports, not the public."""
    html = client.get("/oit/").content.decode()
    for internal in ("wd-missing", "wd-outdated", "wd-current", "⚠", "needs_more", "needs_update"):
        assert internal not in html
    # An item without content says so plainly, and O11 (last year's report only) looks like any other.
    assert "wd-none" in _row(html, "O43")
    assert "/oit/o11/" in _row(html, "O11")


def add_documents(indicator, count, start=datetime.date(2024, 1, 1), live=True):
    pages = []
    for n in range(count):
        page = DocumentPage(
            title=f"{indicator.item.code} เอกสาร {n}",
            slug=f"{indicator.slug}-doc-{indicator.get_children_count()}-{n}",
            date=start + datetime.timedelta(days=n),
            live=live,
        )
        indicator.add_child(instance=page)
        page.catalogue_items.set([indicator.item])
        page.save()  # a cluster relation is written when the page is saved
        pages.append(page)
    return pages


def rows_by_code(hub):
    return {row["item"].code: row for row in hub.get_hub_rows()}


def test_rows_count_live_pages_and_show_the_newest_few(demo, settings):
    settings.WAGTAIL_DISCLOSURE = {"HUB_LATEST_PER_ITEM": 2}
    o6 = IndicatorPage.objects.get(slug="o6")
    before = rows_by_code(demo["hub"])["O6"]["count"]
    pages = add_documents(o6, 4, start=datetime.date(2090, 1, 1))  # newer than the demo's
    add_documents(o6, 1, start=datetime.date(2095, 1, 1), live=False)  # a draft: not counted
    row = rows_by_code(demo["hub"])["O6"]
    assert row["count"] == before + 4
    assert [p.pk for p in row["latest"]] == [pages[3].pk, pages[2].pk]
    assert row["latest_date"] == pages[3].date
    assert row["indicator"].pk == o6.pk
    assert row["indicator"].url == row["indicator_url"] == o6.url


def test_a_page_answering_two_items_counts_for_both(demo):
    o6, o39 = IndicatorPage.objects.get(slug="o6"), IndicatorPage.objects.get(slug="o39")
    (page,) = add_documents(o6, 1)
    page.catalogue_items.add(o39.item)
    page.save()
    rows = rows_by_code(demo["hub"])
    assert page.pk in [p.pk for p in rows["O39"]["latest"]]


def test_hub_render_costs_the_same_queries_whatever_the_page_count(demo, client, settings):
    settings.WAGTAIL_DISCLOSURE = {"HUB_CACHE_SECONDS": 0}  # the full build, every time
    indicators = list(IndicatorPage.objects.filter(slug__in=["o1", "o6", "o39", "o43"]))
    for indicator in indicators:
        add_documents(indicator, 1)
    client.get("/oit/")  # warm the caches (site root paths) both measurements then share
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/oit/").status_code == 200
    few = len(captured)  # counted now: the next request resets the connection's log
    for indicator in indicators:
        add_documents(indicator, 8)
    with CaptureQueriesContext(connection) as captured:
        html = client.get("/oit/").content.decode()
    many = len(captured)
    assert 5 < few == many
    assert html.count("wd-more") >= 4  # the rest is paged on the indicator page


def item(**fields):
    return CatalogueItem(
        **{"code": "X", "fiscal_year_bound": False, "update_months": None, **fields}
    )


@pytest.mark.parametrize(
    "fields, latest, latest_fy, expected",
    [
        ({}, None, None, "missing"),
        ({}, datetime.date(2010, 1, 1), 2553, "current"),  # timeless: old is fine
        ({"fiscal_year_bound": True}, datetime.date(2023, 9, 30), 2566, "outdated"),
        ({"fiscal_year_bound": True}, datetime.date(2023, 10, 1), 2567, "current"),
        ({"fiscal_year_bound": True}, datetime.date(2023, 9, 20), 2567, "current"),  # plan for 2567
        # The hub once read "monthly" as "last month or this month" and disagreed with the
        # reports: the newest content now serves update_months from its date (catalogue.freshness).
        ({"update_months": 1}, datetime.date(2024, 2, 1), 2567, "outdated"),  # ended 1 Mar
        ({"update_months": 1}, datetime.date(2024, 1, 31), 2567, "outdated"),
        ({"update_months": 6}, datetime.date(2023, 9, 1), 2566, "outdated"),  # ended 1 Mar
        ({"update_months": 6}, datetime.date(2023, 8, 31), 2566, "outdated"),
        ({"update_months": 6}, datetime.date(2023, 10, 1), 2567, "due"),  # ends 1 Apr
    ],
)
def test_item_freshness(fields, latest, latest_fy, expected):
    """The hub's rows use the one freshness rule; its table is in tests/catalogue/test_freshness.py."""
    today = datetime.date(2024, 3, 15)  # FY 2567
    assert freshness_of(item(**fields), latest, latest_fy, today).status == expected


def test_rows_carry_the_freshness_of_the_day(demo):
    """O11 (only last fiscal year's report) is outdated, O43 has nothing, O1 never expires."""
    rows = {row["item"].code: row for row in demo["hub"].get_hub_rows(today=timezone.localdate())}
    assert rows["O11"]["freshness"].status == "outdated"
    assert rows["O43"]["freshness"].status == "missing"
    assert rows["O1"]["freshness"].status == "current"
    assert rows["O1"]["freshness_label"] == rows["O1"]["freshness"].label


@pytest.fixture
def second_office(demo, settings):
    """A second office on the same install: its own site, profile, groups, edition and hub."""
    settings.ALLOWED_HOSTS = ["*"]
    edition = load("obec-measures-18").edition
    root = demo["site"].root_page.get_parent()
    home = root.add_child(instance=HomePage(title="หน้าแรก เขต ๒", slug="office2"))
    site = Site.objects.create(hostname="office2.example", port=80, root_page=home)
    profile = OfficeProfile.for_site(site)
    profile.name, profile.short_name = "สพม.ตัวอย่าง", "สพม.ตัวอย่าง"
    profile.active_edition = edition
    profile.save()
    WorkGroup.create_defaults(site)
    hub = home.add_child(instance=TransparencyHubPage(title="ศูนย์ข้อมูล", slug="oit"))
    for it in edition.items.order_by("sort_order")[:3]:
        hub.add_child(instance=IndicatorPage(title=it.name_th, slug=it.code.lower(), item=it))
    user = get_user_model().objects.create_user("author2", password="x")
    user.groups.add(*get_user_model().objects.get(username="author").groups.all())
    Person.objects.create(site=site, user=user, full_name="ผู้เขียน เขต ๒", role=Person.Role.AUTHOR,
                          work_group=WorkGroup.objects.get(site=site, code="policy"))  # fmt: skip
    return {"site": site, "hub": hub, "edition": edition, "profile": profile}


def test_each_site_hub_lists_its_own_office_edition(second_office, client):
    html = client.get("/oit/", HTTP_HOST="office2.example").content.decode()
    codes = re.findall(r'id="item-([A-Z]+\d+)"', html)
    assert codes == [f"M{n}" for n in range(1, 19)]
    assert "สพม.ตัวอย่าง" in html
    first = client.get("/oit/", HTTP_HOST="localhost").content.decode()
    assert re.findall(r'id="item-(\w+)"', first)[:2] == ["O1", "O2"]
    assert "สพม.ตัวอย่าง" not in first


def test_each_site_keeps_its_own_groups_and_profile(second_office, demo):
    assert WorkGroup.objects.filter(site=second_office["site"]).count() == 10
    assert WorkGroup.objects.filter(site=demo["site"]).count() == 10
    assert OfficeProfile.for_site(demo["site"]).active_edition.slug == "ita-2566"
    assert second_office["hub"].active_edition == second_office["edition"]


def test_editor_form_offers_the_site_edition_and_site_groups(second_office, client):
    client.force_login(get_user_model().objects.get(username="admin"))
    indicator = IndicatorPage.objects.child_of(second_office["hub"]).first()
    html = client.get(
        f"/admin/pages/add/wagtail_disclosure/documentpage/{indicator.pk}/"
    ).content.decode()
    data = form_data(html)
    assert data["catalogue_items"] == str(indicator.item.pk)
    offered = re.findall(r'name="catalogue_items" value="(\d+)"', html)
    edition_items = {str(pk) for pk in second_office["edition"].items.values_list("pk", flat=True)}
    assert set(offered) == edition_items
    if indicator.item.default_group_code:
        group = WorkGroup.objects.get(pk=data["responsible_group"])
        assert group.site == second_office["site"]


def test_cached_hub_is_the_same_page_and_follows_publishing(demo, client):
    """The table comes from the cache until content is published or unpublished."""
    with CaptureQueriesContext(connection) as captured:
        first = client.get("/oit/").content.decode()
    built = len(captured)
    with CaptureQueriesContext(connection) as captured:
        again = client.get("/oit/").content.decode()
    without_token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
    assert without_token.sub("", again) == without_token.sub("", first)
    assert len(captured) < built

    o43 = IndicatorPage.objects.get(slug="o43")
    page = DocumentPage(title="รายงานการประเมินความเสี่ยง", slug="risk", date=datetime.date.today())
    o43.add_child(instance=page)
    page.catalogue_items.set([o43.item])
    page.save_revision().publish()
    html = client.get("/oit/").content.decode()
    assert "รายงานการประเมินความเสี่ยง" in _row(html, "O43")

    page.unpublish()
    html = client.get("/oit/").content.decode()
    assert "wd-none" in _row(html, "O43")


def test_hub_table_is_compiled_once_and_still_reads_the_database(
    demo, client, settings, monkeypatch
):
    """The table's query is compiled once per hub and edition (``compiled``), not per request;
    what it shows is read on every request all the same."""
    from wagtail_disclosure import compiled

    compiled.forget()
    monkeypatch.setattr(compiled, "VERIFY", False)  # as a site runs: built once
    settings.WAGTAIL_DISCLOSURE = {"HUB_CACHE_SECONDS": 0}
    built = []
    ranked_links = TransparencyHubPage._ranked_links

    def counted(self, *args):
        built.append(self.pk)
        return ranked_links(self, *args)

    monkeypatch.setattr(TransparencyHubPage, "_ranked_links", counted)
    assert "wd-none" in _row(client.get("/oit/").content.decode(), "O43")
    o43 = IndicatorPage.objects.get(slug="o43")
    add_documents(o43, 1)
    html = client.get("/oit/").content.decode()
    assert "O43 เอกสาร 0" in _row(html, "O43")
    assert built == [demo["hub"].pk]
