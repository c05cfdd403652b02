"""Slugs people can read: a new content page with a Thai title gets a short romanised slug
instead of the title stripped of its vowels and tone marks, and no URL answers 500."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.text import slugify
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from wagtail_disclosure.models import DocumentPage, IndicatorPage
from wagtail_disclosure.slugs import FALLBACK, MAX_LENGTH, ascii_slug, lost_marks

TITLE = "ข้อมูลผู้บริหาร ประจำปี 2567"


def test_a_thai_title_is_romanised():
    slug = ascii_slug(TITLE)
    assert slug.isascii() and slug.startswith("khomun-") and slug.endswith("-2567")
    assert ascii_slug("แผนปฏิบัติราชการ พ.ศ. ๒๕๖๗").endswith("2567")  # Thai digits as 0–9
    assert ascii_slug("Annual report 2024!") == "annual-report-2024"
    assert ascii_slug("!!!") == FALLBACK


def test_a_long_title_is_cut_at_a_hyphen():
    slug = ascii_slug("แผนปฏิบัติราชการประจำปีงบประมาณ " * 4)
    assert len(slug) <= MAX_LENGTH and not slug.endswith("-")


def test_lost_marks_recognises_what_the_admins_script_sent():
    assert lost_marks(slugify(TITLE, allow_unicode=True), TITLE)
    assert lost_marks("ขอมลผบรหาร-ประจำป-2567", TITLE)  # the admin's script keeps สระอำ
    assert not lost_marks("executives", TITLE)
    assert not lost_marks(ascii_slug(TITLE), TITLE)


def create_data(title, slug):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "",
            "number": "",
            "body": rich_text("<p>ผู้บริหารของสำนักงาน</p>"),
            "attachments": inline_formset([]),
            "sources": inline_formset([]),
            "comments": inline_formset([]),
            "responsible_group": "",
            "date": "2024-05-01",
            "fiscal_year": "",
            "action-publish": "1",
        }
    )
    return data


@pytest.mark.django_db
@pytest.mark.parametrize("sent", [slugify(TITLE, allow_unicode=True), "ขอมลผบรหาร-ประจำป-2567"])
def test_a_new_page_gets_a_readable_slug_and_answers_on_it(demo, client, sent):
    indicator = IndicatorPage.objects.get(item__code="O1")  # publish at once
    client.force_login(get_user_model().objects.get(username="author"))
    data = create_data(TITLE, sent)
    data["catalogue_items"] = [str(indicator.item_id)]
    response = client.post(
        reverse(
            "wagtailadmin_pages:add", args=["wagtail_disclosure", "documentpage", indicator.pk]
        ),
        data,
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    page = DocumentPage.objects.child_of(indicator).get(title=TITLE)
    assert page.slug == ascii_slug(TITLE)
    assert page.live and page.url == f"/oit/o1/{page.slug}/"
    response = client.get(page.url)
    assert response.status_code == 200
    assert TITLE in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/oit/%E0%B8/", "/oit/o1/%ff/", "/oit/o1/%C0%AF/", "/oit/%F0%9F/"]
)
def test_broken_percent_encoding_is_not_found_never_a_server_error(demo, client, path):
    assert client.get(path).status_code == 404
