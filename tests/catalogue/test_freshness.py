"""One freshness rule: a table over dates and item kinds, and every view agreeing with it.

The table gives, for an item's catalogue rules (fiscal-year bound or not, expected update every
N months) and the dates and fiscal years of its live content, the one status on a given day and
the date the next update is expected. The second test builds that content as real pages and asks
every place that shows freshness (the public hub, the indicator page, OIT readiness, the
freshness report and the ITAS export) what it says about the item on that same day.
"""

import csv
import io
from datetime import date
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory

from wagtail_disclosure.approval.policy import trusted_publication
from wagtail_disclosure.catalogue.freshness import Freshness, freshness_of
from wagtail_disclosure.models import CatalogueItem, DocumentPage, IndicatorPage
from wagtail_disclosure.reports.readiness import Status, readiness
from wagtail_disclosure.views.reports.freshness import FreshnessView
from wagtail_disclosure.views.reports.itas import ITASExportView

CURRENT, DUE, OUTDATED, MISSING = (
    Freshness.CURRENT,
    Freshness.DUE,
    Freshness.OUTDATED,
    Freshness.MISSING,
)
MID_MARCH = date(2024, 3, 15)  # fiscal year 2567: 1 Oct 2023 – 30 Sep 2024
THIS_FY, LAST_FY = 2567, 2566

# case id: (fiscal-year bound, update every N months, content as [(date, fiscal year)], the day,
#           the status, the date the next update is expected)
CASES = {
    # no content
    "nothing, timeless item": (False, None, [], MID_MARCH, MISSING, None),
    "nothing, yearly item of the fiscal year": (True, 12, [], MID_MARCH, MISSING, None),
    # neither bound nor expected to change: any content keeps it current
    "timeless, content of 2553": (False, None, [(date(2010, 1, 1), 2553)], MID_MARCH, CURRENT, None),
    # fiscal-year bound: content of this fiscal year (or a later one) serves until 30 Sep
    "bound, previous fiscal year": (
        True, None, [(date(2023, 9, 30), LAST_FY)], MID_MARCH, OUTDATED, date(2023, 9, 30)
    ),
    "bound, this fiscal year": (
        True, None, [(date(2023, 10, 1), THIS_FY)], MID_MARCH, CURRENT, date(2024, 9, 30)
    ),
    "bound, this year's plan dated before it began": (
        True, None, [(date(2023, 9, 20), THIS_FY)], MID_MARCH, CURRENT, date(2024, 9, 30)
    ),
    "bound, year ends within 30 days": (
        True, None, [(date(2023, 10, 1), THIS_FY)], date(2024, 9, 15), DUE, date(2024, 9, 30)
    ),
    "bound, last day of the fiscal year": (
        True, None, [(date(2023, 10, 1), THIS_FY)], date(2024, 9, 30), DUE, date(2024, 9, 30)
    ),
    "bound, first day of the next fiscal year": (
        True, None, [(date(2023, 10, 1), THIS_FY)], date(2024, 10, 1), OUTDATED, date(2024, 9, 30)
    ),
    "bound, last year's report newer than this year's plan": (
        True,
        12,
        [(date(2023, 11, 1), THIS_FY), (date(2024, 1, 20), LAST_FY)],
        MID_MARCH,
        CURRENT,
        date(2024, 9, 30),
    ),
    # monthly: the newest content serves one month
    "monthly, 5 Feb on 15 Mar": (
        False, 1, [(date(2024, 2, 5), THIS_FY)], MID_MARCH, OUTDATED, date(2024, 3, 5)
    ),
    "monthly, bound, 5 Feb on 15 Mar": (
        True, 1, [(date(2024, 2, 5), THIS_FY)], MID_MARCH, OUTDATED, date(2024, 3, 5)
    ),
    "monthly, exactly on the deadline": (
        False, 1, [(date(2024, 2, 15), THIS_FY)], MID_MARCH, DUE, date(2024, 3, 15)
    ),
    "monthly, a day past the deadline": (
        False, 1, [(date(2024, 2, 14), THIS_FY)], MID_MARCH, OUTDATED, date(2024, 3, 14)
    ),
    "monthly, bound, this month's": (
        True, 1, [(date(2024, 3, 1), THIS_FY)], MID_MARCH, DUE, date(2024, 4, 1)
    ),
    "monthly, 31 Jan serves to 29 Feb": (
        False, 1, [(date(2024, 1, 31), THIS_FY)], date(2024, 3, 1), OUTDATED, date(2024, 2, 29)
    ),
    # quarterly (the follow-up of the สพป.สมุทรปราการ เขต 2 announcement of 31 พ.ค. 2561)
    "quarterly, 5 Feb on 15 Mar": (
        False, 3, [(date(2024, 2, 5), THIS_FY)], MID_MARCH, CURRENT, date(2024, 5, 5)
    ),
    "quarterly, exactly on the deadline": (
        False, 3, [(date(2023, 12, 15), THIS_FY)], MID_MARCH, DUE, date(2024, 3, 15)
    ),
    "quarterly, a day past the deadline": (
        False, 3, [(date(2023, 12, 14), THIS_FY)], MID_MARCH, OUTDATED, date(2024, 3, 14)
    ),
    # half-yearly
    "half-yearly, bound, this fiscal year": (
        True, 6, [(date(2024, 1, 10), THIS_FY)], MID_MARCH, CURRENT, date(2024, 7, 10)
    ),
    "half-yearly, bound, previous fiscal year": (
        True, 6, [(date(2023, 9, 15), LAST_FY)], MID_MARCH, OUTDATED, date(2023, 9, 30)
    ),
    "half-yearly, not bound, exactly on the deadline": (
        False, 6, [(date(2023, 9, 15), LAST_FY)], MID_MARCH, DUE, date(2024, 3, 15)
    ),
    # yearly
    "yearly, bound, this fiscal year": (
        True, 12, [(date(2023, 11, 1), THIS_FY)], MID_MARCH, CURRENT, date(2024, 9, 30)
    ),
    "yearly, bound, previous fiscal year, within 12 months": (
        True, 12, [(date(2023, 9, 1), LAST_FY)], MID_MARCH, OUTDATED, date(2023, 9, 30)
    ),
    "yearly, not bound, in time": (
        False, 12, [(date(2023, 6, 1), LAST_FY)], MID_MARCH, CURRENT, date(2024, 6, 1)
    ),
    "yearly, not bound, a day late": (
        False, 12, [(date(2023, 3, 14), LAST_FY)], MID_MARCH, OUTDATED, date(2024, 3, 14)
    ),
}  # fmt: skip


def _kind(bound, months):
    return SimpleNamespace(fiscal_year_bound=bound, update_months=months)


@pytest.mark.parametrize("case", CASES)
def test_the_rule(case):
    bound, months, content, day, status, next_update = CASES[case]
    newest_date = max((d for d, _fy in content), default=None)
    newest_fy = max((fy for _d, fy in content), default=None)
    result = freshness_of(_kind(bound, months), newest_date, newest_fy, today=day)
    assert (result.status, result.next_update) == (status, next_update)
    assert result.is_current == (status in (CURRENT, DUE))
    assert str(result.label) == str(Freshness(status).label)


# --- every view, on real pages -------------------------------------------------------------

READINESS = {
    CURRENT: Status.COMPLETE,
    DUE: Status.COMPLETE,
    OUTDATED: Status.NEEDS_UPDATE,
    MISSING: Status.MISSING,
}


@pytest.fixture
def o43(demo):
    """The demo's O43 (no content in the demo) with the case's rules; no approval needed, so
    that readiness turns on freshness alone."""
    indicator = IndicatorPage.objects.get(slug="o43", item__edition__slug="ita-2566")

    def _set_up(bound, months, content):
        CatalogueItem.objects.filter(pk=indicator.item_id).update(
            fiscal_year_bound=bound, update_months=months, needs_approval=False
        )
        for n, (day, fy) in enumerate(content):
            page = DocumentPage(title=f"เอกสาร O43 ฉบับที่ {n}", slug=f"o43-{n}", date=day)
            page.fiscal_year = fy
            with trusted_publication():  # content that went live earlier, however it got there
                indicator.add_child(instance=page)
                page.catalogue_items.set([indicator.item])
                page.save_revision().publish()
        indicator.refresh_from_db()
        indicator.item.refresh_from_db()
        return indicator

    return _set_up


def _report(view_class, day, **params):
    request = RequestFactory().get("/", params)
    request.user = get_user_model().objects.get(username="supervisor")
    return view_class.as_view(today=day)(request)


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES)
def test_every_view_says_the_same(demo, o43, case):
    bound, months, content, day, status, _next_update = CASES[case]
    indicator = o43(bound, months, content)
    item = indicator.item
    label = str(Freshness(status).label)

    hub_row = next(r for r in demo["hub"].get_hub_rows(today=day) if r["item"].pk == item.pk)
    assert str(hub_row["freshness_label"]) == label, "hub"

    assert indicator.freshness(today=day).status == status, "indicator page"

    (row,) = readiness(demo["site"], item.edition, item=item, today=day)
    assert row.status == READINESS[status], "OIT readiness"

    report = _report(FreshnessView, day).context_data["object_list"]
    states = {r["row"].item.code: r["state"] for r in report}
    assert states.get("O43") == (None if status == MISSING else status), "freshness report"

    export = _report(ITASExportView, day, export="csv").content.decode("utf-8-sig")
    (itas,) = [r for r in csv.reader(io.StringIO(export)) if r[0] == "O43"]
    assert itas[5] == label, "ITAS export"
