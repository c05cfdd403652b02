"""XSS vectors through rich text (every save path) and through file names and titles."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model

from wagtail_disclosure.forms.approval import OpinionForm
from wagtail_disclosure.models import DocumentAttachment, DocumentPage
from wagtail_disclosure.sanitising import clean_rich_text
from wagtail_disclosure.submissions.forms import RefuseForm

VECTORS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    '<a href="javascript:alert(3)">คลิก</a>',
    '<a href="JaVaScRiPt:alert(4)">คลิก</a>',
    '<p onmouseover="alert(5)">ข้อความ</p>',
    "<svg/onload=alert(6)>",
    '<iframe src="https://evil.example/"></iframe>',
    '<embed embedtype="media" url="javascript:alert(7)"/>',
    '<a linktype="page" id="1 onclick=alert(8)">x</a>',
    "<style>body{background:url(javascript:alert(9))}</style>",
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxMCk8L3NjcmlwdD4="></object>',
    '<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" alt="x">',
    "<!--<script>alert(11)</script>-->",
]
DANGEROUS = ("<script", "onerror", "javascript:", "onmouseover", "<svg", "<iframe", "onclick",
             "<style", "<object", "data:", "<!--")  # fmt: skip


@pytest.mark.parametrize("vector", VECTORS)
def test_vectors_are_defused(vector):
    cleaned = clean_rich_text(f"<p>ก่อน</p>{vector}<p>หลัง</p>").lower()
    assert not any(d in cleaned for d in DANGEROUS), cleaned
    assert "ก่อน" in cleaned and "หลัง" in cleaned


def test_wagtail_database_format_survives_and_is_stable():
    stored = (
        '<h2 data-block-key="a1">หัวข้อ</h2><p>ดู <a linktype="page" id="3">หน้านี้</a> และ '
        '<a linktype="document" id="7">เอกสาร</a> หรือ <a href="https://www.obec.go.th/">สพฐ.</a></p>'
        '<embed alt="ภาพ &quot;กิจกรรม&quot;" embedtype="image" format="left" id="12"/>'
        '<embed embedtype="media" url="https://www.youtube.com/watch?v=abc&amp;t=1"/>'
        "<ul><li><b>หนา</b> <i>เอียง</i></li></ul>"
    )
    cleaned = clean_rich_text(stored)
    assert '<a linktype="page" id="3">' in cleaned
    assert '<a linktype="document" id="7">' in cleaned
    assert (
        '<embed alt="ภาพ &quot;กิจกรรม&quot;" embedtype="image" format="left" id="12"/>' in cleaned
    )
    assert 'url="https://www.youtube.com/watch?v=abc&amp;t=1"/>' in cleaned
    assert clean_rich_text(cleaned) == cleaned


def test_every_save_path_stores_clean_rich_text(demo):
    """Revision (draft), publish and a direct model save: none stores a script."""
    page = DocumentPage.objects.get(slug="laws")
    draft = page.get_latest_revision_as_object()
    draft.body = '<p>กฎหมาย</p><script>alert("draft")</script><img src=x onerror=alert(1)>'
    revision = draft.save_revision()
    assert "<script" not in revision.content["body"] and "onerror" not in revision.content["body"]
    revision.publish()
    page.refresh_from_db()
    assert "<script" not in page.body and "onerror" not in page.body
    page.body = '<p onclick="x()">ตรง</p>'
    page.save()
    page.refresh_from_db()
    assert page.body == "<p>ตรง</p>"


def test_public_page_renders_clean_rich_text_and_escaped_file_names(client, demo):
    """An attachment uploaded with a hostile name and title shows as text, never as markup."""
    admin = get_user_model().objects.get(username="admin")
    client.force_login(admin)
    hostile = '"><script>alert(document.cookie)</script>.pdf'
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "<img src=x onerror=alert(1)>ประกาศ",
            "file": SimpleUploadedFile(hostile, pdf, "application/pdf"),
            "collection": 1,
            "source": "สพป.",
            "licence": "own",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    document = get_document_model().objects.latest("pk")
    assert "<" not in document.file.name and '"' not in document.file.name
    page = DocumentPage.objects.get(slug="laws")
    draft = page.get_latest_revision_as_object()
    draft.attachments.add(DocumentAttachment(document=document))
    draft.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "<img src=x onerror" not in html and "<script>alert(document.cookie)" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;ประกาศ" in html


# One text-cleaning mixin for every form (public submissions and the approval modal): stored text is
# plain, unescaped (templates escape on output), with markup smuggled in as entities removed too.
PLAIN_TEXT_CASES = [
    ("R&D < budget", "R&D < budget"),
    ("ok <script>alert(1)</script>", "ok alert(1)"),
    ("ok &lt;script&gt;alert(2)&lt;/script&gt;", "ok alert(2)"),
]


@pytest.mark.parametrize(("typed", "stored"), PLAIN_TEXT_CASES)
def test_approval_and_submission_forms_store_the_same_plain_text(typed, stored):
    opinion = OpinionForm(data={"comment": typed})
    refusal = RefuseForm(data={"reason": typed})
    assert opinion.is_valid() and refusal.is_valid()
    assert opinion.cleaned_data["comment"] == stored
    assert refusal.cleaned_data["reason"] == stored
