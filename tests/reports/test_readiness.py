"""Readiness figures computed from content equal the hand-computed ones, seed 003's included."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest

from wagtail_disclosure.models import CatalogueEdition, DisclosurePage
from wagtail_disclosure.reports.readiness import (
    Freshness,
    PageFact,
    Status,
    classify,
    freshness,
    percent,
    readiness,
    summarise,
)
from wagtail_disclosure.thai.dates import fiscal_year


def test_percent_cuts_off_like_seed_003():
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
    assert classify(_item(), [], 2567)[0] == Status.MISSING
    assert classify(_item(fiscal_year_bound=True), [_fact(fy=2566)], 2567)[0] == Status.NEEDS_UPDATE
    assert classify(_item(needs_approval=True), [_fact()], 2567)[0] == Status.NEEDS_MORE
    assert classify(_item(needs_approval=True), [_fact(approved=True)], 2567)[0] == Status.COMPLETE
    # an approved page of last year does not make a fiscal-year item complete
    bound = _item(needs_approval=True, fiscal_year_bound=True)
    assert classify(bound, [_fact(fy=2566, approved=True), _fact()], 2567)[0] == Status.NEEDS_MORE
    assert classify(_item(), [_fact(fy=2500)], 2567)[0] == Status.COMPLETE


def test_freshness_states():
    today = datetime.date(2024, 3, 1)  # FY 2567
    monthly = _item(update_months=1)
    assert freshness(monthly, [_fact(date=datetime.date(2024, 2, 20))], today)[0] == Freshness.DUE
    assert freshness(monthly, [_fact(date=datetime.date(2023, 12, 1))], today) == (
        Freshness.OVERDUE,
        datetime.date(2024, 1, 1),
    )
    yearly = _item(update_months=12)
    assert freshness(yearly, [_fact(date=datetime.date(2023, 11, 1))], today)[0] == Freshness.FRESH
    bound = _item(fiscal_year_bound=True)
    assert freshness(bound, [_fact(fy=2566)], today)[0] == Freshness.OVERDUE
    assert freshness(bound, [_fact(fy=2567)], today)[0] == Freshness.FRESH
    assert freshness(_item(), [], today) == (None, None)


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
def test_seed_003_example_reproduced_from_content(demo, publish, approve):
    """Seed 003: 20 of the 33 sub-indicators of indicator 9 (60.60%), 27 of all 43 (62.79%)."""
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
