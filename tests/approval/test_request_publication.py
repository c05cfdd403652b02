"""Memo first: "request publication" opens the request memo, prefilled, checks shown before the chain."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import WorkflowState

from tests.utils.approval import MEMO, act, current_step, edit_data
from wagtail_disclosure.models import (
    DocumentAttachment,
    DocumentPage,
    RequestMemo,
)
from wagtail_disclosure.models.media import save_rights

pytestmark = pytest.mark.django_db


def _document(title, **fields):
    values = {"source": "กลุ่มนโยบายและแผน", "licence": "own", "copyright_holder": "สพป.ตัวอย่าง"}
    values.update(fields)
    document = get_document_model()(title=title)
    document.file.save("plan.pdf", ContentFile(b"%PDF-1.4\n%%EOF"), save=False)
    document.save()
    save_rights(document, values)
    return document


def _attach(page, document, user):
    page = DocumentPage.objects.get(pk=page.pk)
    page.number = "ศธ 04001/555"
    page.attachments.add(DocumentAttachment(document=document))
    page.save_revision(user=user)
    return page


def _url(page):
    return reverse("wagtail_disclosure_admin:request_publication", args=[page.pk])


def _memo_post(**overrides):
    data = dict(MEMO.items())
    data["certified"] = "on"
    data.update(overrides)
    return data


def test_the_memo_is_prefilled_from_the_page(client, draft, users):
    _attach(draft, _document("แผนปฏิบัติการ ๒๕๖๗"), users["author"])
    client.force_login(users["author"])
    response = client.get(_url(draft))
    assert response.status_code == 200
    form = response.context["form"]
    assert draft.title in form.initial["subject"]
    assert form.initial["number"] == "ศธ 04001/555"
    assert form.initial["work_unit"] == str(draft.responsible_group)
    assert "แผนปฏิบัติการ ๒๕๖๗" in form.initial["attachments"]
    assert WorkflowState.objects.filter(object_id=str(draft.pk)).count() == 0


def test_filing_the_memo_starts_the_chain_at_the_group_director(client, draft, users):
    client.force_login(users["author"])
    response = client.post(_url(draft), _memo_post())
    assert response.status_code == 302
    assert current_step(draft) == "group_review"
    memo = RequestMemo.objects.get(page=draft)
    assert memo.number == MEMO["number"] and memo.certified
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("ผู้อำนวยการกลุ่ม" in m or "หัวหน้ากลุ่ม" in m for m in messages), messages


def test_after_a_refusal_the_memo_is_kept_and_goes_to_the_group_director(client, draft, users):
    client.force_login(users["author"])
    client.post(_url(draft), _memo_post(number="ศธ 04001/777", body="ขอเผยแพร่ตามแผน"))
    act(draft, users["groupdirector"], "reject", comment="แก้ชื่อเรื่อง")
    page = DocumentPage.objects.get(pk=draft.pk)
    page.title = page.title + " (แก้ไข)"
    page.save_revision(user=users["author"])

    response = client.get(_url(draft))
    initial = response.context["form"].initial
    assert initial["number"] == "ศธ 04001/777"
    assert initial["body"] == "ขอเผยแพร่ตามแผน"
    assert initial["subject"] == MEMO["subject"]

    client.post(_url(draft), _memo_post(number="ศธ 04001/777"))
    assert current_step(draft) == "group_review"
    assert RequestMemo.objects.filter(page=draft).count() == 2


def test_blocking_findings_are_shown_before_the_chain_starts(client, draft, users):
    document = _document("เอกสารไม่มีสัญญาอนุญาต", licence="")
    _attach(draft, document, users["author"])
    client.force_login(users["author"])
    response = client.get(_url(draft))
    html = response.content.decode()
    assert "เอกสารไม่มีสัญญาอนุญาต" in html
    assert reverse("wagtaildocs:edit", args=[document.pk]) in html
    assert 'name="certified"' not in html  # nothing to file until it is fixed

    response = client.post(_url(draft), _memo_post())
    assert response.status_code == 200
    assert not WorkflowState.objects.filter(object_id=str(draft.pk)).exists()
    assert not RequestMemo.objects.filter(page=draft).exists()
    messages = [(m.level_tag, str(m)) for m in response.wsgi_request._messages]
    assert not any(tag == "success" for tag, _ in messages), messages


def test_the_editor_offers_request_publication_in_thai(client, draft, users):
    client.force_login(users["author"])
    edit = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    html = client.get(edit, HTTP_ACCEPT_LANGUAGE="th").content.decode()
    assert 'name="action-request-publication"' in html
    assert 'name="action-submit"' not in html
    assert 'name="action-restart-workflow"' not in html

    response = client.post(edit, edit_data(draft, action="action-request-publication"))
    assert response.status_code == 302
    assert response["Location"] == _url(draft)
    assert not WorkflowState.objects.filter(object_id=str(draft.pk)).exists()


def test_a_submit_through_wagtails_button_lands_on_the_memo(client, draft, users):
    client.force_login(users["author"])
    edit = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    response = client.post(edit, edit_data(draft, action="action-submit"))
    assert response.status_code == 302
    assert response["Location"] == _url(draft)
    assert current_step(draft) == "memo"
    client.post(_url(draft), _memo_post())
    assert current_step(draft) == "group_review"


def test_the_waiting_author_can_withdraw_in_thai(client, draft, users):
    client.force_login(users["author"])
    client.post(_url(draft), _memo_post())
    edit = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    html = client.get(edit, HTTP_ACCEPT_LANGUAGE="th").content.decode()
    assert "Cancel workflow" not in html
    assert "ถอนคำขอ" in html
    assert "Only reviewers" not in html and "is awaiting" not in html


def test_nobody_else_files_the_authors_memo(client, draft, workflow, users):
    workflow.start(draft, users["author"])
    client.force_login(users["groupdirector"])
    response = client.post(_url(draft), _memo_post())
    # Wagtail's admin answers a refused permission with a redirect to the dashboard.
    assert response.status_code in (302, 403)
    assert response.get("Location", "") != reverse("wagtailadmin_pages:edit", args=[draft.pk])
    assert current_step(draft) == "memo"
    assert not RequestMemo.objects.filter(page=draft).exists()


def test_a_subject_made_from_the_title_follows_the_new_title(client, draft, users):
    client.force_login(users["author"])
    first = client.get(_url(draft)).context["form"].initial
    client.post(_url(draft), _memo_post(subject=first["subject"]))
    act(draft, users["groupdirector"], "reject", comment="แก้ชื่อเรื่อง")
    page = DocumentPage.objects.get(pk=draft.pk)
    page.title = "แผนดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๗"
    page.save_revision(user=users["author"])
    initial = client.get(_url(draft)).context["form"].initial
    assert "แผนดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๗" in initial["subject"]
    assert "เว็บไซต์" in initial["subject"]
