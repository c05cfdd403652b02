"""What a rollover to a new edition would do to one office, before anyone confirms it.

The preview runs the real service (``office_setup.roll_over``) and readiness on its outcome inside
a transaction that is then rolled back: what the screen shows is exactly what confirming does —
which hub is archived under which address, how many indicator pages are created, and per new item
the content carried over and, in readiness's own words, what it still lacks. Nothing is kept;
the work queued for after a commit (search indexing) is dropped with the rollback.
"""

from dataclasses import dataclass, field

from django.db import transaction

from wagtail_disclosure.catalogue.rollover import current_hub
from wagtail_disclosure.office_setup import roll_over
from wagtail_disclosure.reports.readiness import Status, readiness


@dataclass(frozen=True)
class PreviewRow:
    code: str
    name: str
    is_part: bool
    carried: int  # pages last year's items bring to this item
    titles: tuple  # the newest of them
    status: str
    status_label: str
    reason: str

    @property
    def complete(self):
        return self.status == Status.COMPLETE


@dataclass
class RolloverPreview:
    edition: object
    hub_title: str
    hub_url: str
    old_edition: object
    archive_url: str
    archive_title: str
    already_done: bool
    created: int
    carried: int
    rows: list = field(default_factory=list)

    @property
    def complete(self):
        return sum(1 for r in self.rows if r.complete and not r.is_part)

    @property
    def total(self):
        return sum(1 for r in self.rows if not r.is_part)


class _DryRun(Exception):
    """Raised inside the preview's transaction to roll everything back."""


def preview(site, edition, today=None):
    """The ``RolloverPreview`` of moving ``site`` to ``edition``; the database is left as it was.
    ``RolloverError`` when the site has no hub."""
    hub = current_hub(site)
    old_edition = hub.active_edition if hub is not None else None
    outcome = {}
    try:
        with transaction.atomic():
            result = roll_over(site, edition, today=today)
            rows = readiness(site, edition, today=today)
            outcome["preview"] = RolloverPreview(
                edition=edition,
                hub_title=result.hub.title,
                hub_url=result.hub.get_url() or "",
                old_edition=old_edition,
                archive_url=(result.archive.get_url() or "") if result.archive is not None else "",
                archive_title=result.archive.title if result.archive is not None else "",
                already_done=result.already_done,
                created=len(result.created_indicators),
                carried=sum(result.linked.values()),
                rows=[r for row in rows for r in _rows(row, result.linked)],
            )
            raise _DryRun
    except _DryRun:
        pass
    return outcome["preview"]


def _rows(row, linked):
    """The preview rows of one item of readiness: the item, then each of its parts."""

    def one(r, carried, is_part):
        return PreviewRow(
            code=r.item.code,
            name=r.item.name,
            is_part=is_part,
            carried=carried,
            titles=tuple(p.title for p in r.pages[:3]),
            status=r.status,
            status_label=str(r.status_label),
            reason=str(r.reason),
        )

    parts = [one(p, linked.get(p.item.code, 0), True) for p in row.parts]
    carried = linked.get(row.item.code, 0) + sum(p.carried for p in parts)
    return [one(row, carried, False), *parts]
