"""OIT readiness: what each catalogue item's published content says about it, and percentages.

Statuses follow the vocabulary of the สพม.หนองคาย OIT report of 2566 (ข้อมูลสมบูรณ์ /
เพิ่มเติมข้อมูลให้สมบูรณ์ / ปรับปรุงข้อมูลให้เป็นปัจจุบัน) and are derived from the content, never typed
in: an item is *missing* without live content, *needs update* when the freshness rule
(``catalogue.freshness``) says it is outdated, *needs more* when it must go through the
request-memo chain and none of the content that keeps it current did, else *complete*. So an item
counts complete only when it is current.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.approval.policy import approved_page_ids
from wagtail_disclosure.catalogue.freshness import (
    Freshness,
    ItemFreshness,
    freshness_of_pages,
    serves_fiscal_year,
)
from wagtail_disclosure.models import DisclosurePage, TransparencyHubPage, WorkGroup
from wagtail_disclosure.models.pages import edition_for_page
from wagtail_disclosure.numbers import percent
from wagtail_disclosure.thai.dates import fiscal_year, fiscal_year_range


class Status(models.TextChoices):
    COMPLETE = "complete", _("Complete")
    NEEDS_MORE = "needs_more", _("Needs more")
    NEEDS_UPDATE = "needs_update", _("Needs update")
    MISSING = "missing", _("Missing")


@dataclass(frozen=True)
class PageFact:
    """What a report needs to know of one live page."""

    pk: int
    title: str
    url: str
    date: datetime.date | None
    fiscal_year: int | None
    approved: bool = False
    group_id: int | None = None
    last_published_at: datetime.datetime | None = None


@dataclass
class ItemReadiness:
    item: object
    status: str
    reason: str
    pages: list = field(default_factory=list)
    group: object = None
    freshness: ItemFreshness = ItemFreshness(Freshness.MISSING)

    @property
    def status_label(self):
        return Status(self.status).label

    @property
    def urls(self):
        return [p.url for p in self.pages if p.url]

    @property
    def latest_date(self):
        dates = [p.date for p in self.pages if p.date]
        return max(dates) if dates else None


def classify(item, pages, today):
    """Status, reason and ``ItemFreshness`` of ``item`` on ``today``, given its live ``pages``
    (``PageFact``)."""
    freshness = freshness_of_pages(item, pages, today)
    if freshness.status == Freshness.MISSING:
        return Status.MISSING, freshness.reason, freshness
    if not freshness.is_current:
        return Status.NEEDS_UPDATE, freshness.reason, freshness
    year = fiscal_year(today)
    serving = [p for p in pages if serves_fiscal_year(item, p.fiscal_year, year)]
    if item.needs_approval and not any(p.approved for p in serving):
        reason = _("Published without approval through the request-memo chain.")
        return Status.NEEDS_MORE, reason, freshness
    return Status.COMPLETE, "", freshness


@dataclass
class Tally:
    label: str
    complete: int = 0
    total: int = 0
    counts: Counter = field(default_factory=Counter)

    @property
    def percent(self):
        return percent(self.complete, self.total)

    def add(self, row):
        self.total += 1
        self.counts[row.status] += 1
        if row.status == Status.COMPLETE:
            self.complete += 1


def indicator_code(section):
    """The ITA indicator a section belongs to: "9" for sections "9.1"…"9.6" (the สพม.หนองคาย OIT
    report of 2566 counts so)."""
    return str(section.code).split(".")[0]


def summarise(rows):
    """Tallies per section, per indicator (section code prefix) and overall, in catalogue order."""
    sections, indicators = {}, {}
    overall = Tally(str(_("Overall")))
    for row in rows:
        section = row.item.section
        if section.pk not in sections:
            sections[section.pk] = Tally(f"{section.code} {section.name}")
        code = indicator_code(section)
        if code not in indicators:
            indicators[code] = Tally(str(_("Indicator %(code)s") % {"code": code}))
        sections[section.pk].add(row)
        indicators[code].add(row)
        overall.add(row)
    return list(sections.values()), list(indicators.values()), overall


# --- gathering the facts from the content ---------------------------------------------------


def edition_for_site(site):
    """The edition the site's public hub shows (else the office's active one, else the default)."""
    hub = TransparencyHubPage.objects.live().descendant_of(site.root_page, inclusive=True).first()
    if hub is not None:
        return hub.active_edition
    return edition_for_page(site.root_page)


def page_facts_by_item(site, edition, request=None):
    """``{item_id: [PageFact, ...]}`` for the live pages of ``site`` answering ``edition``'s items.

    A fixed number of queries whatever the number of pages.
    """

    live = DisclosurePage.objects.live().descendant_of(site.root_page)
    through = DisclosurePage.catalogue_items.through
    links = list(
        through.objects.filter(
            disclosurepage__in=live.values("pk"), catalogueitem__edition=edition
        ).values_list("catalogueitem_id", "disclosurepage_id")
    )
    page_ids = {page_id for _item, page_id in links}
    pages = {
        p.pk: p
        for p in DisclosurePage.objects.filter(pk__in=page_ids).only(
            "id",
            "title",
            "url_path",
            "path",
            "depth",
            "date",
            "fiscal_year",
            "responsible_group_id",
            "live_revision_id",
            "last_published_at",
        )
    }
    approved = approved_page_ids(DisclosurePage.objects.filter(pk__in=page_ids))
    facts = {}
    for pk, page in pages.items():
        facts[pk] = PageFact(
            pk=pk,
            title=page.title,
            url=page.get_full_url(request) or "",
            date=page.date,
            fiscal_year=page.fiscal_year,
            approved=pk in approved,
            group_id=page.responsible_group_id,
            last_published_at=page.last_published_at,
        )
    by_item = {}
    for item_id, page_id in links:
        if page_id in facts:
            by_item.setdefault(item_id, []).append(facts[page_id])
    for item_pages in by_item.values():
        item_pages.sort(key=lambda p: (p.date or datetime.date.min, p.pk), reverse=True)
    return by_item


def as_of(fy, today):
    """The day readiness of fiscal year ``fy`` is read on: ``today`` while the year runs, else
    its last day (a year gone by) or its first (a year to come)."""
    first, last = fiscal_year_range(fy)
    return min(max(today, first), last)


def readiness(site, edition, fy=None, request=None, group=None, item=None, today=None):
    """One ``ItemReadiness`` per item of ``edition`` (optionally one group's or one item's).

    Read on ``as_of(fy, today)``. For a fiscal year gone by, the content of later years is left
    out: it is no evidence for that year.
    """
    today = today or timezone.localdate()
    fy = fy or fiscal_year(today)
    day = as_of(fy, today)
    facts = page_facts_by_item(site, edition, request)
    groups = {g.pk: g for g in WorkGroup.objects.filter(site=site)}
    by_code = {g.code: g for g in groups.values()}
    rows = []
    for catalogue_item in edition.items.select_related("section").order_by("sort_order"):
        if item is not None and catalogue_item.pk != item.pk:
            continue
        pages = facts.get(catalogue_item.pk, [])
        if day < today:
            pages = [p for p in pages if (p.fiscal_year or fy) <= fy]
        status, reason, freshness = classify(catalogue_item, pages, day)
        owners = Counter(p.group_id for p in pages if p.group_id)
        owner = (
            groups.get(owners.most_common(1)[0][0])
            if owners
            else by_code.get(catalogue_item.default_group_code)
        )
        if group is not None and (owner is None or owner.pk != group.pk):
            continue
        rows.append(ItemReadiness(catalogue_item, status, reason, pages, owner, freshness))
    return rows
