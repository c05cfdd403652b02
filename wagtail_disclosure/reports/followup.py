"""Publication follow-up per period: items per group, category, channel and month.

The website counts itself: every live disclosure page of the site dated inside the period is one
item. Other channels come from ``ChannelLog``. The announcements of สพป.สมุทรปราการ เขต 2 (31 พ.ค.
2561: follow-up every quarter), สพม.พะเยา (1 เม.ย. 2565: a tracking form per round) and สพป.ชุมพร
เขต 1 (2565: results per channel).
"""

from collections import Counter
from dataclasses import dataclass, field

from wagtail_disclosure.models import CatalogueItem, DisclosurePage, WorkGroup
from wagtail_disclosure.models.followup import Channel, ChannelLog
from wagtail_disclosure.thai.dates import fiscal_months


@dataclass
class FollowUp:
    period: object
    by_channel: Counter = field(default_factory=Counter)
    by_group: dict = field(default_factory=dict)  # group id (or None) -> Counter per channel
    by_item: dict = field(default_factory=dict)  # catalogue item id -> Counter per channel
    by_month: Counter = field(default_factory=Counter)  # (year, month) -> items on all channels
    groups: dict = field(default_factory=dict)
    items: dict = field(default_factory=dict)

    @property
    def total(self):
        return sum(self.by_channel.values())

    def group_rows(self):
        """``(group, counts, total)`` for every group of the office, in its order, then "no group"."""
        rows = [
            (
                g,
                self.by_group.get(g.pk, Counter()),
                sum(self.by_group.get(g.pk, Counter()).values()),
            )
            for g in self.groups.values()
        ]
        if self.by_group.get(None):
            rows.append((None, self.by_group[None], sum(self.by_group[None].values())))
        return rows

    def item_rows(self):
        return [
            (item, self.by_item[item.pk], sum(self.by_item[item.pk].values()))
            for item in self.items.values()
            if item.pk in self.by_item
        ]

    def month_rows(self):
        months = fiscal_months(self.period.year)
        start = (self.period.start.year, self.period.start.month)
        end = (self.period.end.year, self.period.end.month)
        return [(ym, self.by_month.get(ym, 0)) for ym in months if start <= ym <= end]


def followup(site, period, edition=None, group=None, item=None):
    """Counts of items published by ``site`` during ``period`` (a ``FiscalPeriod``)."""
    result = FollowUp(period)
    result.groups = {g.pk: g for g in WorkGroup.objects.filter(site=site)}
    items = CatalogueItem.objects.select_related("section").order_by("sort_order")
    if edition is not None:
        items = items.filter(edition=edition)
    result.items = {i.pk: i for i in items}

    pages = DisclosurePage.objects.live().descendant_of(site.root_page)
    pages = pages.filter(date__gte=period.start, date__lte=period.end)
    if group is not None:
        pages = pages.filter(responsible_group=group)
    if item is not None:
        pages = pages.filter(catalogue_items=item)
    page_rows = list(pages.values_list("pk", "responsible_group_id", "date"))
    through = DisclosurePage.catalogue_items.through
    page_items = {}
    for page_id, item_id in through.objects.filter(
        disclosurepage_id__in=[r[0] for r in page_rows]
    ).values_list("disclosurepage_id", "catalogueitem_id"):
        page_items.setdefault(page_id, []).append(item_id)
    for page_id, group_id, date in page_rows:
        _count(result, Channel.WEBSITE, group_id, page_items.get(page_id, []), date, 1)

    logs = ChannelLog.objects.filter(site=site, date__gte=period.start, date__lte=period.end)
    if group is not None:
        logs = logs.filter(work_group=group)
    if item is not None:
        logs = logs.filter(catalogue_item=item)
    for channel, group_id, item_id, date, quantity in logs.values_list(
        "channel", "work_group_id", "catalogue_item_id", "date", "quantity"
    ):
        _count(result, channel, group_id, [item_id] if item_id else [], date, quantity)
    return result


def _count(result, channel, group_id, item_ids, date, n):
    result.by_channel[channel] += n
    result.by_group.setdefault(group_id, Counter())[channel] += n
    for item_id in item_ids:
        if item_id in result.items:
            result.by_item.setdefault(item_id, Counter())[channel] += n
    result.by_month[(date.year, date.month)] += n


def channel_choices():
    return list(Channel.choices)
