"""Reclassification is a change that needs the chain.

Moving an approval-required draft under a publish-at-once indicator, or ticking a publish-at-once
item instead of the approval-required one, must not turn it into something its author publishes
at once: the approval requirement of what is live (or, for a page never published, of any of its
drafts) counts as much as that of the new revision.
"""

import pytest
from django.urls import reverse

from tests.utils.approval import edit_data, make_draft, run_workflow
from wagtail_disclosure.approval.policy import Publication, PublicationRefused
from wagtail_disclosure.models import DocumentPage, WorkGroup

pytestmark = pytest.mark.django_db


def reload(page):
    return DocumentPage.objects.get(pk=page.pk)


def with_items(page, items, user):
    draft = reload(page).get_latest_revision_as_object()
    draft.catalogue_items = list(items)
    if not draft.live:
        draft.save()
    return draft.save_revision(user=user)


def test_a_draft_moved_under_a_publish_at_once_indicator_still_needs_the_chain(
    client, draft, quick_indicator, users
):
    reload(draft).move(quick_indicator, pos="last-child", user=users["admin"])
    revision = with_items(draft, [quick_indicator.item], users["author"])
    page = reload(draft)
    assert page.get_parent().pk == quick_indicator.pk
    assert not Publication.of(revision, users["author"]).decide()
    with pytest.raises(PublicationRefused):
        revision.publish(user=users["author"])
    # The editor's publish button, as the group's web officer.
    client.force_login(users["author"])
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), edit_data(page))
    assert not reload(draft).live


def test_ticking_a_publish_at_once_item_instead_still_needs_the_chain(
    client, quick_indicator, indicator, users
):
    page = make_draft(quick_indicator, users["author"], slug="ticked-o11")
    page.responsible_group = WorkGroup.objects.get(site=page.get_site(), code="policy")
    page.catalogue_items = [indicator.item]  # approval required, under a publish-at-once section
    page.save()
    page.save_revision(user=users["author"])
    revision = with_items(page, [quick_indicator.item], users["author"])
    with pytest.raises(PublicationRefused):
        revision.publish(user=users["author"])
    assert not reload(page).live


def test_a_live_approved_page_reclassified_needs_the_chain_again(
    draft, workflow, quick_indicator, users
):
    page = run_workflow(draft, workflow, users["author"], users["groupdirector"], users["director"])
    page.move(quick_indicator, pos="last-child", user=users["admin"])  # live content stays approved
    live_revision_id = reload(page).live_revision_id
    revision = with_items(page, [quick_indicator.item], users["author"])
    with pytest.raises(PublicationRefused):
        revision.publish(user=users["author"])
    assert reload(page).live_revision_id == live_revision_id
    # Through the chain, the reclassification goes online.
    run_workflow(reload(page), workflow, users["author"], users["groupdirector"], users["director"])
    assert reload(page).live_revision_id == revision.pk


def test_a_page_that_always_was_publish_at_once_is_published_at_once(quick_indicator, users):
    page = make_draft(quick_indicator, users["author"], slug="always-quick")
    page.responsible_group = WorkGroup.objects.get(site=page.get_site(), code="policy")
    page.save()
    revision = page.save_revision(user=users["author"])
    revision.publish(user=users["author"])
    assert reload(page).live
