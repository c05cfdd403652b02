"""The supervising agency's view: readiness of its offices side by side, and its trend per round.

The announcement of the supervising agency asks supervisors at every level (agency, region,
province) to monitor their offices' disclosure. This reads readiness only: live content per
catalogue item, through the one readiness rule (``reports.readiness``), for all the offices at
once: ``readiness_of_offices`` aggregates in SQL per office and item, so the number of queries
depends on the number of catalogue editions and rounds, never on the number of offices. An
office's figure is the figure of its own readiness report. It never touches submissions,
personal data or drafts.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from wagtail_disclosure.models import OfficeProfile
from wagtail_disclosure.numbers import percent
from wagtail_disclosure.reports.readiness import (
    Status,
    as_of,
    editions_of_offices,
    readiness_of_offices,
)
from wagtail_disclosure.thai.dates import FiscalPeriod, fiscal_year


@dataclass
class OfficeReadiness:
    site: object
    office: object
    percent: object = None
    rounds: list = field(default_factory=list)  # [(round, percent or None)]
    statuses: dict = field(default_factory=dict)  # {item code: Status}
    overdue: list = field(default_factory=list)  # item codes whose content is out of date

    @property
    def has_overdue(self):
        return bool(self.overdue)


def office_profiles(sites):
    """``{site.pk: OfficeProfile}`` in one query (a profile is created for an office without)."""
    profiles = {p.site_id: p for p in OfficeProfile.objects.filter(site__in=sites)}
    for site in sites:
        if site.pk not in profiles:
            profiles[site.pk] = OfficeProfile.for_site(site)
    return profiles


def round_days(fy, today):
    """``[(round, day or None)]``: the day each round of ``fy`` is read on (its last day, or
    today while it runs; ``None`` for a round to come)."""
    days = []
    for number in (1, 2):
        period = FiscalPeriod(fy, round=number)
        days.append((number, None if period.start > today else min(period.end, today)))
    return days


def agency_readiness(sites, fy=None, today=None):
    """One ``OfficeReadiness`` per office of ``sites`` (in name order), and the item codes.

    An office's percent and statuses are those of its readiness report for ``fy`` (read on
    ``as_of(fy, today)``); each round is read on its own last day.
    """
    today = today or timezone.localdate()
    fy = fy or fiscal_year(today)
    sites = list(sites)
    editions = editions_of_offices(sites)
    profiles = office_profiles(sites)
    by_edition = {}
    for site in sites:
        if editions[site.pk] is not None:
            by_edition.setdefault(editions[site.pk], []).append(site)
    report_day = as_of(fy, today)
    offices = {site.pk: OfficeReadiness(site, profiles[site.pk]) for site in sites}
    codes = {}  # the item codes in catalogue order, across the editions
    for number, day in round_days(fy, today):
        if day is None:
            for row in offices.values():
                row.rounds.append((number, None))
            continue
        results = {}
        for edition, members in by_edition.items():
            results.update(
                readiness_of_offices(members, edition, fy, today=today, pages=False, day=day)
            )
        for site in sites:
            rows = results.get(site.pk, [])
            row = offices[site.pk]
            # The report's overall figure (``summarise``): complete items of all its items.
            complete = sum(1 for r in rows if r.status == Status.COMPLETE)
            row.rounds.append((number, percent(complete, len(rows))))
            if day == report_day:  # the report's own reading: its figure, its statuses
                row.percent = row.rounds[-1][1]
                row.statuses = {r.item.code: r.status for r in rows}
                row.overdue = [r.item.code for r in rows if r.status == Status.NEEDS_UPDATE]
                codes.update((r.item.code, None) for r in rows)
    result = sorted(offices.values(), key=lambda r: str(r.office))
    return result, list(codes)
