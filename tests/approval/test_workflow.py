"""The chain itself: memo → group director → director's order, with refusals, delegation and checks."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from wagtail.models import PageLogEntry, WorkflowState

from tests.utils.approval import MEMO, act, current_step, make_draft, run_workflow
from wagtail_disclosure.approval.policy import approved_page_ids
from wagtail_disclosure.approval.setup import approval_workflow
from wagtail_disclosure.compliance import engine as checks
from wagtail_disclosure.models import (
    ApprovalDecision,
    Delegation,
    DocumentPage,
    Person,
    RequestMemo,
)

pytestmark = pytest.mark.django_db


def test_refusal_resubmission_and_order_on_behalf(draft, workflow, users):
    author, gd, deputy = users["author"], users["groupdirector"], users["deputy"]
    workflow.start(draft, author)
    assert current_step(draft) == "memo"
    act(draft, author, **MEMO)
    assert current_step(draft) == "group_review"

    act(draft, gd, "reject", comment="ตัวเลขงบประมาณไม่ตรงกับแผน")
    state = WorkflowState.objects.get(object_id=str(draft.pk), workflow=workflow)
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    # The author fixes the page and resubmits: the edit needs a fresh memo before the group director.
    page = DocumentPage.objects.get(pk=draft.pk)
    page.body = "<p>แผนดำเนินงานประจำปี (แก้ไขตัวเลขแล้ว)</p>"
    page.save_revision(user=author)
    state.resume(user=author)
    assert current_step(draft) == "memo"
    act(draft, author, **MEMO)
    assert current_step(draft) == "group_review"
    act(draft, gd, comment="เห็นควรอนุญาต")
    assert current_step(draft) == "director_order"
    act(draft, deputy, comment="อนุญาต")

    page = DocumentPage.objects.get(pk=draft.pk)
    assert page.live and page.live_revision_id == page.latest_revision_id
    assert approved_page_ids(DocumentPage.objects.filter(pk=page.pk)) == {page.pk}

    order = ApprovalDecision.objects.get(page=page, step="director_order")
    assert order.user == deputy
    assert order.acting_as.user == deputy
    assert order.on_behalf_of.user == users["director"]
    assert order.delegation.order_number.startswith("คำสั่ง")
    refusal = ApprovalDecision.objects.get(page=page, step="group_review", decision="refused")
    assert refusal.reason == "ตัวเลขงบประมาณไม่ตรงกับแผน"
    assert RequestMemo.objects.filter(page=page).count() == 2

    actions = list(
        PageLogEntry.objects.filter(page=page, action__startswith="wagtail_disclosure.")
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        "wagtail_disclosure.approval.filed",
        "wagtail_disclosure.approval.refused",
        "wagtail_disclosure.approval.filed",
        "wagtail_disclosure.approval.allowed",
        "wagtail_disclosure.approval.allowed",
    ]
    entry = (
        PageLogEntry.objects.filter(page=page, action="wagtail_disclosure.approval.allowed")
        .order_by("timestamp", "pk")
        .last()
    )
    assert entry.data["on_behalf_of"].startswith("นายประเสริฐ")
    assert entry.user_id == deputy.pk


def test_only_the_pages_group_directors_review(draft, workflow, users, demo):
    workflow.start(draft, users["author"])
    act(draft, users["author"], **MEMO)
    page = DocumentPage.objects.get(pk=draft.pk)
    task = page.current_workflow_task.specific
    assert task.get_actions(page, users["groupdirector"])
    for name in ("author", "director", "publisher", "supervisor", "admin"):
        assert task.get_actions(page, users[name]) == [], name
        with pytest.raises(PermissionDenied):
            act(page, users[name], comment="")
    assert current_step(page) == "group_review"
    # The reviewers are worked out per page: a finance page goes to the finance director, not ours.
    assert [t.pk for t in task.get_task_states_user_can_moderate(users["groupdirector"])] == [
        page.current_workflow_task_state.pk
    ]


def test_a_refusal_needs_a_reason(draft, workflow, users):
    workflow.start(draft, users["author"])
    act(draft, users["author"], **MEMO)
    with pytest.raises(PermissionDenied):
        act(draft, users["groupdirector"], "reject", comment="   ")
    assert current_step(draft) == "group_review"


def test_the_memo_needs_the_certification(draft, workflow, users):
    workflow.start(draft, users["author"])
    with pytest.raises(PermissionDenied):
        act(draft, users["author"], **dict(MEMO, certified=False))
    assert current_step(draft) == "memo"
    assert not RequestMemo.objects.filter(page=draft).exists()


def test_nobody_approves_their_own_submission(indicator, workflow, users):
    """A group director who wrote the page goes to the director level; what a director wrote no
    director-level person orders (nor a deputy on the director's behalf)."""
    gd, director, deputy = users["groupdirector"], users["director"], users["deputy"]
    page = make_draft(indicator, gd, slug="by-gd")
    workflow.start(page, gd)
    act(page, gd, **MEMO)
    with pytest.raises(PermissionDenied):
        act(page, gd, comment="")
    act(page, director, comment="เห็นควรอนุญาต")  # the fallback reviewer at the group step
    assert current_step(page) == "director_order"

    other = make_draft(indicator, director, slug="by-director")
    workflow.start(other, director)
    act(other, director, **MEMO)
    act(other, gd)
    with pytest.raises(PermissionDenied):
        act(other, director, comment="")
    # Nor does a deputy acting on the director's behalf (test_separation_of_duties).
    with pytest.raises(PermissionDenied):
        act(other, deputy)
    assert not DocumentPage.objects.get(pk=other.pk).live


def test_a_deputy_outside_the_delegation_dates_is_refused(draft, workflow, users):
    workflow.start(draft, users["author"])
    act(draft, users["author"], **MEMO)
    act(draft, users["groupdirector"])
    today = timezone.localdate()
    Delegation.objects.update(
        valid_from=today - datetime.timedelta(days=60),
        valid_until=today - datetime.timedelta(days=1),
    )
    page = DocumentPage.objects.get(pk=draft.pk)
    assert page.current_workflow_task.specific.get_actions(page, users["deputy"]) == []
    with pytest.raises(PermissionDenied):
        act(page, users["deputy"])
    assert current_step(page) == "director_order"
    assert not DocumentPage.objects.get(pk=draft.pk).live
    # The director in person still may.
    act(page, users["director"])
    order = ApprovalDecision.objects.get(page=page, step="director_order")
    assert order.on_behalf_of is None and order.delegation is None


def test_blocking_checks_stop_a_step_and_change_nothing(draft, workflow, users, monkeypatch):
    workflow.start(draft, users["author"])
    act(draft, users["author"], **MEMO)
    seen = []

    def blocking(page, stage="save", user=None, record=False):
        seen.append((stage, user, record))
        return checks.CheckReport(
            [checks.CheckResult("no-source", "ไม่มีแหล่งที่มา (no source cited)", "block")]
        )

    monkeypatch.setattr(checks, "run_checks", blocking)
    url = act(draft, users["groupdirector"])
    assert "/decision/" in url
    assert seen == [("approve", users["groupdirector"], True)]
    assert current_step(draft) == "group_review"
    blocked = ApprovalDecision.objects.get(page=draft, decision="blocked")
    assert "ไม่มีแหล่งที่มา" in blocked.reason


def test_the_last_step_runs_the_publish_checks(draft, workflow, users, monkeypatch):
    workflow.start(draft, users["author"])
    act(draft, users["author"], **MEMO)
    act(draft, users["groupdirector"])
    stages = []

    def record(page, stage="save", user=None, record=False):
        stages.append(stage)
        return checks.CheckReport()

    monkeypatch.setattr(checks, "run_checks", record)
    act(draft, users["director"])
    assert stages[:2] == ["approve", "publish"]
    assert DocumentPage.objects.get(pk=draft.pk).live


def test_optional_publisher_step(indicator, demo, users):
    workflow = approval_workflow(publisher_step=True)
    page = make_draft(indicator, users["author"], slug="with-publisher")
    workflow.start(page, users["author"])
    act(page, users["author"], **MEMO)
    act(page, users["groupdirector"])
    act(page, users["director"])
    assert current_step(page) == "publication"
    assert not DocumentPage.objects.get(pk=page.pk).live
    with pytest.raises(PermissionDenied):
        act(page, users["author"])
    act(page, users["publisher"], comment="")
    assert DocumentPage.objects.get(pk=page.pk).live
    assert ApprovalDecision.objects.filter(
        page=page, step="publication", decision="published"
    ).exists()


def test_demo_permissions_separate_duties(demo, indicator, quick_indicator, users):
    for name in ("author", "groupdirector", "deputy", "director", "publisher"):
        perms = indicator.permissions_for_user(users[name])
        assert not perms.can_publish(), name
    assert quick_indicator.permissions_for_user(users["author"]).can_publish()
    assert Person.objects.get(user=users["deputy"]).delegations_received.in_force().exists()


def test_full_chain_helper_publishes(draft, workflow, users):
    page = run_workflow(draft, workflow, users["author"], users["groupdirector"], users["director"])
    assert page.live
