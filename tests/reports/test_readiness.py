"""Readiness figures computed from content equal the hand-computed ones, those of the สพม.หนองคาย
OIT report of 2566 included."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import translation

from wagtail_disclosure.catalogue.freshness import Freshness, freshness_of_pages
from wagtail_disclosure.models import CatalogueEdition, DisclosurePage
from wagtail_disclosure.numbers import percent
from wagtail_disclosure.reports.readiness import PageFact, Status, classify, readiness, summarise
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


@pytest.mark.django_db
def test_nongkhai_oit_report_example_reproduced_from_content(demo, publish, approve):
    """The สพม.หนองคาย OIT report of 2566: 20 of the 33 sub-indicators of indicator 9 (60.60%), 27 of all 43 (62.79%)."""
    edition = CatalogueEdition.objects.get(slug="ita-2566")
    complete = {f"O{n}" for n in list(range(1, 21)) + list(range(34, 41))}
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
    assert (overall.complete, overall.total, overall.percent) == (27, 43, Decimal("62.79"))
    assert [(t.complete, t.total, t.percent) for t in indicators] == [
        (20, 33, Decimal("60.60")),
        (7, 10, Decimal("70.00")),
    ]
    assert sum(t.total for t in sections) == 43
    assert sum(t.complete for t in sections) == 27
