"""Emergency publication: a configured role, a mandatory reason, flagged, reviewed by someone else."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from wagtail_disclosure.approval.emergency import emergency_publish, review_emergency
from wagtail_disclosure.approval.policy import approved_page_ids, emergency_page_ids
from wagtail_disclosure.models import ApprovalDecision, DocumentPage, EmergencyPublication

pytestmark = pytest.mark.django_db


def test_only_the_configured_role_with_a_reason(draft, users):
    for name in ("author", "groupdirector", "deputy", "publisher", "admin"):
        with pytest.raises(PermissionDenied):
            emergency_publish(draft, users[name], "ด่วน")
    with pytest.raises(PermissionDenied):
        emergency_publish(draft, users["director"], "  ")
    assert not DocumentPage.objects.get(pk=draft.pk).live
    assert not EmergencyPublication.objects.exists()


def test_flagged_and_reviewed_by_someone_else(client, draft, users):
    client.force_login(users["director"])
    url = reverse("wagtail_disclosure_admin:emergency_publish", args=[draft.pk])
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200 and not DocumentPage.objects.get(pk=draft.pk).live
    response = client.post(url, {"reason": "ประกาศเลื่อนการสอบ ต้องแจ้งทันที"})
    assert response.status_code == 302
    page = DocumentPage.objects.get(pk=draft.pk)
    assert page.live
    emergency = EmergencyPublication.objects.get(page=page)
    pages = DocumentPage.objects.filter(pk=page.pk)
    assert emergency_page_ids(pages) == {page.pk}
    assert approved_page_ids(pages) == set()  # flagged: not approved until reviewed

    with pytest.raises(PermissionDenied):
        review_emergency(emergency, users["director"], True, "ตรวจแล้ว")
    client.force_login(users["deputy"])
    review = reverse("wagtail_disclosure_admin:emergency_review", args=[emergency.pk])
    assert client.post(review, {"confirmed": "1", "reason": "ตรวจสอบแล้ว ถูกต้อง"}).status_code == 302
    emergency.refresh_from_db()
    assert emergency.review_confirmed and emergency.reviewed_by == users["deputy"]
    assert emergency_page_ids(pages, pending_only=True) == set()
    assert approved_page_ids(pages) == {page.pk}
    assert ApprovalDecision.objects.filter(page=page, step="emergency_review").exists()


def test_an_unconfirmed_emergency_goes_offline(draft, users):
    emergency = emergency_publish(draft, users["director"], "ด่วน")
    review_emergency(emergency, users["supervisor"], False, "ไม่ควรเผยแพร่ก่อนอนุมัติ")
    assert not DocumentPage.objects.get(pk=draft.pk).live
