"""Workflow turnaround: days from submission to publication per group, what is pending, refusals
with their reasons, and emergency publications.

Read from Wagtail's ``WorkflowState``/``TaskState`` and the publish log, so it works with any chain
of tasks. Emergency publications are recorded by the approval-chain module when it is installed
(model ``EmergencyPublication``); without it that part is simply empty.
"""

import datetime
import statistics
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState

from wagtail_disclosure.models import DisclosurePage, WorkGroup


@dataclass
class GroupTurnaround:
    group: object
    submitted: int = 0
    published: int = 0
    refused: int = 0
    pending: int = 0
    days: list = field(default_factory=list)

    @property
    def average_days(self):
        return round(statistics.mean(self.days), 1) if self.days else None

    @property
    def median_days(self):
        return round(statistics.median(self.days), 1) if self.days else None

    @property
    def max_days(self):
        return round(max(self.days), 1) if self.days else None


@dataclass
class Turnaround:
    groups: list
    pending: list
    refusals: list
    emergencies: list
    emergency_recording: bool


def _days(start, end):
    return round((end - start).total_seconds() / 86400, 1)


def turnaround(site, period, group=None, now=None):
    """Workflow figures for pages of ``site`` submitted during ``period`` (a ``FiscalPeriod``)."""
    now = now or timezone.now()
    pages = DisclosurePage.objects.descendant_of(site.root_page)
    if group is not None:
        pages = pages.filter(responsible_group=group)
    page_info = {
        str(pk): (pk, title, group_id)
        for pk, title, group_id in pages.values_list("pk", "title", "responsible_group_id")
    }
    groups = {g.pk: GroupTurnaround(g) for g in WorkGroup.objects.filter(site=site)}
    no_group = GroupTurnaround(None)
    start, end = aware_range(period)
    states = list(
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=list(page_info),
            created_at__gte=start,
            created_at__lt=end,
        )
        .select_related("current_task_state__task", "requested_by")
        .order_by("created_at")
    )
    published_at = _publication_times(states)
    pending = []
    for state in states:
        page_id, title, group_id = page_info[state.object_id]
        bucket = groups.get(group_id, no_group)
        bucket.submitted += 1
        if state.status == WorkflowState.STATUS_APPROVED:
            when = published_at.get(state.pk)
            if when:
                bucket.published += 1
                bucket.days.append(_days(state.created_at, when))
        elif state.status == WorkflowState.STATUS_IN_PROGRESS:
            bucket.pending += 1
            task_state = state.current_task_state
            pending.append(
                {
                    "page_id": page_id,
                    "title": title,
                    "task": task_state.task.name if task_state else "",
                    "submitted_at": state.created_at,
                    "requested_by": state.requested_by,
                    "waiting_days": _days(state.created_at, now),
                }
            )
    refusals = []
    for task_state in (
        TaskState.objects.filter(
            workflow_state__in=[s.pk for s in states], status=TaskState.STATUS_REJECTED
        )
        .select_related("task", "finished_by", "workflow_state")
        .order_by("finished_at")
    ):
        page_id, title, group_id = page_info[task_state.workflow_state.object_id]
        groups.get(group_id, no_group).refused += 1
        refusals.append(
            {
                "page_id": page_id,
                "title": title,
                "task": task_state.task.name,
                "by": task_state.finished_by,
                "at": task_state.finished_at,
                "reason": task_state.comment,
            }
        )
    emergencies, recording = emergency_publications(
        [info[0] for info in page_info.values()], start, end
    )
    rows = list(groups.values()) + ([no_group] if no_group.submitted else [])
    return Turnaround(rows, pending, refusals, emergencies, recording)


def aware_range(period):
    """The period as aware datetimes: from its first day's midnight to the day after its last."""
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(period.start, datetime.time(), tzinfo=tz)
    end = datetime.datetime.combine(period.end, datetime.time(), tzinfo=tz) + datetime.timedelta(
        days=1
    )
    return start, end


def _publication_times(states):
    """When each approved workflow's revision went live: its publish log entry, else its last approval."""
    approved = [s for s in states if s.status == WorkflowState.STATUS_APPROVED]
    revisions = {s.current_task_state.revision_id: s for s in approved if s.current_task_state}
    times = {}
    for revision_id, timestamp in PageLogEntry.objects.filter(
        action="wagtail.publish", revision_id__in=list(revisions)
    ).values_list("revision_id", "timestamp"):
        state = revisions[revision_id]
        if timestamp >= state.created_at:
            times[state.pk] = min(times.get(state.pk, timestamp), timestamp)
    for state in approved:
        if state.pk not in times and state.current_task_state:
            times[state.pk] = state.current_task_state.finished_at
    return {k: v for k, v in times.items() if v}


def emergency_publications(page_ids, start, end):
    """``(rows, recorded)``: emergency publications of these pages, if this install records them."""
    try:
        model = apps.get_model("wagtail_disclosure", "EmergencyPublication")
    except LookupError:
        return [], False
    rows = []
    for record in (
        model.objects.filter(page_id__in=page_ids, created_at__gte=start, created_at__lt=end)
        .select_related("page")
        .order_by("created_at")
    ):
        rows.append(
            {
                "page_id": record.page_id,
                "title": record.page.title,
                "by": getattr(record, "published_by", None),
                "at": record.created_at,
                "reason": getattr(record, "reason", ""),
                "reviewed_at": getattr(record, "reviewed_at", None),
            }
        )
    return rows, True
