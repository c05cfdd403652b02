"""Readiness figures computed from content equal the hand-computed ones, those of the สพม.หนองคาย
OIT report of 2566 included."""

import csv
import datetime
import io
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from tests.utils.offices import build_office_b
from wagtail_disclosure import compiled
from wagtail_disclosure.approval.policy import trusted_publication
from wagtail_disclosure.catalogue.freshness import Freshness, freshness_of_pages
from wagtail_disclosure.models import (
    CatalogueEdition,
    DisclosurePage,
    DocumentAttachment,
    EmergencyPublication,
    IndicatorPage,
    OnlinePresence,
    WorkGroup,
)
from wagtail_disclosure.numbers import percent
from wagtail_disclosure.reports.readiness import (
    PageFact,
    Status,
    classify,
    readiness,
    readiness_of_offices,
    summarise,
)
from wagtail_disclosure.thai.dates import fiscal_year

IN_FY_2567 = datetime.date(2024, 3, 1)


def freshness(item, pages, today):
    result = freshness_of_pages(item, pages, today)
    return result.status, result.next_update


def test_percent_cuts_off_like_the_nongkhai_oit_report():
    assert percent(27, 43) == Decimal("62.79")
    assert percent(20, 33) == Decimal("60.60")  # rounding would give 60.61
    assert percent(9, 10) == Decimal("90.00")
    assert percent(0, 0) == Decimal("0.00")


def _item(**kw):
    return SimpleNamespace(
        **{"needs_approval": False, "fiscal_year_bound": False, "update_months": None, **kw}
    )


def _fact(fy=2567, approved=False, date=datetime.date(2024, 1, 10)):
    return PageFact(pk=1, title="t", url="", date=date, fiscal_year=fy, approved=approved)


def test_classify_each_status():
    assert classify(_item(), [], IN_FY_2567)[0] == Status.MISSING
    assert (
        classify(_item(fiscal_year_bound=True), [_fact(fy=2566)], IN_FY_2567)[0]
        == Status.NEEDS_UPDATE
    )
    assert classify(_item(needs_approval=True), [_fact()], IN_FY_2567)[0] == Status.NEEDS_MORE
    assert (
        classify(_item(needs_approval=True), [_fact(approved=True)], IN_FY_2567)[0]
        == Status.COMPLETE
    )
    # an approved page of last year does not make a fiscal-year item complete
    bound = _item(needs_approval=True, fiscal_year_bound=True)
    assert (
        classify(bound, [_fact(fy=2566, approved=True), _fact()], IN_FY_2567)[0]
        == Status.NEEDS_MORE
    )
    assert classify(_item(), [_fact(fy=2500)], IN_FY_2567)[0] == Status.COMPLETE


def test_classify_counts_an_item_complete_only_when_current():
    monthly = _item(update_months=1, fiscal_year_bound=True)
    stale = _fact(date=datetime.date(2024, 1, 10))  # served until 10 Feb
    with translation.override("th"):
        status, reason, _freshness = classify(monthly, [stale], IN_FY_2567)
    assert status == Status.NEEDS_UPDATE
    assert "10 ม.ค. 2567" in reason and "10 ก.พ. 2567" in reason
    fresh = _fact(date=datetime.date(2024, 2, 20))  # serves until 20 Mar: due, still current
    assert classify(monthly, [stale, fresh], IN_FY_2567)[0] == Status.COMPLETE


def test_freshness_states():
    today = datetime.date(2024, 3, 1)  # FY 2567
    monthly = _item(update_months=1)
    assert freshness(monthly, [_fact(date=datetime.date(2024, 2, 20))], today)[0] == Freshness.DUE
    assert freshness(monthly, [_fact(date=datetime.date(2023, 12, 1))], today) == (
        Freshness.OUTDATED,
        datetime.date(2024, 1, 1),
    )
    yearly = _item(update_months=12)
    assert (
        freshness(yearly, [_fact(date=datetime.date(2023, 11, 1))], today)[0] == Freshness.CURRENT
    )
    bound = _item(fiscal_year_bound=True)
    assert freshness(bound, [_fact(fy=2566)], today)[0] == Freshness.OUTDATED
    assert freshness(bound, [_fact(fy=2567)], today)[0] == Freshness.CURRENT
    assert freshness(_item(), [], today) == (Freshness.MISSING, None)


@pytest.mark.django_db
def test_demo_content_statuses(demo):
    edition = CatalogueEdition.objects.get(slug="ita-2566")
    rows = {r.item.code: r for r in readiness(demo["site"], edition)}
    assert len(rows) == 43
    assert rows["O1"].status == Status.COMPLETE
    assert rows["O1"].urls and rows["O1"].urls[0].endswith("/oit/o1/structure/")
    assert rows["O11"].status == Status.NEEDS_UPDATE  # only last fiscal year's report
    assert rows["O21"].status == Status.NEEDS_MORE  # published without the approval chain
    assert rows["O43"].status == Status.MISSING


# the table of the สพม.หนองคาย OIT report of 2566 ("ผลการพิจารณากลั่นกรอง ข้อมูล OIT"): the items it marks
# ข้อมูลสมบูรณ์ (or ข้อมูลมีความสมบูรณ์ / ข้อมูลมีความสมบูรณ์ดี)
NONGKHAI_TABLE_COMPLETE = {
    *(f"O{n}" for n in range(1, 10)),
    "O11", "O18", "O19", "O20", "O22", "O27", "O29", "O31", "O33",
    *(f"O{n}" for n in range(35, 41)),
    "O42", "O43",
}  # fmt: skip


@pytest.mark.django_db
def test_nongkhai_oit_report_table_reproduced_from_content(demo, publish, approve):
    """The สพม.หนองคาย OIT report of 2566, reproduced from its own table: 26 of 43 (60.46 %).

    The report's summary figures cannot all be reproduced, because they contradict each other and
    the table: it says 27 of 43 complete overall (62.79 %), 20 of the 33 items of indicator 9
    (60.60 %) and 9 of the 10 of indicator 10 (90 %); but 20 + 9 = 29, not 27, and its table
    marks 26 items complete. The table also draws the line between the indicators after O30
    while the summary (and this edition) counts O1–O33 as indicator 9. So the test follows the
    table, item by item, and derives the per-indicator figures from it: 18 of 33 (54.54 %) and 8
    of 10 (80.00 %) — not the summary's.
    """
    edition = CatalogueEdition.objects.get(slug="ita-2566")
    complete = NONGKHAI_TABLE_COMPLETE
    assert len(complete) == 26
    items = {i.code: i for i in edition.items.all()}
    before = {r.item.code: r for r in readiness(demo["site"], edition)}
    for code, item in items.items():
        row = before[code]
        if code in complete and row.status != Status.COMPLETE:
            page = publish(code, fiscal_year=fiscal_year())
            if item.needs_approval:
                approve(page)
        elif code not in complete and row.status == Status.COMPLETE:
            for fact in row.pages:
                DisclosurePage.objects.get(pk=fact.pk).unpublish()
    rows = readiness(demo["site"], edition)
    sections, indicators, overall = summarise(rows)
    assert {r.item.code for r in rows if r.status == Status.COMPLETE} == complete
    assert (overall.complete, overall.total, overall.percent) == (26, 43, Decimal("60.46"))
    assert [(t.complete, t.total, t.percent) for t in indicators] == [
        (18, 33, Decimal("54.54")),
        (8, 10, Decimal("80.00")),
    ]
    assert sum(t.total for t in sections) == 43


# --- the rules of format 2 -------------------------------------------------------------------

MID_MARCH_2567 = datetime.date(2024, 3, 15)  # fiscal year 2567


def _rules(**kw):
    return _item(**{"scope": "", "min_count": 1, "formats": [], "languages": [], **kw})


def _on(day, fy=None):
    return _fact(fy=fy or fiscal_year(day), date=day)


@pytest.mark.parametrize(
    "scope, pages, status",
    [
        ("previous_fy", [_on(datetime.date(2023, 5, 1))], Status.COMPLETE),  # FY 2566
        ("previous_fy", [_on(datetime.date(2022, 5, 1))], Status.NEEDS_UPDATE),  # FY 2565
        ("academic_year", [_on(datetime.date(2023, 5, 20))], Status.COMPLETE),
        ("academic_year", [_on(datetime.date(2023, 5, 10))], Status.NEEDS_UPDATE),
        # before 1 April the previous year's six-month report still counts
        ("first_half_fy", [_on(datetime.date(2023, 4, 20))], Status.COMPLETE),
        ("first_half_fy", [_on(datetime.date(2023, 3, 20))], Status.NEEDS_UPDATE),
        # October–February have ended by mid-March: five months
        ("monthly", [_on(datetime.date(2023, m, 5)) for m in (10, 11, 12)]
         + [_on(datetime.date(2024, m, 5)) for m in (1, 2)], Status.COMPLETE),
        ("monthly", [_on(datetime.date(2023, m, 5)) for m in (10, 11, 12)], Status.NEEDS_MORE),
    ],
)  # fmt: skip
def test_scopes(scope, pages, status):
    assert classify(_rules(scope=scope), pages, MID_MARCH_2567)[0] == status


def test_what_is_missing_is_said_in_plain_thai():
    day = MID_MARCH_2567
    months = [_on(datetime.date(2023, m, 5)) for m in (10, 11)]
    with translation.override("th"):
        status, reason, _f = classify(_rules(scope="monthly"), months, day)
        assert status == Status.NEEDS_MORE and "2 จาก 5 เดือน" in reason
        status, reason, _f = classify(_rules(min_count=5), [_on(day)] * 3, day)
        assert status == Status.NEEDS_MORE and "3 จาก 5" in reason
        status, reason, _f = classify(
            _rules(scope="previous_fy"), [_on(datetime.date(2022, 5, 1))], day
        )
        assert status == Status.NEEDS_UPDATE and "ปีงบประมาณ 2566" in reason


@pytest.mark.django_db
def test_formats_languages_and_minimum_counts_on_real_pages(demo, publish):
    """O6 with rules of a later edition: at least 5 laws, in PDF and XLSX, in Thai and English."""
    edition = CatalogueEdition.objects.get(slug="ita-2566")
    edition.items.filter(code="O6").update(
        min_count=5, formats=["pdf", "xlsx"], languages=["th", "en"], needs_approval=False
    )
    publish("O6")
    with translation.override("th"):
        (row,) = readiness(demo["site"], edition, item=edition.items.get(code="O6"))
    assert row.status == Status.NEEDS_MORE
    assert "จาก 5" in row.reason
    assert "PDF" in row.reason and "XLSX" in row.reason
    assert "อังกฤษ" in row.reason and "ไทย" not in row.reason.split("ฉบับ")[-1]


@pytest.mark.django_db
def test_parts_and_alternatives(demo, publish):
    """An item with parts is complete when every part is; with alternatives, when one is."""
    edition = CatalogueEdition.objects.get(slug="ita-2566")
    o1, o3 = edition.items.get(code="O1"), edition.items.get(code="O3")
    o43 = edition.items.get(code="O43")
    edition.items.filter(pk__in=[o1.pk, o3.pk]).update(parent=o43)  # O43 = O1 and O3
    rows = {r.item.code: r for r in readiness(demo["site"], edition)}
    assert "O1" not in rows and [p.item.code for p in rows["O43"].parts] == ["O1", "O3"]
    expected = (
        Status.COMPLETE
        if all(p.status == Status.COMPLETE for p in rows["O43"].parts)
        else Status.NEEDS_MORE
    )
    assert rows["O43"].status == expected
    edition.items.filter(pk=o43.pk).update(parts_rule="any")
    rows = {r.item.code: r for r in readiness(demo["site"], edition)}
    any_complete = any(p.status == Status.COMPLETE for p in rows["O43"].parts)
    assert any_complete and rows["O43"].status == Status.COMPLETE


@pytest.mark.django_db
def test_items_the_site_answers_count_when_the_office_provides_them(demo):
    """O9 (social links) and O18 (e-services) are listed in the office's online presence."""
    edition = CatalogueEdition.objects.get(slug="ita-2566")
    presence = OnlinePresence.for_site(demo["site"])
    presence.social_links = []
    presence.e_services = []
    presence.save()
    DisclosurePage.objects.filter(catalogue_items__code__in=["O9", "O18"]).update(live=False)
    rows = {r.item.code: r for r in readiness(demo["site"], edition)}
    assert rows["O9"].status == rows["O18"].status == Status.MISSING
    presence.social_links = [
        ("link", {"platform": "facebook", "url": "https://facebook.com/example"})
    ]
    presence.e_services = [("service", {"name": "e-Office", "url": "https://e.example.go.th"})]
    presence.save()
    rows = {r.item.code: r for r in readiness(demo["site"], edition)}
    assert rows["O9"].status == rows["O18"].status == Status.COMPLETE
    assert rows["O9"].public_url  # the indicator page (or hub) that shows them


@pytest.mark.django_db
def test_submission_channels_count_while_live(demo):
    """O8's question board stays valid while live: its date is no reason to call it outdated."""
    edition = CatalogueEdition.objects.get(slug="ita-2566")
    DisclosurePage.objects.filter(catalogue_items__code="O8").update(
        date=datetime.date(2020, 1, 1), fiscal_year=2563
    )
    edition.items.filter(code="O8").update(fiscal_year_bound=True, update_months=12)
    (row,) = readiness(demo["site"], edition, item=edition.items.get(code="O8"))
    assert row.pages, "the demo has an O8 channel"
    assert row.status == Status.COMPLETE


def _queries(fn):
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_queries_do_not_grow_with_pages_or_offices(demo, publish):
    """A constant number of queries: 30 more pages, or two more offices, add none."""
    edition = CatalogueEdition.objects.get(slug="ita-2566")
    site = demo["site"]
    readiness(site, edition)  # the edition's items, read once (``CatalogueEdition.ordered_items``)
    one = _queries(lambda: readiness(site, edition))
    for n in range(30):
        publish("O7", title=f"ข่าว {n}")
    assert _queries(lambda: readiness(site, edition)) == one
    home = Page.objects.get(pk=site.root_page_id).get_parent()
    others = []
    for n in range(2):
        root = home.add_child(instance=Page(title=f"สำนักงาน {n}", slug=f"office-{n}"))
        others.append(Site.objects.create(hostname=f"office{n}.example", root_page=root))
    many = _queries(lambda: readiness_of_offices([site, *others], edition))
    assert many == one
    result = readiness_of_offices([site, *others], edition)
    assert [r.status for r in result[others[0].pk]] == [Status.MISSING] * 43
    assert [r.status for r in result[site.pk]] == [r.status for r in readiness(site, edition)]


@pytest.mark.django_db
def test_itas_gives_one_stable_url_and_never_yes_outside_the_scope(demo, client):
    """O11 has only last fiscal year's report: not "มี". Each row has its indicator's URL."""
    client.force_login(get_user_model().objects.get(username="supervisor"))
    response = client.get("/admin/disclosure/reports/itas/?export=csv")
    rows = {r[0]: r for r in csv.reader(io.StringIO(response.content.decode("utf-8-sig")))}
    assert rows["O11"][2] in ("No", "ไม่มี")
    assert rows["O11"][4]  # the explanation says what is missing
    assert rows["O1"][2] in ("Yes", "มี")
    assert rows["O1"][3].endswith("/oit/o1/")
    assert all("\n" not in r[3] and " " not in r[3] for r in rows.values())


# --- the figures read from the link table --------------------------------------------------------


def _only(edition, code, **rules):
    """``code``'s rules set to ``rules``, its demo pages taken offline: the test's pages alone."""
    edition.items.filter(code=code).update(
        **{"min_count": 1, "formats": [], "languages": [], "needs_approval": False, **rules}
    )
    DisclosurePage.objects.filter(catalogue_items__code=code).update(live=False)
    return edition.items.get(code=code)


def _row(demo, edition, item, today):
    with translation.override("en"):
        (row,) = readiness(demo["site"], edition, fiscal_year(today), item=item, today=today)
    return row


def _file(name):
    document = get_document_model()(title=name)
    document.file.save(name, ContentFile(b"%PDF-1.4\n%%EOF"), save=False)
    document.save()
    return document


@pytest.mark.django_db
def test_a_page_with_several_files_counts_once(demo, publish):
    """A page with a PDF and an XLSX answers both formats, and is one page of the two asked for."""
    edition = CatalogueEdition.objects.get(slug="ita-2566")
    item = _only(edition, "O6", min_count=2, formats=["pdf", "xlsx"])
    page = publish("O6", date=MID_MARCH_2567, fiscal_year=2567)
    for name in ("laws.pdf", "laws.xlsx"):
        DocumentAttachment.objects.create(page=page, document=_file(name))
    row = _row(demo, edition, item, MID_MARCH_2567)
    assert row.status == Status.NEEDS_MORE
    assert row.reason == "Only 1 of the 2 required."  # no format missing, one page


@pytest.mark.django_db
def test_months_count_once_whichever_group_published_them(demo, publish):
    """A monthly item: October from two groups and November is two months of the five ended by
    mid-March; the group with the most pages answers for the item."""
    edition = CatalogueEdition.objects.get(slug="ita-2566")
    item = _only(edition, "O7", scope="monthly", fiscal_year_bound=False, update_months=None)
    first, second = WorkGroup.objects.filter(site=demo["site"]).order_by("pk")[:2]
    for day, group in (((2023, 10, 5), first), ((2023, 10, 20), second), ((2023, 11, 5), first)):
        publish("O7", date=datetime.date(*day), fiscal_year=2567, responsible_group=group)
    row = _row(demo, edition, item, MID_MARCH_2567)
    assert row.status == Status.NEEDS_MORE
    assert row.reason == "Only 2 of 5 months published."
    assert row.group == first
    assert [p.date for p in row.pages] == [
        datetime.date(2023, 11, 5),
        datetime.date(2023, 10, 20),
        datetime.date(2023, 10, 5),
    ]


@pytest.mark.django_db
def test_approval_counts_for_the_live_revision_only(demo, publish, approve):
    """A workflow that approved an earlier revision, or an emergency publication nobody confirmed,
    is no approval; a confirmed emergency publication of the live revision is."""
    edition = CatalogueEdition.objects.get(slug="ita-2566")
    item = _only(edition, "O21", needs_approval=True)
    page = publish("O21", date=MID_MARCH_2567, fiscal_year=2567)
    approve(page)
    assert _row(demo, edition, item, MID_MARCH_2567).status == Status.COMPLETE
    with trusted_publication():
        page.title = "เอกสารทดสอบ O21 แก้ไข"
        page.save_revision().publish()  # edited after the approval: not approved any more
    page.refresh_from_db()
    assert "request-memo chain" in _row(demo, edition, item, MID_MARCH_2567).reason
    director = get_user_model().objects.get(username="director")
    emergency = EmergencyPublication.objects.create(
        page=page, revision=page.live_revision, reason="ด่วน", published_by=director
    )
    assert _row(demo, edition, item, MID_MARCH_2567).status == Status.NEEDS_MORE
    emergency.review_confirmed = True
    emergency.save()
    row = _row(demo, edition, item, MID_MARCH_2567)
    assert row.status == Status.COMPLETE
    assert [p.approved for p in row.pages] == [True]


@pytest.mark.django_db
def test_the_office_links_are_read_twice(demo):
    """Once for every item's figures and groups, once for its newest pages: at 2,000 pages each
    read of the office's links costs about 3 ms on SQLite."""
    edition = CatalogueEdition.objects.get(slug="ita-2566")
    readiness(demo["site"], edition)
    with CaptureQueriesContext(connection) as ctx:
        readiness(demo["site"], edition)
    links = DisclosurePage.catalogue_items.through._meta.db_table
    reads = [q for q in ctx.captured_queries if links in q["sql"]]
    assert len(reads) == 2, [q["sql"][:120] for q in reads]


@pytest.mark.django_db
def test_an_office_reads_its_own_indicator_pages_and_hub_only(demo, monkeypatch):
    """One office's readiness reads its own indicator pages and hub, not those of every office of
    the install (245 offices: about 10,000 pages); the figures alone (the agency view) read
    neither."""
    build_office_b()
    edition = CatalogueEdition.objects.get(slug="ita-2566")
    root = Page.objects.get(pk=demo["site"].root_page_id).path
    elsewhere = IndicatorPage.objects.live().filter(item__edition=edition)
    assert elsewhere.exclude(path__startswith=root).exists(), "office B has indicator pages"
    read, real = {}, compiled.values

    def spy(key, build):
        read[key[0]] = real(key, build)
        return read[key[0]]

    monkeypatch.setattr(compiled, "values", spy)
    rows = readiness(demo["site"], edition)
    assert rows[0].public_url.endswith("/oit/o1/")
    assert len(read["readiness-indicators"]) == 43
    assert all(r["path"].startswith(root) for r in read["readiness-indicators"])
    assert read["readiness-hubs"]
    assert all(r["path"].startswith(root) for r in read["readiness-hubs"])
    read.clear()
    readiness_of_offices([demo["site"]], edition, pages=False)
    assert "readiness-indicators" not in read and "readiness-hubs" not in read
