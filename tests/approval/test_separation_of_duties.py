"""Separation of duties in the request-memo chain (the office's internal control: whoever writes a
disclosure does not approve it, and each step is a different person's check).

- nobody approves a revision they wrote or edited (any author of a revision since the live one);
- one person never takes two steps of the same chain;
- a deputy does not order "on behalf of the director" what the director wrote or submitted;
- the emergency reviewer is never the emergency publisher, nor the author of what was published.
"""

import pytest
from django.core.exceptions import PermissionDenied

from tests.utils.approval import MEMO, act, current_step, make_draft
from wagtail_disclosure.approval import emergency
from wagtail_disclosure.models import DocumentPage, WorkGroup

pytestmark = pytest.mark.django_db


def reload(page):
    return DocumentPage.objects.get(pk=page.pk)


def edit(page, user, title):
    draft = reload(page).get_latest_revision_as_object()
    draft.title = title
    return draft.save_revision(user=user)


def actions_of(page, user):
    page = reload(page)
    return page.current_workflow_task.specific.get_actions(page, user)


def test_a_group_director_who_edited_the_revision_does_not_review_it(draft, workflow, users):
    edit(draft, users["groupdirector"], "แผนดำเนินงาน (ผอ.กลุ่มแก้ไขถ้อยคำ)")
    workflow.start(reload(draft), users["author"])
    act(draft, users["author"], **MEMO)
    assert actions_of(draft, users["groupdirector"]) == []
    with pytest.raises(PermissionDenied) as refused:
        act(draft, users["groupdirector"], comment="เห็นควรอนุญาต")
    assert "แก้ไข" in str(refused.value)  # says why, in Thai: they edited it
    assert current_step(draft) == "group_review"
    # The group has no other director: the director level reviews instead.
    act(draft, users["deputy"], comment="เห็นควรอนุญาต")
    act(draft, users["director"], comment="อนุญาต")
    assert reload(draft).live


def test_an_edit_before_the_live_revision_does_not_count(draft, workflow, users):
    """Authors are those of the revisions since the live one: an old edit is already approved."""
    edit(draft, users["groupdirector"], "ฉบับแรก")
    workflow.start(reload(draft), users["author"])
    act(draft, users["author"], **MEMO)
    act(draft, users["deputy"], comment="เห็นควรอนุญาต")
    act(draft, users["director"], comment="อนุญาต")
    assert reload(draft).live
    edit(draft, users["author"], "ฉบับปรับปรุง")
    workflow.start(reload(draft), users["author"])
    act(draft, users["author"], **MEMO)
    act(draft, users["groupdirector"], comment="เห็นควรอนุญาต")
    assert current_step(draft) == "director_order"


def test_one_person_never_takes_two_steps_when_the_group_has_no_director(
    indicator, workflow, users
):
    page = make_draft(indicator, users["author"], slug="ict-plan")
    page.responsible_group = WorkGroup.objects.get(site=page.get_site(), code="ict")
    page.save()
    page.save_revision(user=users["author"])
    workflow.start(reload(page), users["author"])
    act(page, users["author"], **MEMO)
    act(page, users["director"], comment="เห็นควรอนุญาต")  # the director level reviews
    assert current_step(page) == "director_order"
    assert actions_of(page, users["director"]) == []
    with pytest.raises(PermissionDenied) as refused:
        act(page, users["director"], comment="อนุญาต")
    assert "ขั้นตอน" in str(refused.value)  # one person, one step: in Thai
    assert not reload(page).live
    act(page, users["deputy"], comment="อนุญาต")  # another person, acting for the director
    assert reload(page).live


def test_a_deputy_does_not_order_on_behalf_of_the_director_what_the_director_submitted(
    indicator, workflow, users
):
    page = make_draft(indicator, users["director"], slug="by-the-director")
    workflow.start(page, users["director"])
    act(page, users["director"], **MEMO)
    act(page, users["groupdirector"], comment="เห็นควรอนุญาต")
    assert actions_of(page, users["deputy"]) == []
    with pytest.raises(PermissionDenied) as refused:
        act(page, users["deputy"], comment="อนุญาต")
    assert "แทน" in str(refused.value)  # on behalf of (ปฏิบัติราชการแทน), in Thai
    assert not reload(page).live


def test_a_deputy_does_not_order_on_behalf_of_a_director_who_edited_it(draft, workflow, users):
    edit(draft, users["director"], "แผนดำเนินงาน (ผอ.เขตแก้ไข)")
    workflow.start(reload(draft), users["author"])
    act(draft, users["author"], **MEMO)
    act(draft, users["groupdirector"], comment="เห็นควรอนุญาต")
    for user in (users["director"], users["deputy"]):
        with pytest.raises(PermissionDenied):
            act(draft, user, comment="อนุญาต")
    assert not reload(draft).live


def test_the_emergency_reviewer_is_neither_its_publisher_nor_the_author(draft, users):
    edit(draft, users["deputy"], "ประกาศด่วน (รองผอ.แก้ไข)")
    published = emergency.emergency_publish(reload(draft), users["director"], "ประกาศด่วน")
    assert not emergency.may_review_emergency(users["director"], published)
    assert not emergency.may_review_emergency(users["deputy"], published)
    with pytest.raises(PermissionDenied):
        emergency.review_emergency(published, users["deputy"], True, "ตรวจแล้ว")
    assert emergency.may_review_emergency(users["supervisor"], published)
