"""A blocking compliance finding refuses every path that puts content online, not just the editor.

The paths the editor does not take: Wagtail's API v3 publish action, a revert to an earlier
revision, a copy made live, a move of live content. The finding is a valid Thai national ID number
in the body of a publish-at-once page, which its group's web officer could otherwise publish.
"""

import pytest
from wagtail.actions.copy_page import CopyPageAction

from tests.approval.test_policy import NATIONAL_ID, WITH_ID, with_national_id
from tests.utils.approval import make_draft
from tests.utils.wagtail_line import api_v3_key, needs_api_v3
from wagtail_disclosure.approval.policy import PublicationRefused, trusted_publication
from wagtail_disclosure.models import DocumentPage, IndicatorPage, WorkGroup

pytestmark = pytest.mark.django_db


def reload(page):
    return DocumentPage.objects.get(pk=page.pk)


@pytest.fixture
def quick_page(quick_indicator, users):
    page = make_draft(quick_indicator, users["author"], slug="structure-paths")
    page.responsible_group = WorkGroup.objects.get(site=page.get_site(), code="policy")
    page.save()
    page.save_revision(user=users["author"])
    return reload(page)


@pytest.fixture
def legacy_page(quick_page, users):
    """Live content with the finding, put online before the check existed (a data import)."""
    revision = with_national_id(quick_page, users["author"])
    with trusted_publication():
        revision.publish()
    page = reload(quick_page)
    assert page.live and NATIONAL_ID in page.body
    return page


@needs_api_v3
def test_api_v3_publish_is_refused(client, quick_page, users):
    with_national_id(quick_page, users["author"])
    key = api_v3_key(users["author"])
    response = client.post(
        f"/api/v3/pages/{quick_page.pk}/actions/publish/", HTTP_AUTHORIZATION=f"Bearer {key}"
    )
    assert response.status_code >= 400, response.content
    assert not reload(quick_page).live


def test_revert_to_a_revision_with_the_finding_is_refused(quick_page, users):
    with_finding = with_national_id(quick_page, users["author"])
    clean = reload(quick_page).get_latest_revision_as_object()
    clean.body = "<p>โครงสร้างองค์กร</p>"
    clean.save_revision(user=users["author"]).publish(user=users["author"])
    live_revision_id = reload(quick_page).live_revision_id
    reverted = with_finding.as_object().save_revision(
        user=users["author"], previous_revision=with_finding
    )
    with pytest.raises(PublicationRefused):
        reverted.publish(user=users["author"], previous_revision=with_finding)
    assert reload(quick_page).live_revision_id == live_revision_id


def test_a_copy_with_the_finding_is_not_made_live(legacy_page, quick_indicator, users):
    copy = CopyPageAction(
        legacy_page,
        to=quick_indicator,
        update_attrs={"slug": "structure-copy"},
        keep_live=True,
        user=users["author"],
    ).execute()
    assert not DocumentPage.objects.get(pk=copy.pk).live


def test_a_move_of_live_content_with_the_finding_is_refused(legacy_page, quick_indicator, users):
    other = (
        IndicatorPage.objects.filter(item__needs_approval=False)
        .exclude(pk=quick_indicator.pk)
        .first()
    )
    path = legacy_page.path
    with pytest.raises(PublicationRefused):
        legacy_page.move(other, pos="last-child", user=users["admin"])
    assert reload(legacy_page).path == path


@needs_api_v3
def test_the_finding_is_named_in_the_api_refusal(client, quick_page, users):
    with_national_id(quick_page, users["author"])
    key = api_v3_key(users["author"], "test2")
    response = client.post(
        f"/api/v3/pages/{quick_page.pk}/actions/publish/", HTTP_AUTHORIZATION=f"Bearer {key}"
    )
    assert "เลขประจำตัวประชาชน" in response.content.decode(), response.content[:500]
    assert WITH_ID not in reload(quick_page).body
