"""The supervising agency's view: readiness of its offices side by side, and its trend per round.

The announcement of the supervising agency asks supervisors at every level (agency, region,
province) to monitor their offices' disclosure. This reads readiness only: live content per
catalogue item, through ``office_readiness`` (the one call into the per-office readiness rule,
so a faster implementation can replace it in one place). It never touches submissions, personal
data or drafts.
"""

from dataclasses import dataclass, field

from django.utils import timezone

from wagtail_disclosure.models import OfficeProfile
from wagtail_disclosure.reports.readiness import Status, edition_for_site, readiness, summarise
from wagtail_disclosure.thai.dates import FiscalPeriod, fiscal_year


def office_readiness(site, fy, today):
    """The readiness rows of one office for fiscal year ``fy`` read on ``today``."""
    edition = edition_for_site(site)
    return readiness(site, edition, fy, today=today) if edition is not None else []


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


def agency_readiness(sites, fy=None, today=None):
    """One ``OfficeReadiness`` per office of ``sites`` (in name order), and the item codes."""
    today = today or timezone.localdate()
    fy = fy or fiscal_year(today)
    offices, codes = [], []
    for site in sites:
        row = OfficeReadiness(site, OfficeProfile.for_site(site))
        for number in (1, 2):
            period = FiscalPeriod(fy, round=number)
            if period.start > today:
                row.rounds.append((number, None))
                continue
            rows = office_readiness(site, fy, min(period.end, today))
            row.rounds.append((number, summarise(rows)[2].percent))
            if period.end >= today or number == 2:
                row.percent = summarise(rows)[2].percent
                row.statuses = {r.item.code: r.status for r in rows}
                row.overdue = [r.item.code for r in rows if r.status == Status.NEEDS_UPDATE]
                for r in rows:
                    if r.item.code not in codes:
                        codes.append(r.item.code)
        offices.append(row)
    offices.sort(key=lambda r: str(r.office))
    return offices, codes
