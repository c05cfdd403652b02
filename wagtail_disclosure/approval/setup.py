"""Set up the chain for an office's subtree: the workflow, its tasks, and page permissions.

Separation of duties in Wagtail permissions: editors may publish directly only where the catalogue
says "publish at once"; nobody gets publish permission on approval-required sections (the chain
publishes through its finish action).
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowTask

from wagtail_disclosure.catalogue.effective import needs_approval
from wagtail_disclosure.models import IndicatorPage
from wagtail_disclosure.models.approval_tasks import (
    DirectorOrderTask,
    GroupDirectorReviewTask,
    PublicationTask,
    RequestMemoTask,
)

WORKFLOW_NAME = "สายอนุมัติการเผยแพร่ (บันทึกขออนุญาต)"


def approval_workflow(publisher_step=False, name=WORKFLOW_NAME):
    """The workflow memo → group director → director's order (→ publisher), created once."""
    steps = [
        (RequestMemoTask, "บันทึกขออนุญาตเผยแพร่"),
        (GroupDirectorReviewTask, "ความเห็นผู้อำนวยการกลุ่ม"),
        (DirectorOrderTask, "คำสั่งผู้อำนวยการ"),
    ]
    if publisher_step:
        steps.append((PublicationTask, "นำข้อมูลขึ้นเผยแพร่ (กลุ่ม ICT)"))
        name = f"{name} + ICT"
    workflow, _created = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    for order, (cls, task_name) in enumerate(steps):
        task = cls.objects.filter(name=task_name).first() or cls.objects.create(name=task_name)
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    return workflow


def set_up_approval(site, hub, editors="Editors", publisher_step=False):
    """Assign the chain to ``hub``'s subtree and set publish permissions by the catalogue."""
    workflow = approval_workflow(publisher_step=publisher_step)
    WorkflowPage.objects.update_or_create(page=hub, defaults={"workflow": workflow})
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    # Nobody holds publish permission over an approval-required section, whatever was there before
    # (Wagtail's own first migration gives "Moderators" publish permission on the root).
    above = Page.objects.ancestor_of(site.root_page, inclusive=True).values("pk")
    below = Page.objects.descendant_of(site.root_page).values("pk")
    # Publish at once as the office has it: the edition's flag, or a confirmed override of it.
    at_once = [
        indicator
        for indicator in IndicatorPage.objects.descendant_of(site.root_page).select_related("item")
        if not needs_approval(indicator.item, site)
    ]
    GroupPagePermission.objects.filter(permission=publish).filter(
        Q(page__in=above) | Q(page__in=below)
    ).exclude(page__in=[indicator.pk for indicator in at_once]).delete()
    group = Group.objects.filter(name=editors).first()
    if group is not None:
        for indicator in at_once:
            if not indicator.is_descendant_of(hub):
                continue
            GroupPagePermission.objects.get_or_create(
                group=group, page=indicator, permission=publish
            )
    return workflow
