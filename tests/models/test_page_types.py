"""Each page type is created under an indicator through the real admin create view.

The POST carries what the browser would send: the form as rendered (so the catalogue item and the
work group preset from the parent indicator travel back unchanged), plus the fields a person fills
and the inline rows they add.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from tests.utils.admin_forms import add_inline_rows, form_data, rich_text
from wagtail_disclosure.models import (
    ContactPage,
    DocumentPage,
    ExecutiveProfilesPage,
    IndicatorPage,
    NewsPage,
    ProcurementSummaryPage,
    WorkGroup,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def author_client(client, demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(get_user_model().objects.get(username="author"))
    return client


def indicator(code):
    return IndicatorPage.objects.get(item__code=code, item__edition__slug="ita-2566")


def open_add_form(client, model, parent):
    url = f"/admin/pages/add/wagtail_disclosure/{model._meta.model_name}/{parent.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    return url, form_data(response.content.decode())


def save_draft(client, url, data):
    response = client.post(url, data)
    assert response.status_code == 302, _errors(response)
    return response


def _errors(response):
    form = response.context and response.context.get("form")
    return form.errors if form is not None else response.status_code


def assert_preset_from(page, parent, group_code):
    assert list(page.catalogue_items.all()) == [parent.item]
    assert page.responsible_group == WorkGroup.objects.get(site=parent.get_site(), code=group_code)
    assert page.get_parent().specific == parent
    assert not page.live and page.has_unpublished_changes


def test_document_page_with_attachment_and_source(author_client):
    parent = indicator("O4")
    doc = get_document_model().objects.create(
        title="แผนปฏิบัติการ", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="plan.pdf")
    )
    url, data = open_add_form(author_client, DocumentPage, parent)
    assert data["catalogue_items"] == str(parent.item.pk)  # preset, nobody ticks it
    data.update(
        title="แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2567",
        slug="plan-2567",
        number="ศธ 04001/123",
        summary="แผนของทุกกลุ่มงาน",
        body=rich_text("โครงการทั้งสิ้น ๓๕ โครงการ"),
        date="2023-10-15",
    )
    add_inline_rows(data, "attachments", [{"document": str(doc.pk), "title": "ฉบับเต็ม"}])
    add_inline_rows(data, "sources", [{"title": "สำนักงบประมาณ", "url": "https://www.bb.go.th/"}])
    save_draft(author_client, url, data)
    page = DocumentPage.objects.get(slug="plan-2567")
    assert_preset_from(page, parent, "policy")
    assert page.fiscal_year == 2567  # 15 Oct 2023 is in FY 2567
    assert "โครงการทั้งสิ้น" in page.body and page.number == "ศธ 04001/123"
    assert [(a.document, a.display_title) for a in page.attachments.all()] == [(doc, "ฉบับเต็ม")]
    assert [s.url for s in page.sources.all()] == ["https://www.bb.go.th/"]


def test_executive_profiles_page_with_photos(author_client):
    parent = indicator("O2")
    photo = get_image_model().objects.create(title="ผอ.", file=get_test_image_file())
    url, data = open_add_form(author_client, ExecutiveProfilesPage, parent)
    data.update(title="ผู้บริหาร", slug="executives-new", intro=rich_text("ผู้บริหารสำนักงาน"))
    add_inline_rows(
        data,
        "executives",
        [
            {"name": "นายหนึ่ง ใจดี", "position": "ผู้อำนวยการ", "photo": str(photo.pk),
             "phone": "0 2000 0001", "email": "one@example.go.th"},
            {"name": "นางสอง ใจงาม", "position": "รองผู้อำนวยการ", "photo": "", "phone": "",
             "email": ""},
        ],
    )  # fmt: skip
    save_draft(author_client, url, data)
    page = ExecutiveProfilesPage.objects.get(slug="executives-new")
    assert_preset_from(page, parent, "admin")
    people = [(e.name, e.position, e.photo) for e in page.executives.all()]
    assert people == [("นายหนึ่ง ใจดี", "ผู้อำนวยการ", photo), ("นางสอง ใจงาม", "รองผู้อำนวยการ", None)]


def test_contact_page(author_client):
    parent = indicator("O5")
    url, data = open_add_form(author_client, ContactPage, parent)
    data.update(
        title="ติดต่อเรา",
        slug="contact-new",
        address="๙๙ ถนนการศึกษา",
        phone="0 2000 0000",
        fax="0 2000 0099",
        email="saraban@example.go.th",
        map_url="https://www.openstreetmap.org/",
    )
    save_draft(author_client, url, data)
    page = ContactPage.objects.get(slug="contact-new")
    assert_preset_from(page, parent, "admin")
    assert (page.fax, page.map_url) == ("0 2000 0099", "https://www.openstreetmap.org/")


def test_news_page_with_photo(author_client):
    parent = indicator("O7")
    photo = get_image_model().objects.create(title="กิจกรรม", file=get_test_image_file())
    url, data = open_add_form(author_client, NewsPage, parent)
    data.update(title="อบรมบุคลากร", slug="news-new", body=rich_text("ผู้เข้าร่วม ๑๒๐ คน"))
    add_inline_rows(data, "photos", [{"image": str(photo.pk), "caption": "ภาพกิจกรรม"}])
    save_draft(author_client, url, data)
    page = NewsPage.objects.get(slug="news-new")
    assert [(p.image, p.caption) for p in page.photos.all()] == [(photo, "ภาพกิจกรรม")]
    assert list(page.catalogue_items.all()) == [parent.item]


PROCUREMENT_ROW = {
    "work": "จัดซื้อวัสดุสำนักงาน",
    "budget": "25000",
    "reference_price": "25000",
    "method": "เฉพาะเจาะจง",
    "bidders": "ร้านตัวอย่าง / 24,500 บาท",
    "selected": "ร้านตัวอย่าง / 24,500 บาท",
    "reason": "ราคาต่ำสุด",
    "contract": "ใบสั่งซื้อ 12/2567 ลงวันที่ 3 ตุลาคม 2567",
}


def procurement_form(client, **fields):
    url, data = open_add_form(client, ProcurementSummaryPage, indicator("O21"))
    data.update(title="สรุปผลการจัดซื้อจัดจ้าง ตุลาคม 2567", slug="procurement-new", month="10",
                year="2567", note="หมายเหตุที่พิมพ์ไว้", **fields)  # fmt: skip
    return url, data


def test_procurement_month_with_rows(author_client):
    url, data = procurement_form(author_client, date="2024-11-05")
    add_inline_rows(data, "rows", [PROCUREMENT_ROW])
    save_draft(author_client, url, data)
    page = ProcurementSummaryPage.objects.get(slug="procurement-new")
    assert_preset_from(page, indicator("O21"), "finance")
    assert [r.work for r in page.rows.all()] == ["จัดซื้อวัสดุสำนักงาน"]
    # October 2567 belongs to fiscal year 2568, whatever the publication date says.
    assert page.fiscal_year == 2568
    assert not page.no_procurement


def test_procurement_month_without_procurement_says_so(author_client):
    url, data = procurement_form(author_client, no_procurement="on")
    save_draft(author_client, url, data)
    page = ProcurementSummaryPage.objects.get(slug="procurement-new")
    assert page.no_procurement and page.rows.count() == 0


def test_procurement_refuses_silence_and_keeps_what_was_typed(author_client):
    url, data = procurement_form(author_client)  # no rows, box not ticked
    response = author_client.post(url, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert "no_procurement" in form.errors
    html = response.content.decode()
    assert "สรุปผลการจัดซื้อจัดจ้าง ตุลาคม 2567" in html and "หมายเหตุที่พิมพ์ไว้" in html
    assert not ProcurementSummaryPage.objects.filter(slug="procurement-new").exists()


def test_procurement_refuses_rows_and_no_procurement_together(author_client):
    url, data = procurement_form(author_client, no_procurement="on")
    add_inline_rows(data, "rows", [PROCUREMENT_ROW])
    response = author_client.post(url, data)
    assert response.status_code == 200
    assert "no_procurement" in response.context["form"].errors
    again = form_data(response.content.decode())
    assert again["rows-0-work"] == "จัดซื้อวัสดุสำนักงาน"  # the row typed is still there
    assert again["note"] == "หมายเหตุที่พิมพ์ไว้"
    assert not ProcurementSummaryPage.objects.filter(slug="procurement-new").exists()


def test_procurement_year_must_be_buddhist_era(author_client):
    url, data = procurement_form(author_client, no_procurement="on")
    data["year"] = "2024"
    response = author_client.post(url, data)
    assert response.status_code == 200
    assert "year" in response.context["form"].errors


def test_procurement_month_is_offered_by_name(author_client):
    response = author_client.get(
        f"/admin/pages/add/wagtail_disclosure/procurementsummarypage/{indicator('O21').pk}/"
    )
    assert ">ตุลาคม</option>" in response.content.decode()


def test_fiscal_year_follows_the_date_unless_chosen(author_client):
    parent = indicator("O6")
    url, data = open_add_form(author_client, DocumentPage, parent)
    data.update(title="ระเบียบ", slug="rules", body=rich_text("ข้อความ"), date="2023-09-30")
    save_draft(author_client, url, data)
    page = DocumentPage.objects.get(slug="rules")
    assert page.fiscal_year == 2566  # 30 Sep 2023: last day of FY 2566

    edit_url = f"/admin/pages/{page.pk}/edit/"
    data = form_data(author_client.get(edit_url).content.decode())
    assert data["fiscal_year"] == "2566"
    data["date"] = "2023-10-01"
    assert author_client.post(edit_url, data).status_code == 302
    page = DocumentPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert page.fiscal_year == 2567  # followed the date: 1 Oct 2023 opens FY 2567

    data = form_data(author_client.get(edit_url).content.decode())
    data.update(fiscal_year="2568", date="2023-10-02")  # a plan for next year, chosen by hand
    assert author_client.post(edit_url, data).status_code == 302
    page = DocumentPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert page.fiscal_year == 2568


def test_fiscal_year_in_christian_era_is_refused(author_client):
    url, data = open_add_form(author_client, DocumentPage, indicator("O6"))
    data.update(title="ระเบียบ", slug="rules-ce", body=rich_text("ข้อความ"), fiscal_year="2024")
    response = author_client.post(url, data)
    assert response.status_code == 200
    assert "fiscal_year" in response.context["form"].errors


def test_fiscal_year_computed_on_save_without_a_form(demo):
    parent = indicator("O6")
    page = DocumentPage(title="x", slug="x", date=datetime.date(2022, 10, 1))
    parent.add_child(instance=page)
    assert page.fiscal_year == 2566


def test_page_types_live_only_under_indicators(author_client, demo):
    """The hub takes indicators only; content types are not offered at the hub or home level."""
    response = author_client.get(
        f"/admin/pages/add/wagtail_disclosure/documentpage/{demo['hub'].pk}/"
    )
    assert response.status_code in (302, 403)
    assert not DocumentPage.can_create_at(demo["hub"])
    assert DocumentPage.can_create_at(indicator("O1"))
