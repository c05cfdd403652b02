"""Review from the task: the reviewer's dashboard row opens the memo, the checks and the changes;
every action ends in a Thai confirmation; a deputy sees the delegation before ordering."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from tests.utils.approval import MEMO, act, current_step
from wagtail_disclosure.models import ApprovalDecision, Delegation

pytestmark = pytest.mark.django_db


def _submitted(draft, workflow, users):
    workflow.start(draft, users["author"])
    act(draft, users["author"], **MEMO)
    return draft.specific_class.objects.get(pk=draft.pk).current_workflow_task_state


def _messages(response):
    return [(m.level_tag, str(m)) for m in response.wsgi_request._messages]


def test_the_dashboard_row_opens_the_review_with_memo_checks_and_changes(
    client, draft, workflow, users
):
    state = _submitted(draft, workflow, users)
    client.force_login(users["groupdirector"])
    home = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="th").content.decode()
    review = reverse("wagtail_disclosure_admin:review_task", args=[state.pk])
    assert review in home
    assert reverse("wagtail_disclosure_admin:memo_pdf", args=[state.revision_id]) in home
    html = client.get(review, HTTP_ACCEPT_LANGUAGE="th").content.decode()
    assert MEMO["number"] in html and MEMO["subject"] in html
    assert "data-wd-review-checks" in html
    assert reverse("wagtail_disclosure_admin:memo_pdf", args=[state.revision_id]) in html
    assert "เห็นควรอนุญาต" in html and "ส่งกลับ" in html


def test_allowing_and_refusing_end_in_a_thai_confirmation(client, draft, workflow, users):
    state = _submitted(draft, workflow, users)
    client.force_login(users["groupdirector"])
    url = reverse("wagtail_disclosure_admin:review_task", args=[state.pk])
    response = client.post(
        url, {"action": "reject", "refuse-comment": ""}, HTTP_ACCEPT_LANGUAGE="th"
    )
    assert response.status_code == 200 and current_step(draft) == "group_review"

    response = client.post(
        url, {"action": "reject", "refuse-comment": "แก้ชื่อเรื่อง"}, HTTP_ACCEPT_LANGUAGE="th"
    )
    assert response.status_code == 302
    [(level, text)] = _messages(response)
    assert level == "success" and "กลับให้ผู้จัดทำแก้ไข" in text
    assert draft.specific_class.objects.get(pk=draft.pk).current_workflow_state.status == (
        WorkflowState.STATUS_NEEDS_CHANGES
    )

    client.force_login(users["author"])
    home = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="th").content.decode()
    assert "แก้ชื่อเรื่อง" in home


def test_the_deputy_sees_the_delegation_and_confirms_it(client, draft, workflow, users):
    _submitted(draft, workflow, users)
    act(draft, users["groupdirector"], comment="เห็นควรอนุญาต")
    state = draft.specific_class.objects.get(pk=draft.pk).current_workflow_task_state
    delegation = Delegation.objects.get(delegate__user=users["deputy"])
    client.force_login(users["deputy"])
    url = reverse("wagtail_disclosure_admin:review_task", args=[state.pk])
    html = client.get(url, HTTP_ACCEPT_LANGUAGE="th").content.decode()
    assert delegation.order_number in html
    assert "ปฏิบัติราชการแทน" in html
    assert str(delegation.valid_until.year + 543) in html

    response = client.post(url, {"action": "approve", "allow-comment": "อนุญาต"})
    assert response.status_code == 200 and current_step(draft) == "director_order"
    response = client.post(
        url, {"action": "approve", "allow-comment": "อนุญาต", "allow-on_behalf": "on"}
    )
    assert response.status_code == 302
    [(level, text)] = _messages(response)
    assert level == "success" and "เผยแพร่" in text
    order = ApprovalDecision.objects.get(page=draft, step="director_order")
    assert order.on_behalf_of.user == users["director"] and order.delegation == delegation


def test_nobody_else_opens_the_review(client, draft, workflow, users):
    state = _submitted(draft, workflow, users)
    client.force_login(users["author"])
    url = reverse("wagtail_disclosure_admin:review_task", args=[state.pk])
    # Wagtail's admin answers a refused permission with a redirect to the dashboard and a message.
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert "data-wd-memo" not in response.content.decode()
    response = client.post(url, {"action": "approve", "allow-comment": "ตนเอง"})
    assert response.status_code in (302, 403) and current_step(draft) == "group_review"
