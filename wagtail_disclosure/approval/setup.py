"""Set up the chain for an office's subtree: the workflow, its tasks, and page permissions.

The workflow is the office's own chain (``approval.chains``: the preset it chose, or the install's
default); setting up again keeps the chain the office has.

Separation of duties in Wagtail permissions: editors may publish directly only where the catalogue
says "publish at once"; nobody gets publish permission on approval-required sections (the chain
publishes through its finish action).
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowTask

from wagtail_disclosure.approval import chains
from wagtail_disclosure.catalogue.effective import needs_approval
from wagtail_disclosure.models import ApprovalChain, IndicatorPage

WORKFLOW_NAME = "สายอนุมัติการเผยแพร่ (บันทึกขออนุญาต)"


def approval_workflow(publisher_step=False, name=WORKFLOW_NAME):
    """A workflow of the default chain (→ the ICT publisher), shared by name, created once.

    Kept for code that builds a chain outside any office; an office's own chain is
    ``chains.office_workflow(site)``.
    """
    settings = chains.preset_settings()
    if publisher_step:
        settings["publication"] = ApprovalChain.Publication.PUBLISHER
        name = f"{name} + ICT"
    workflow, _created = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    for order, step in enumerate(chains.steps(ApprovalChain(**settings))):
        fields = dict(step.fields)
        task = step.task_class.objects.filter(name=step.name, **fields).first()
        task = task or step.task_class.objects.create(name=step.name, **fields)
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    return workflow


def set_up_approval(site, hub, editors="Editors", publisher_step=False, chain=None):
    """Run ``hub``'s subtree on the office's chain and set publish permissions by the catalogue.

    ``chain``: a preset to put in force now (``disclosure_setup_office --chain``); without it the
    office keeps its chain, and an office without one gets the default preset (with the ICT
    publisher step if ``publisher_step``).
    """
    if chain is not None:
        chains.set_chain(site, chain)
    elif chains.in_force(site) is None and publisher_step:
        chains.set_chain(site, publication=ApprovalChain.Publication.PUBLISHER)
    workflow = chains.office_workflow(site)
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
