"""Each rule on real content: what blocks, what warns, and what passes once fixed."""

import datetime

import docx
import pytest
from django.test import override_settings
from django.utils import translation

from wagtail_disclosure.compliance.engine import run_checks
from wagtail_disclosure.models import (
    CatalogueItem,
    ComplianceSettings,
    DisclosurePage,
    DocumentAttachment,
    DocumentPage,
    ExecutiveProfilesPage,
    NewsPhoto,
    PageSource,
    ProcurementSummaryPage,
    save_rights,
    text_of,
)
from wagtail_disclosure.pdf import render_pdf

ID = "1101700123456"


def codes(report, severity=None):
    return sorted(r.code for r in report.results if severity in (None, r.severity))


def test_demo_content_passes(demo):
    """The demo's own sample content has nothing that blocks."""
    for page in DisclosurePage.objects.all():
        report = run_checks(page.specific.get_latest_revision_as_object())
        assert report.ok, (page.slug, [str(r.message) for r in report.blocking])


def test_uncredited_image_blocks_and_passes_once_fixed(news, make_image):
    image = make_image(title="ภาพอบรมครู", source="", licence="")
    news.photos.add(NewsPhoto(image=image, caption="ครูเข้าร่วมอบรม"))
    report = run_checks(news, "submit")
    assert codes(report, "block") == ["rights.media"]
    with translation.override("en"):
        message = str(report.blocking[0].message)
    assert "ภาพอบรมครู" in message and "source or credit" in message and "licence" in message
    save_rights(image, {"source": "งานประชาสัมพันธ์", "licence": "own"})
    assert run_checks(news, "submit").ok


def test_image_embedded_in_rich_text_is_checked_too(news, make_image):
    image = make_image(title="แผนภาพ", licence="", description="")
    news.body += f'<embed embedtype="image" id="{image.pk}" format="left" alt=""/>'
    report = run_checks(news)
    assert "rights.media" in codes(report, "block")
    assert "content.alt_text" in codes(report, "warn")


def test_photo_of_people_needs_consent(news, make_image):
    image = make_image(title="นักเรียนร่วมกิจกรรม", shows_people=True, consent_obtained=True)
    news.photos.add(NewsPhoto(image=image))
    report = run_checks(news)
    assert codes(report, "block") == ["rights.consent"]
    with translation.override("en"):
        message = str(report.blocking[0].message)
    assert "who recorded the consent" in message and "official PR" in message
    save_rights(image, {"consent_recorded_by": "นางสาวสุดา ใจดี", "official_pr_purpose": True})
    assert run_checks(news).ok


def test_borrowed_image_must_be_cited_under_sources(news, make_image):
    image = make_image(
        title="อินโฟกราฟิก", licence="cc-by", copyright_holder="สำนักงาน ป.ป.ช.", source="nacc.go.th"
    )
    news.photos.add(NewsPhoto(image=image, caption="อินโฟกราฟิก"))
    report = run_checks(news)
    assert codes(report, "block") == ["rights.citation"]
    news.sources.add(PageSource(title="อินโฟกราฟิกการป้องกันการทุจริต", author="สำนักงาน ป.ป.ช."))
    assert run_checks(news).ok


def test_quotation_and_embedded_media_need_sources(news):
    news.body += (
        "<blockquote><p>การศึกษาคือรากฐานของชาติ</p></blockquote>"
        '<embed embedtype="media" url="https://www.youtube.com/watch?v=abc"/>'
    )
    report = run_checks(news)
    assert [r.code for r in report.blocking] == ["rights.citation", "rights.citation"]
    news.sources.add(PageSource(title="คลิปรายการ", url="https://youtube.com/@obec"))
    assert run_checks(news).ok


def test_hotlinked_image_warns(news):
    news.body += '<p><img src="https://other.example/pic.jpg" alt="ภาพ"></p>'
    report = run_checks(news)
    assert "rights.hotlink" in codes(report, "warn")
    assert "rights.citation" in codes(report, "block")  # from elsewhere, and not cited


def test_national_id_in_rich_text_blocks_with_masked_number(news):
    news.body += "<p>ผู้ได้รับรางวัล นายสมชาย เลขประจำตัวประชาชน ๑-๑๐๑๗-๐๐๑๒๓-๔๕-๖</p>"
    report = run_checks(news, "submit")
    assert codes(report, "block") == ["personal.national_id"]
    message = str(report.blocking[0].message)
    assert "1-1017-xxxxx-xx-6" in message and ID not in message
    news.body = news.body.replace("๑-๑๐๑๗-๐๐๑๒๓-๔๕-๖", "๑-๑๐๑๗-xxxxx-xx-๖")
    assert run_checks(news, "submit").ok


def test_national_id_in_a_table_of_procurement_rows(demo):
    page = ProcurementSummaryPage.objects.filter(no_procurement=False).first()
    draft = page.get_latest_revision_as_object()
    rows = list(draft.rows.all())
    rows[1].selected = f"นายช่าง ซ่อมดี ({ID}) / ๘,๐๐๐ บาท"
    draft.rows = rows
    with translation.override("en"):
        report = run_checks(draft)
    assert codes(report, "block") == ["personal.national_id"]
    assert report.blocking[0].where == "procurement row 2: selected bidder and agreed price"


PDF_TEMPLATE = (
    "{% extends 'wagtail_disclosure/print/base.html' %}{% block body %}"
    "<h1>ประกาศรายชื่อผู้มีสิทธิ์สอบ</h1><table><tr><td>นางสาวสมใจ ใจดี</td><td>{{ number }}</td></tr>"
    "</table>{% endblock %}"
)
LOCMEM_TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "OPTIONS": {
            "loaders": [
                ("django.template.loaders.locmem.Loader", {"test/id_list.html": PDF_TEMPLATE}),
                "django.template.loaders.app_directories.Loader",
            ],
        },
    }
]


@pytest.fixture
def document_page(demo):
    return DocumentPage.objects.get(slug="laws").get_latest_revision_as_object()


def test_national_id_inside_an_attached_pdf(document_page, make_document):
    with override_settings(TEMPLATES=LOCMEM_TEMPLATES):
        pdf = render_pdf("test/id_list.html", {"number": "1-1017-00123-45-6"})
    assert pdf.startswith(b"%PDF-")
    document = make_document(pdf, title="ประกาศรายชื่อ")
    assert text_of(document) == ""
    document_page.attachments.add(DocumentAttachment(document=document))
    report = run_checks(document_page)
    assert codes(report, "block") == ["personal.national_id"]
    assert "ประกาศรายชื่อ" in str(report.blocking[0].message)
    stored = type(document).objects.get(pk=document.pk)
    assert "1-1017-00123-45-6" in text_of(stored)  # extracted once, kept for next time


def test_national_id_inside_a_docx_table_linked_from_rich_text(document_page, make_document):
    import io

    word = docx.Document()
    word.add_paragraph("บัญชีรายชื่อครูผู้ช่วย")
    table = word.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "นายสมชาย"
    table.rows[0].cells[1].text = "๑๑๐๑๗๐๐๑๒๓๔๕๖"
    out = io.BytesIO()
    word.save(out)
    document = make_document(out.getvalue(), name="list.docx", title="บัญชีรายชื่อ")
    document_page.body += f'<p><a linktype="document" id="{document.pk}">บัญชีรายชื่อ</a></p>'
    assert codes(run_checks(document_page), "block") == ["personal.national_id"]


def test_private_contacts_warn_but_official_ones_do_not(news):
    news.body += (
        "<p>สอบถามได้ที่ครูสมศรี โทร 089-123-4567 หรือ somsri.teacher@gmail.com "
        "หรือสำนักงาน saraban@obec.go.th โทร 0 2000 0000</p>"
    )
    report = run_checks(news)
    found = [str(r.message) for r in report.warnings if r.code == "personal.contact"]
    assert len(found) == 2
    assert any("089-123-4567" in m for m in found) and any("gmail.com" in m for m in found)


def test_executive_contact_fields_are_not_private(demo):
    page = ExecutiveProfilesPage.objects.get().get_latest_revision_as_object()
    executives = list(page.executives.all())
    executives[0].phone = "081 234 5678"
    page.executives = executives
    assert page.executives.all()[0].phone == "081 234 5678"
    assert "personal.contact" not in codes(run_checks(page))


def test_outdated_fiscal_year_warns_on_bound_items(document_page):
    item = CatalogueItem.objects.filter(fiscal_year_bound=True).first()
    document_page.catalogue_items = [item]
    document_page.date = datetime.date.today() - datetime.timedelta(days=800)
    document_page.fiscal_year = None
    assert codes(run_checks(document_page)) == ["content.fiscal_year"]
    document_page.date = datetime.date.today()
    assert codes(run_checks(document_page)) == []


def test_profanity_by_whole_word_only(news):
    # "สัตว์" alone is on pythainlp's list; inside "สัตวแพทย์"/"สวนสัตว์" it is not a word of its own.
    news.body += "<p>นักเรียนไปทัศนศึกษาที่สวนสัตว์ พบสัตวแพทย์</p>"
    assert "content.words" not in codes(run_checks(news))
    news.body += "<p>ผู้ปกครองด่าครูว่า ไอ้บ้า</p>"
    report = run_checks(news)
    assert [r.code for r in report.warnings] == ["content.words"]
    assert "ไอ้บ้า" in str(report.warnings[0].message)


@override_settings(WAGTAIL_DISCLOSURE={"CHECK_WORDS": ["ขี้โกง"], "CHECK_WORDS_IGNORED": ["บ้า"]})
def test_office_words_from_settings(news):
    news.body += "<p>ผู้อำนวยการโรงเรียนขี้โกง ทำงานบ้าบอ</p>"
    words = [r for r in run_checks(news).warnings if r.code == "content.words"]
    assert len(words) == 1 and "ขี้โกง" in str(words[0].message)


def test_word_list_from_the_admin(news, demo):
    settings_row = ComplianceSettings.for_site(demo["site"])
    settings_row.extra_words = "ทุจริตซ้ำซาก\n"
    settings_row.save()
    news.body += "<p>ข่าวลือว่าเจ้าหน้าที่ทุจริตซ้ำซาก</p>"
    assert "content.words" in codes(run_checks(news))
