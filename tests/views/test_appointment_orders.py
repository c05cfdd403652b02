"""Appointment orders in the admin: the director types the order (Buddhist-Era dates, the office's
own groups only), the supervisor reads which groups have no web officer, and the order prints as
a คำสั่ง in the project's Thai font — checked by its text and by its first page as an image
(``tests/views/reference/``; regenerate with ``UPDATE_REFERENCE=1`` after a deliberate change of
the layout, and look at the PNG before committing)."""

import datetime
import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from PIL import Image

from tests.utils.admin_forms import add_inline_rows, form_data
from tests.utils.appointments import chumphon_order
from tests.utils.offices import build_office_b
from tests.utils.pdf_pages import differing_share, first_page_png, pdf_fonts, pdf_text
from tests.utils.pdf_text import skeleton
from wagtail_disclosure.models import AppointmentOrder, WorkGroup
from wagtail_disclosure.reports import appointments as appointments_report

pytestmark = pytest.mark.django_db

REFERENCE = Path(__file__).parent / "reference" / "appointment-order-page1.png"
ADD = reverse("wagtail_disclosure_admin_appointment_orders:add")
REPORT = reverse("wagtail_disclosure_admin:web_officers")


def client_for(username, host="localhost"):
    client = Client(HTTP_HOST=host)
    client.force_login(get_user_model().objects.get(username=username))
    return client


def print_url(order, pdf=False):
    url = reverse("wagtail_disclosure_admin:appointment_order_print", args=[order.pk])
    return url + ("?format=pdf" if pdf else "")


def test_director_records_an_order_in_buddhist_era(demo):
    client = client_for("director")
    data = form_data(client.get(ADD).content.decode(), form_id=None)
    ict = WorkGroup.objects.get(site=demo["site"], code="ict")
    data.update(number="62/2565", date="21/04/2565", effective_from="21/04/2565")
    add_inline_rows(
        data,
        "appointments",
        [
            {"role": "chair", "full_name": "นายศักดิ์สิทธิ์ แร่ทอง", "position": "ผู้อำนวยการ"},
            {"role": "web_officer", "work_group": str(ict.pk), "full_name": "นายอณวัฒน์ นวลขนาย"},
        ],
    )
    response = client.post(ADD, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    order = AppointmentOrder.objects.get(number="62/2565")
    assert order.site == demo["site"] and order.date == datetime.date(2022, 4, 21)
    assert sorted(order.appointments.values_list("role", flat=True)) == ["chair", "web_officer"]


def test_an_order_names_only_its_own_office_groups(demo):
    office_b = build_office_b()
    b_group = WorkGroup.objects.get(site=office_b["site"], code="ict")
    client = client_for("director")
    html = client.get(ADD).content.decode()
    assert f'value="{b_group.pk}"' not in html  # B's groups are not offered
    data = form_data(html, form_id=None)
    data.update(number="1/2569", date="01/10/2569", effective_from="01/10/2569")
    add_inline_rows(
        data,
        "appointments",
        [{"role": "web_officer", "work_group": str(b_group.pk), "full_name": "ผู้อื่น"}],
    )
    response = client.post(ADD, data)
    assert response.status_code == 200  # the form again, with what was typed
    assert not AppointmentOrder.objects.exists()
    assert "1/2569" in response.content.decode()


def test_supervisor_sees_the_groups_without_an_officer(demo):
    chumphon_order(demo["site"], skip_groups=("audit",))
    client = client_for("supervisor")
    response = client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-group="audit" data-status="missing"' in html
    assert 'data-group="ict" data-status="complete"' in html
    assert "ยังไม่มีเจ้าหน้าที่ดูแลเว็บไซต์" in html and "นายอณวัฒน์ นวลขนาย" in html
    csv = client.get(REPORT + "?export=csv").content.decode("utf-8-sig")
    assert "หน่วยตรวจสอบภายใน" in csv and "62/2565" in csv


def test_another_office_cannot_print_the_order(demo):
    order = chumphon_order(demo["site"])
    build_office_b()
    client = client_for("b_director", host="127.0.0.1")
    assert client.get(print_url(order)).status_code == 404
    assert client.get(print_url(order, pdf=True)).status_code == 404


@pytest.fixture
def order_pdf(demo, artifacts, monkeypatch):
    fixed = datetime.datetime(2026, 11, 15, 9, 30, tzinfo=datetime.UTC)
    monkeypatch.setattr(appointments_report.timezone, "now", lambda: fixed)  # "พิมพ์เมื่อ"
    order = chumphon_order(demo["site"])
    response = client_for("supervisor").get(print_url(order, pdf=True))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    path = artifacts / "appointment-order.pdf"
    path.write_bytes(response.content)
    return path


def test_the_order_prints_in_the_shipped_sarabun(order_pdf):
    fonts = pdf_fonts(order_pdf)
    assert "Sarabun" in fonts and "Laksaman" not in fonts


def test_the_printed_order_reads_as_the_order(order_pdf):
    text = skeleton(pdf_text(order_pdf))
    for expected in (
        "คำสั่งสำนักงานเขตพื้นที่การศึกษา",
        "ที่ 62/2565",
        "เรื่อง แต่งตั้งเจ้าหน้าที่ดูแลเว็บไซต์ประจำกลุ่ม",
        "คณะที่ปรึกษา ประกอบด้วย",
        "นายศักดิ์สิทธิ์ แร่ทอง",
        "กรรมการและเลขานุการ",
        "2.8 กลุ่มส่งเสริมการศึกษาทางไกล",
        "นายอณวัฒน์ นวลขนาย",
        "ตั้งแต่บัดนี้เป็นต้นไป",
        "สั่ง ณ วันที่ 21 เมษายน 2565",
    ):
        assert skeleton(expected) in text, expected


def test_the_printed_order_looks_like_the_reference(order_pdf, artifacts):
    image = first_page_png(order_pdf, artifacts / "appointment-order-page1")
    if os.environ.get("UPDATE_REFERENCE"):
        REFERENCE.parent.mkdir(exist_ok=True)
        image.save(REFERENCE, optimize=True)
    reference = Image.open(REFERENCE).convert("L")
    share = differing_share(image, reference)
    assert share < 0.05, f"{share:.1%} of the ink differs from {REFERENCE.name}"
