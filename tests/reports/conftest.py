import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page, Task, TaskState, Workflow, WorkflowState

from wagtail_disclosure.approval.policy import trusted_publication
from wagtail_disclosure.models import DocumentPage, IndicatorPage


@pytest.fixture
def approve():
    """Record that a completed approval chain approved ``page``'s live revision (as Wagtail does)."""
    workflow, _ = Workflow.objects.get_or_create(name="ห่วงโซ่อนุมัติทดสอบ")
    task, _ = Task.objects.get_or_create(name="ผู้อำนวยการสั่งการ")
    director = get_user_model().objects.get(username="director")
    author = get_user_model().objects.get(username="author")

    def _approve(page, submitted_days_ago=3, approved_days_ago=1):
        now = timezone.now()
        state = WorkflowState.objects.create(
            content_type=ContentType.objects.get_for_model(page.specific_class),
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=str(page.pk),
            workflow=workflow,
            status=WorkflowState.STATUS_APPROVED,
            requested_by=author,
        )
        WorkflowState.objects.filter(pk=state.pk).update(
            created_at=now - datetime.timedelta(days=submitted_days_ago)
        )
        task_state = TaskState.objects.create(
            workflow_state=state,
            revision=page.live_revision,
            task=task,
            status=TaskState.STATUS_APPROVED,
            finished_at=now - datetime.timedelta(days=approved_days_ago),
            finished_by=director,
        )
        state.current_task_state = task_state
        state.save(update_fields=["current_task_state"])
        return state

    return _approve


@pytest.fixture
def publish(demo):
    """Publish a document page answering the catalogue item ``code`` under its indicator page."""

    def _publish(code, title=None, date=None, **fields):
        indicator = IndicatorPage.objects.get(item__code=code, item__edition__slug="ita-2566")
        n = indicator.get_children().count()
        page = DocumentPage(
            title=title or f"เอกสารทดสอบ {code}",
            slug=f"test-{code.lower()}-{n}",
            date=date or timezone.localdate(),
            **fields,
        )
        with trusted_publication():  # a fixture stands in for content that went live earlier
            indicator.add_child(instance=page)
            page.catalogue_items.set([indicator.item])
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return _publish
