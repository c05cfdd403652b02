"""One publication policy: direct publication of a publish-at-once item with a blocking finding.

The web officer of the responsible work group may publish an O1 page (organisation structure) at
once; the compliance checks still stand. A valid Thai national ID number in the body is a blocking
finding: every path refuses to put that revision online, writes nothing live, and the editor is
told why, in Thai.
"""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision
from wagtail.test.utils.form_data import rich_text

from tests.utils.approval import edit_data, make_draft
from wagtail_disclosure.approval import emergency
from wagtail_disclosure.approval.policy import Publication, PublicationRefused
from wagtail_disclosure.models import DocumentPage, EmergencyPublication, WorkGroup

pytestmark = pytest.mark.django_db

NATIONAL_ID = "1101700203450"
WITH_ID = f"<p>โครงสร้างองค์กร ผู้ติดต่อ เลขประจำตัวประชาชน {NATIONAL_ID}</p>"
# What the editor reads: the page cannot be published, and the finding itself.
REFUSED_TH = "ยังเผยแพร่ไม่ได้"
FINDING_TH = "พบเลขประจำตัวประชาชน"


@pytest.fixture
def quick_page(quick_indicator, users):
    """A draft under O1 owned by the policy group, whose web officer is the demo's ``author``."""
    page = make_draft(quick_indicator, users["author"], slug="structure-draft")
    page.responsible_group = WorkGroup.objects.get(site=page.get_site(), code="policy")
    page.save()
    page.save_revision(user=users["author"])
    return reload(page)


def reload(page):
    return DocumentPage.objects.get(pk=page.pk)


def messages_of(response):
    return " ".join(str(m) for m in response.wsgi_request._messages)


def with_national_id(page, user):
    """A new revision of ``page`` whose body holds the national ID number."""
    draft = page.get_latest_revision_as_object()
    draft.body = WITH_ID
    return draft.save_revision(user=user)


def test_the_web_officer_publishes_clean_content_at_once(client, quick_page, users):
    client.force_login(users["author"])
    url = reverse("wagtailadmin_pages:edit", args=[quick_page.pk])
    response = client.post(url, edit_data(quick_page))
    assert response.status_code == 302
    assert reload(quick_page).live
    assert Publication(reload(quick_page), reload(quick_page).live_revision).decide().allowed


def test_direct_publication_of_a_live_page_with_a_national_id_is_refused(client, quick_page, users):
    client.force_login(users["author"])
    url = reverse("wagtailadmin_pages:edit", args=[quick_page.pk])
    client.post(url, edit_data(quick_page))
    live = reload(quick_page)
    assert live.live
    live_revision_id, live_body = live.live_revision_id, live.body

    response = client.post(url, edit_data(live, body=rich_text(WITH_ID)))
    assert response.status_code == 302
    page = reload(quick_page)
    assert page.live and page.live_revision_id == live_revision_id
    assert page.body == live_body and NATIONAL_ID not in page.body
    assert NATIONAL_ID in page.get_latest_revision_as_object().body  # the draft is kept
    said = messages_of(response)
    assert REFUSED_TH in said and FINDING_TH in said, said


def test_direct_publication_of_a_new_page_with_a_national_id_is_refused(client, quick_page, users):
    client.force_login(users["author"])
    url = reverse("wagtailadmin_pages:edit", args=[quick_page.pk])
    response = client.post(url, edit_data(quick_page, body=rich_text(WITH_ID)))
    assert response.status_code == 302
    page = reload(quick_page)
    assert not page.live and page.live_revision_id is None
    said = messages_of(response)
    assert REFUSED_TH in said and FINDING_TH in said, said


def test_creating_and_publishing_a_page_with_a_national_id_is_refused(
    client, quick_indicator, users
):
    client.force_login(users["author"])
    page = DocumentPage(title="โครงสร้างใหม่", slug="structure-new", date=datetime.date.today())
    page.catalogue_items.set([quick_indicator.item])
    group = WorkGroup.objects.get(site__is_default_site=True, code="policy")
    url = reverse(
        "wagtailadmin_pages:add", args=["wagtail_disclosure", "documentpage", quick_indicator.pk]
    )
    response = client.post(
        url, edit_data(page, responsible_group=group.pk, body=rich_text(WITH_ID))
    )
    assert response.status_code == 302
    created = DocumentPage.objects.get(slug="structure-new")
    assert not created.live and created.live_revision_id is None
    assert FINDING_TH in messages_of(response)


def test_bulk_publication_with_a_national_id_is_refused(client, quick_page, users):
    with_national_id(quick_page, users["author"])
    client.force_login(users["author"])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = client.post(f"{url}?id={quick_page.pk}", {"include_descendants": ""})
    assert response.status_code in (200, 302)
    assert not reload(quick_page).live


def test_revision_publish_is_refused(quick_page, users):
    """The path of the API and of scripts: ``revision.publish()`` ends in the save guard."""
    revision = with_national_id(quick_page, users["author"])
    for user in (users["author"], None):
        with pytest.raises(PublicationRefused) as refused:
            revision.publish(user=user)
        assert any(
            FINDING_TH in str(reason) or "national ID" in str(reason)
            for reason in refused.value.reasons
        )
    assert not reload(quick_page).live


def test_scheduling_is_refused(quick_page, users):
    draft = quick_page.get_latest_revision_as_object()
    draft.body = WITH_ID
    draft.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = draft.save_revision(user=users["author"])
    with pytest.raises(PublicationRefused):
        revision.publish(user=users["author"])
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is None


def test_publish_scheduled_drops_the_schedule(quick_page, users):
    revision = with_national_id(quick_page, users["author"])
    Revision.objects.filter(pk=revision.pk).update(
        approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    call_command("publish_scheduled")
    assert not reload(quick_page).live
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is None
    assert PageLogEntry.objects.filter(
        page=quick_page, action="wagtail_disclosure.schedule.refused"
    ).exists()


def test_an_emergency_publication_does_not_skip_the_checks(draft, users):
    with_national_id(draft, users["author"])
    with pytest.raises(PublicationRefused):
        emergency.emergency_publish(reload(draft), users["director"], "ประกาศด่วน")
    assert not reload(draft).live
    assert not EmergencyPublication.objects.exists()


def test_the_decision_gives_every_reason(quick_page, users):
    """Someone who is not the group's web officer, with a blocking finding: two reasons."""
    revision = with_national_id(quick_page, users["author"])
    decision = Publication(revision.as_object(), revision, users["groupdirector"]).decide()
    assert not decision.allowed
    assert len(decision.reasons) == 2
    with pytest.raises(PublicationRefused) as refused:
        Publication(revision.as_object(), revision, users["groupdirector"]).check()
    assert len(refused.value.reasons) == 2
