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
