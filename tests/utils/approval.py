"""Helpers of the approval tests: a fresh draft, the editor's form data, one call per chain step."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from wagtail_disclosure.models import DocumentPage, WorkGroup

MEMO = {
    "subject": "ขออนุญาตเผยแพร่แผนดำเนินงานประจำปี",
    "work_unit": "กลุ่มนโยบายและแผน",
    "number": "ศธ 04001/123",
    "body": "ให้ประชาชนเข้าถึงข้อมูล",
    "attachments": "แผนดำเนินงาน 1 ฉบับ\nสรุปงบประมาณ 1 ฉบับ",
    "certified": True,
}


def make_draft(parent, owner, title="แผนดำเนินงานและการใช้งบประมาณ ประจำปีงบประมาณ 2567", slug=None):
    """A draft under ``parent``, as the create view makes one: not live, one revision."""
    group = WorkGroup.objects.get(site__is_default_site=True, code=parent.item.default_group_code)
    page = DocumentPage(
        title=title,
        slug=slug or f"draft-{DocumentPage.objects.count() + 1}",
        live=False,
        owner=owner,
        responsible_group=group,
        body="<p>แผนดำเนินงานประจำปี</p>",
    )
    page.catalogue_items.set([parent.item])
    parent.add_child(instance=page)
    page.save_revision(user=owner)
    return DocumentPage.objects.get(pk=page.pk)


def edit_data(page, action="action-publish", **overrides):
    """What the page editor posts for ``page`` with ``action`` (publish by default)."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": "",
        "number": "",
        "body": rich_text("<p>แก้ไขแล้ว</p>"),
        "attachments": inline_formset([]),
        "sources": inline_formset([]),
        "comments": inline_formset([]),
        "responsible_group": page.responsible_group_id or "",
        "date": page.date.isoformat(),
        "fiscal_year": page.fiscal_year or "",
        action: "1",
    }
    data.update(overrides)
    data = nested_form_data(data)
    data["catalogue_items"] = [str(i.pk) for i in page.catalogue_items.all()]
    return data


def act(page, user, action="approve", **data):
    """Take ``action`` on the page's current step as ``user``, the way the admin modal does."""
    page = page.specific_class.objects.get(pk=page.pk)
    state = page.current_workflow_task_state
    assert state is not None, "no step in progress"
    return state.task.specific.on_action(state, user, action, **data)


def current_step(page):
    page = page.specific_class.objects.get(pk=page.pk)
    task = page.current_workflow_task
    return task.specific.step if task else None


def run_workflow(page, workflow, author, group_director, director, memo=None):
    """Submit ``page`` and take it through every step; return it reloaded."""
    workflow.start(page, author)
    act(page, author, **(memo or MEMO))
    act(page, group_director, comment="เห็นควรอนุญาต")
    act(page, director, comment="อนุญาต")
    return page.specific_class.objects.get(pk=page.pk)
