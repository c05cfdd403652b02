"""The annual report and the tracking form print in the project's own Thai font, with their
punctuation, section numbers and web addresses intact in the PDF's text."""

import pytest
from django.contrib.auth import get_user_model

from tests.utils.pdf_pages import pdf_fonts, pdf_text
from wagtail_disclosure.models import TrackingForm

pytestmark = pytest.mark.django_db

ADDRESS = "http://www.example.go.th/ita/o11/แผนปฏิบัติราชการ"


@pytest.fixture
def supervisor(client):
    client.force_login(get_user_model().objects.get(username="supervisor"))
    return client


def fetch_pdf(client, url, path):
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    path.write_bytes(response.content)
    return path


def test_annual_report_prints_in_sarabun_with_punctuation(demo, supervisor, artifacts):
    pdf = fetch_pdf(
        supervisor,
        "/admin/disclosure/reports/annual-report/?format=pdf",
        artifacts / "annual-report.pdf",
    )
    fonts = pdf_fonts(pdf)
    assert "Sarabun" in fonts and "Laksaman" not in fonts
    text = pdf_text(pdf)
    assert "ปีงบประมาณ พ.ศ. ๒๕" in text or "ปีงบประมาณ พ.ศ. 25" in text
    assert "ต.ค." in text  # the operating calendar's months
    assert "9.1 ข้อมูลพื้นฐาน" in text  # the section numbers of the ITA edition
    assert "ข้อมูล" in text, "Thai tone marks come back as typed"


def test_tracking_form_prints_in_sarabun_with_the_address_whole(demo, supervisor, artifacts):
    form = TrackingForm.objects.get(work_group__code="admin", round=1)
    form.results = f"เผยแพร่ครบตามข้อ 9.1 ที่ {ADDRESS} เมื่อ 1 ต.ค. 2569"
    form.save()
    pdf = fetch_pdf(
        supervisor,
        f"/admin/disclosure/reports/tracking-forms/{form.pk}/print/?format=pdf",
        artifacts / "tracking-form.pdf",
    )
    fonts = pdf_fonts(pdf)
    assert "Sarabun" in fonts and "Laksaman" not in fonts
    text = pdf_text(pdf)
    assert "พ.ศ." in text
    assert "ข้อ 9.1" in text and "1 ต.ค. 2569" in text
    assert "http://www.example.go.th/ita/o11/" in text.replace(" ", "")
