"""The annual report prints: HTML shaped like the สพม.หนองคาย OIT report of 2566, and a PDF whose
text is the Thai we wrote."""

import io

import pytest
from django.contrib.auth import get_user_model
from pypdf import PdfReader

from tests.utils.pdf_text import skeleton
from wagtail_disclosure.models import TrackingForm

pytestmark = pytest.mark.django_db


@pytest.fixture
def supervisor(client):
    client.force_login(get_user_model().objects.get(username="supervisor"))
    return client


def test_print_view_has_the_nongkhai_oit_report_parts(demo, supervisor):
    html = supervisor.get("/admin/disclosure/reports/annual-report/").content.decode()
    for anchor in (
        "foreword",
        "contents",
        "readiness",
        "channels",
        "tracking",
        "calendar",
        "appendix",
    ):
        assert f'id="{anchor}"' in html
    assert "โครงสร้างหน่วยงาน" in html
    assert "<svg" in html and "cdn" not in html.lower()


def test_pdf_text_and_first_page(demo, supervisor, approve, artifacts):
    from wagtail_disclosure.models import DocumentPage

    approve(DocumentPage.objects.get(slug="action-plan"))
    response = supervisor.get("/admin/disclosure/reports/annual-report/?format=pdf")
    assert response["Content-Type"] == "application/pdf"
    (artifacts / "annual-report.pdf").write_bytes(response.content)
    reader = PdfReader(io.BytesIO(response.content))
    text = skeleton(" ".join(page.extract_text() for page in reader.pages))
    assert skeleton("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต ๑") in text
    assert skeleton("โครงสร้างหน่วยงาน") in text
    assert skeleton("กลุ่มนโยบายและแผน") in text  # a tracking form of the demo
    assert TrackingForm.objects.filter(work_group__code="policy").exists()
    assert skeleton("แผนปฏิบัติราชการประจำปีงบประมาณ") in text  # the appendix lists the approved plan
    assert len(reader.pages) >= 6

    import pypdfium2

    pdf = pypdfium2.PdfDocument(response.content)
    image = pdf[0].render(scale=1.5).to_pil()
    image.save(artifacts / "annual-report-page1.png")
    assert image.size[0] > 800
    # the cover is not blank: some pixels are dark (text)
    assert image.convert("L").getextrema()[0] < 80


def test_tracking_form_prints(demo, supervisor):
    form = TrackingForm.objects.get(work_group__code="admin", round=1)
    html = supervisor.get(
        f"/admin/disclosure/reports/tracking-forms/{form.pk}/print/"
    ).content.decode()
    assert "กลุ่มอำนวยการ" in html and "อบรมการผลิตสื่อวิดีโอ" in html
    pdf = supervisor.get(f"/admin/disclosure/reports/tracking-forms/{form.pk}/print/?format=pdf")
    assert pdf.content.startswith(b"%PDF")


def test_the_pdf_is_built_once_per_content_and_again_after_a_publication(
    demo, supervisor, publish, monkeypatch
):
    """WeasyPrint takes about a second on the report: a second request is served from the
    cache, and a publication that changes the report builds it again."""
    from weasyprint import HTML

    builds = []
    write_pdf = HTML.write_pdf

    def counted(self, *args, **kwargs):
        builds.append(self)
        return write_pdf(self, *args, **kwargs)

    monkeypatch.setattr(HTML, "write_pdf", counted)
    url = "/admin/disclosure/reports/annual-report/?format=pdf"
    missing = skeleton("ข้อมูลที่ขาด")  # the status of an item with nothing published

    def missing_items(pdf):
        reader = PdfReader(io.BytesIO(pdf))
        return skeleton(" ".join(page.extract_text() for page in reader.pages)).count(missing)

    first = supervisor.get(url).content
    second = supervisor.get(url).content
    assert len(builds) == 1
    assert second == first

    publish("O43", title="รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรม")  # O43 had nothing
    third = supervisor.get(url).content
    assert len(builds) == 2
    assert missing_items(third) == missing_items(first) - 1
    assert supervisor.get(url).content == third
    assert len(builds) == 2


def test_the_pdf_is_built_every_time_without_the_cache(demo, supervisor, settings, monkeypatch):
    from weasyprint import HTML

    settings.WAGTAIL_DISCLOSURE = {**settings.WAGTAIL_DISCLOSURE, "PDF_CACHE_SECONDS": 0}
    builds = []
    write_pdf = HTML.write_pdf
    monkeypatch.setattr(
        HTML, "write_pdf", lambda self, *a, **k: builds.append(self) or write_pdf(self, *a, **k)
    )
    url = "/admin/disclosure/reports/annual-report/?format=pdf"
    supervisor.get(url)
    supervisor.get(url)
    assert len(builds) == 2
