"""Follow-up and turnaround figures equal hand-computed ones."""

import datetime

import pytest
from django.utils import timezone

from wagtail_disclosure.models import ChannelLog, WorkGroup
from wagtail_disclosure.models.followup import Channel
from wagtail_disclosure.reports.followup import followup
from wagtail_disclosure.reports.turnaround import turnaround
from wagtail_disclosure.thai.dates import FiscalPeriod, fiscal_year

pytestmark = pytest.mark.django_db

PAST_FY = 2560  # nothing of the demo lies in FY 2560 (Oct 2016 – Sep 2017)


def test_counts_per_group_channel_category_and_month(demo, publish):
    site = demo["site"]
    policy = WorkGroup.objects.get(site=site, code="policy")
    legal = WorkGroup.objects.get(site=site, code="legal")
    q1 = datetime.date(2016, 11, 15)  # FY 2560 quarter 1
    q3 = datetime.date(2017, 5, 2)  # FY 2560 quarter 3, round 2
    publish("O4", date=q1, responsible_group=policy)
    publish("O6", date=q3, responsible_group=legal)
    publish("O6", date=q3, responsible_group=legal)
    ChannelLog.objects.create(
        site=site, channel="facebook", date=q1, quantity=12, work_group=policy
    )
    ChannelLog.objects.create(site=site, channel="line", date=q3, quantity=5, work_group=legal)
    ChannelLog.objects.create(
        site=site, channel="radio", date=datetime.date(2017, 10, 1), quantity=9
    )

    year = followup(site, FiscalPeriod(PAST_FY))
    assert year.by_channel == {Channel.WEBSITE: 3, "facebook": 12, "line": 5}
    assert year.total == 20
    assert year.by_group[policy.pk] == {Channel.WEBSITE: 1, "facebook": 12}
    assert year.by_group[legal.pk] == {Channel.WEBSITE: 2, "line": 5}
    o6 = next(i for i in year.items.values() if i.code == "O6")
    assert year.by_item[o6.pk] == {Channel.WEBSITE: 2}
    months = dict(year.month_rows())
    assert len(months) == 12 and months[(2016, 11)] == 13 and months[(2017, 5)] == 7

    round2 = followup(site, FiscalPeriod(PAST_FY, round=2))
    assert round2.total == 7
    quarter1 = followup(site, FiscalPeriod(PAST_FY, quarter=1), group=policy)
    assert quarter1.total == 13 and list(dict(quarter1.month_rows())) == [
        (2016, 10),
        (2016, 11),
        (2016, 12),
    ]


def test_turnaround_days_pending_and_refusals(demo, publish, approve):
    from django.contrib.auth import get_user_model
    from wagtail.models import Task, TaskState, WorkflowState

    site = demo["site"]
    policy = WorkGroup.objects.get(site=site, code="policy")
    page = publish("O12", responsible_group=policy)
    # submitted 5 days ago; the publish log entry of its revision is from now: 5 days
    approve(page, submitted_days_ago=5, approved_days_ago=1)
    waiting = publish("O13", responsible_group=policy)
    state = approve(waiting, submitted_days_ago=2)
    state.status = WorkflowState.STATUS_IN_PROGRESS
    state.save()
    director = get_user_model().objects.get(username="director")
    TaskState.objects.create(
        workflow_state=state,
        revision=waiting.live_revision,
        task=Task.objects.get(name="ผู้อำนวยการสั่งการ"),
        status=TaskState.STATUS_REJECTED,
        finished_by=director,
        finished_at=timezone.now(),
        comment="ขาดเอกสารแนบ",
    )
    result = turnaround(site, FiscalPeriod(fiscal_year()))
    row = next(r for r in result.groups if r.group == policy)
    assert (row.submitted, row.published, row.pending, row.refused) == (2, 1, 1, 1)
    assert row.average_days == pytest.approx(5.0, abs=0.05)
    assert [p["title"] for p in result.pending] == [waiting.title]
    assert result.refusals[0]["reason"] == "ขาดเอกสารแนบ"
    assert result.refusals[0]["by"] == director
