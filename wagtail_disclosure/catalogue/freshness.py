"""Is a catalogue item current? The one rule behind the public hub, the indicator pages, OIT
readiness, the freshness report and the ITAS export, so that they never disagree.

The announcements want published information "correct, clear, complete and current" (ถูกต้อง
ชัดเจน ครบถ้วน เป็นปัจจุบัน: the สพป.สมุทรปราการ เขต 2 announcement of 31 พ.ค. 2561; the สพป.ปทุมธานี เขต 1
announcement of 5 ก.ค. 2565 asks those who prepare it to keep it so). The สพม.หนองคาย OIT report of
2566 wants many items "within the fiscal year" and marks stale ones ปรับปรุงข้อมูลให้เป็นปัจจุบัน. What
"current" means for one item comes from its catalogue rules:

- ``fiscal_year_bound``: content of fiscal year N serves until the end of N (30 September). Content
  of a later year serves too (a plan published before its year begins).
- ``update_months``: the newest content serves that many months from its date (5 Feb + 1 month =
  5 Mar; 31 Jan + 1 month = 29 Feb).
- neither: any content serves for ever.

``next_update``, the date the next update is expected, is the earlier of those ends. On a given
day the item is

- *missing* without live content;
- *outdated* once ``next_update`` has passed (on the day itself it still serves);
- *due* when ``next_update`` is at most ``DUE_DAYS`` (30) days away;
- *current* otherwise, or when nothing ever expires.

*Due* is still current (readiness counts it complete): it only warns that the update is near, in
time for the quarterly follow-up of the สพป.สมุทรปราการ เขต 2 announcement. A monthly item is due for
most of every month: that is what monthly means.

The status needs two figures of the item's live content, its newest date and its newest fiscal
year, so the hub can compute them in SQL for every item at once. The rule knows no models: an item
is anything with ``fiscal_year_bound`` and ``update_months``, a page anything with ``date`` and
``fiscal_year``.
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.thai.dates import (
    add_months,
    fiscal_year,
    fiscal_year_range,
    format_thai_date,
)

DUE_DAYS = 30


class Freshness(models.TextChoices):
    CURRENT = "current", _("Up to date")
    DUE = "due", _("Update due soon")
    OUTDATED = "outdated", _("Needs updating")
    MISSING = "missing", _("No content yet")


@dataclass(frozen=True)
class ItemFreshness:
    """An item's status on one day, the date its next update is expected and, when it is not
    current, why."""

    status: Freshness
    next_update: datetime.date | None = None
    reason: str = ""

    @property
    def label(self):
        return Freshness(self.status).label

    @property
    def is_current(self):
        return self.status in (Freshness.CURRENT, Freshness.DUE)


def serves_fiscal_year(item, content_fiscal_year, year):
    """Whether content of ``content_fiscal_year`` can keep ``item`` current in fiscal ``year``."""
    return not item.fiscal_year_bound or (content_fiscal_year or 0) >= year


def freshness_of(item, newest_date, newest_fiscal_year, today=None):
    """``ItemFreshness`` of ``item`` on ``today`` from its live content's newest date and newest
    fiscal year (both ``None`` without content)."""
    today = today or timezone.localdate()
    if newest_date is None:
        return ItemFreshness(Freshness.MISSING, reason=_("Nothing published for this item."))
    newest_fiscal_year = newest_fiscal_year or fiscal_year(newest_date)
    year_ends = fiscal_year_range(newest_fiscal_year)[1] if item.fiscal_year_bound else None
    interval_ends = add_months(newest_date, item.update_months) if item.update_months else None
    ends = [end for end in (year_ends, interval_ends) if end is not None]
    if not ends:
        return ItemFreshness(Freshness.CURRENT)
    next_update = min(ends)
    if next_update < today:
        if year_ends is not None and year_ends < today:
            reason = _("Nothing published for fiscal year %(year)s.") % {"year": fiscal_year(today)}
        else:
            reason = _(
                "Newest content is dated %(date)s; the next update was expected by %(due)s."
            ) % {"date": _date(newest_date), "due": _date(next_update)}
        return ItemFreshness(Freshness.OUTDATED, next_update, reason)
    if (next_update - today).days <= DUE_DAYS:
        return ItemFreshness(Freshness.DUE, next_update)
    return ItemFreshness(Freshness.CURRENT, next_update)


def freshness_of_pages(item, pages, today=None):
    """``freshness_of`` for ``item`` answered by ``pages`` (each with ``date`` and ``fiscal_year``)."""
    newest_date = max((p.date for p in pages if p.date), default=None)
    newest_fiscal_year = max((p.fiscal_year for p in pages if p.fiscal_year), default=None)
    return freshness_of(item, newest_date, newest_fiscal_year, today)


def _date(value):
    return format_thai_date(value, "%-d %b %Y")
