"""The bypass matrix: an approval-required page never goes live without a completed chain.

Most paths are tried as the superuser, who holds every Wagtail permission: what stops them is the
guard, not a missing permission. Each refusal must also leave the page as it was.
"""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.actions.copy_page import CopyPageAction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.snippets.models import get_snippet_models
from wagtail_modeladmin.options import ModelAdmin

from tests.utils.approval import edit_data, make_draft, run_workflow
from tests.utils.wagtail_line import api_v3_key, needs_api_v3
from wagtail_disclosure.approval.policy import PublicationRefused
from wagtail_disclosure.models import DocumentPage

pytestmark = pytest.mark.django_db


def reload(page):
    return DocumentPage.objects.get(pk=page.pk)


def test_edit_view_publish(client, draft, users):
    client.force_login(users["admin"])
    response = client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), edit_data(draft))
    assert response.status_code == 302
    page = reload(draft)
    assert not page.live
    assert page.revisions.count() == 2  # the draft is kept
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("approval chain" in m or "สาย" in m for m in messages), messages
    # Without the friendly hook, the publish action itself refuses.
    with pytest.raises(PublicationRefused):
        PublishPageRevisionAction(page.get_latest_revision(), user=users["admin"]).execute()
    assert not reload(draft).live


def test_create_view_publish(client, indicator, users):
    client.force_login(users["admin"])
    page = DocumentPage(title="หน้าใหม่", slug="created-live", date=datetime.date.today())
    page.catalogue_items.set([indicator.item])
    url = reverse(
        "wagtailadmin_pages:add", args=["wagtail_disclosure", "documentpage", indicator.pk]
    )
    response = client.post(url, edit_data(page, responsible_group=""))
    assert response.status_code == 302, response.content[:2000]
    created = DocumentPage.objects.get(slug="created-live")
    assert not created.live


def test_publish_at_once_items_go_straight_online_for_the_groups_web_officer(
    client, quick_indicator, users
):
    page = make_draft(quick_indicator, users["author"], slug="quick")
    page.responsible_group = page.responsible_group.__class__.objects.get(
        site=page.get_site(), code="policy"
    )
    page.save_revision(user=users["author"])
    client.force_login(users["author"])
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), edit_data(page))
    assert response.status_code == 302
    assert reload(page).live


def test_bulk_publish(client, draft, users):
    client.force_login(users["admin"])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = client.post(f"{url}?id={draft.pk}", {"include_descendants": ""})
    assert response.status_code in (200, 302)
    assert not reload(draft).live
    with pytest.raises(PublicationRefused):
        draft.get_latest_revision().publish(user=users["admin"])
    assert not reload(draft).live


def test_scheduled_publishing(draft, users):
    page = reload(draft)
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = page.save_revision(user=users["admin"])
    with pytest.raises(PublicationRefused):
        revision.publish(user=users["admin"])
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is None
    # A schedule that got in some other way (e.g. before the chain covered the section) is dropped.
    Revision.objects.filter(pk=revision.pk).update(
        approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    call_command("publish_scheduled")
    assert not reload(draft).live
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is None
    assert PageLogEntry.objects.filter(
        page=draft, action="wagtail_disclosure.schedule.refused"
    ).exists()


def test_scheduled_publishing_of_an_approved_revision_goes_ahead(draft, workflow, users):
    page = reload(draft)
    page.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    page.save_revision(user=users["author"])
    run_workflow(page, workflow, users["author"], users["groupdirector"], users["director"])
    approved = reload(draft).get_latest_revision()
    assert approved.approved_go_live_at is not None and not reload(draft).live
    # Time passes: the scheduled moment is now behind us.
    past = timezone.now() - datetime.timedelta(minutes=1)
    approved.content["go_live_at"] = past.isoformat()
    Revision.objects.filter(pk=approved.pk).update(
        approved_go_live_at=past, content=approved.content
    )
    call_command("publish_scheduled")
    assert reload(draft).live


def test_revert_then_publish(draft, workflow, users):
    page = run_workflow(draft, workflow, users["author"], users["groupdirector"], users["director"])
    approved = page.live_revision
    page.title = "แก้ไขหลังอนุมัติ"
    page.save_revision(user=users["admin"])
    old = approved.as_object()
    reverted = old.save_revision(user=users["admin"], previous_revision=approved)
    with pytest.raises(PublicationRefused):
        reverted.publish(user=users["admin"], previous_revision=approved)
    assert reload(draft).live_revision_id == approved.pk


def test_copy_with_publish(client, draft, workflow, users, indicator):
    page = run_workflow(draft, workflow, users["author"], users["groupdirector"], users["director"])
    before = DocumentPage.objects.count()
    client.force_login(users["admin"])
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {
            "new_title": "สำเนา",
            "new_slug": "copy-live",
            "new_parent_page": indicator.pk,
            "publish_copies": "on",
        },
    )
    assert response.status_code == 302
    assert not DocumentPage.objects.filter(slug="copy-live", live=True).exists()
    # Programmatically the copy is made, but as a draft that has to go through the chain.
    copy = CopyPageAction(
        page,
        to=indicator,
        update_attrs={"slug": "copy-live-2"},
        keep_live=True,
        user=users["admin"],
    ).execute()
    assert not DocumentPage.objects.get(pk=copy.pk).live
    assert DocumentPage.objects.count() == before + 1
    # Copying without publishing is fine: the copy is a draft that has to go through the chain.
    copy = CopyPageAction(
        page,
        to=indicator,
        update_attrs={"slug": "copy-draft"},
        keep_live=False,
        user=users["admin"],
    ).execute()
    assert not copy.live


def test_move_into_an_approval_required_section(client, demo, indicator, users):
    page = DocumentPage.objects.get(slug="structure")  # live under O1, publish at once
    assert page.live
    path = page.path
    client.force_login(users["admin"])
    response = client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, indicator.pk]))
    assert response.status_code == 302
    assert reload(page).path == path
    with pytest.raises(PublicationRefused):
        page.move(indicator, pos="last-child", user=users["admin"])
    assert reload(page).path == path and reload(page).live
    # Moving a draft is fine: it stays a draft and goes through the chain.
    page.unpublish()
    reload(page).move(indicator, pos="last-child", user=users["admin"])
    assert reload(page).get_parent().pk == indicator.pk


def test_model_level_saves_and_admin_screens_for_other_models(draft):
    page = reload(draft)
    page.live = True
    page.live_revision = page.get_latest_revision()
    with pytest.raises(PublicationRefused):
        page.save()
    assert not reload(draft).live
    # No snippet, viewset or modeladmin screen edits pages: the only way for them to publish is the above.
    assert not [m for m in get_snippet_models() if issubclass(m, Page)]
    from wagtail_disclosure.views import modeladmin, viewsets

    for admin_class in modeladmin.SCREENS:
        assert issubclass(admin_class, ModelAdmin)
        assert not issubclass(admin_class.model, Page), admin_class
    for group in (viewsets.DisclosureViewSetGroup, viewsets.FollowUpViewSetGroup):
        for viewset in group.items:
            assert not issubclass(viewset.model, Page), viewset


@needs_api_v3
def test_wagtail_api_v3_cannot_publish(client, draft, users):
    key = api_v3_key(users["admin"])
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    response = client.post(f"/api/v3/pages/{draft.pk}/actions/publish/", **auth)
    assert response.status_code == 403, response.content
    assert "สายการอนุมัติ" in response.content.decode()  # the approval chain, in Thai
    assert not reload(draft).live
    response = client.patch(
        f"/api/v3/pages/{draft.pk}/",
        data={
            "meta": {"type": "wagtail_disclosure.DocumentPage", "action": "publish"},
            "title": "ผ่าน API",
        },
        content_type="application/json",
        **auth,
    )
    assert response.status_code >= 400, response.content
    assert not reload(draft).live


def test_wagtail_api_v2_is_read_only(client, draft):
    response = client.post("/api/v2/pages/", {"id": draft.pk})
    assert response.status_code in (401, 403, 405)
    assert not reload(draft).live
