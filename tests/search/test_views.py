"""The public search page: results, filters, highlighting, and hostile input."""

import re

import pytest
from django.urls import reverse

from wagtail_disclosure.models import DocumentPage, IndicatorPage, WorkGroup

pytestmark = pytest.mark.django_db

URL = reverse("wagtail_disclosure:search")


def result_titles(html):
    return [
        re.sub(r"<[^>]+>", "", t) for t in re.findall(r'<h2><a href="[^"]*">(.*?)</a></h2>', html)
    ]


def test_hub_links_to_the_search_page(demo, client):
    html = client.get("/oit/").content.decode()
    assert f'action="{URL}"' in html


def test_search_shows_highlighted_results_with_buddhist_era_dates(demo, client):
    response = client.get(URL, {"q": "งบประมาณ"})
    assert response.status_code == 200
    html = response.content.decode()
    plan = DocumentPage.objects.get(slug="action-plan")
    assert plan.title in result_titles(html)
    assert "<mark>ปีงบประมาณ</mark>" in html or "<mark>งบประมาณ</mark>" in html
    be_year = str(plan.date.year + 543)
    assert re.search(rf'<time datetime="{plan.date:%Y-%m-%d}">[^<]*{be_year}</time>', html)


def test_filters_narrow_the_results(demo, client):
    # "แผน" is in the content of several indicators (O1, O3, O4, O11).
    both = result_titles(client.get(URL, {"q": "แผน"}).content.decode())
    assert len(both) >= 4
    o11 = IndicatorPage.objects.get(item__code="O11")
    only = result_titles(client.get(URL, {"q": "แผน", "indicator": o11.item_id}).content.decode())
    assert only and set(only) < set(both)
    o11_titles = {o11.title} | {
        page.title for page in DocumentPage.objects.live().filter(catalogue_items=o11.item)
    }
    assert set(only) <= o11_titles


def test_filters_alone_list_the_matching_pages(demo, client):
    page = DocumentPage.objects.get(slug="action-plan")
    html = client.get(
        URL, {"fiscal_year": page.fiscal_year, "group": page.responsible_group_id}
    ).content.decode()
    assert page.title in result_titles(html)
    group = (
        WorkGroup.objects.exclude(pk=page.responsible_group_id).filter(site=demo["site"]).first()
    )
    html = client.get(
        URL, {"q": "แผนปฏิบัติราชการ", "fiscal_year": page.fiscal_year, "group": group.pk}
    ).content.decode()
    assert page.title not in result_titles(html)


def test_bad_filter_values_are_reported_and_the_words_kept(demo, client):
    html = client.get(
        URL, {"q": "จัดซื้อ", "indicator": "99999", "fiscal_year": "abc"}
    ).content.decode()
    assert 'class="wd-errors"' in html
    assert 'value="จัดซื้อ"' in html
    assert "wd-results" not in html


def test_words_and_titles_are_escaped_before_highlighting(demo, client):
    page = DocumentPage.objects.get(slug="laws")
    page.title = '<script>alert("x")</script> กฎหมายงบประมาณ'
    page.save_revision().publish()
    html = client.get(URL, {"q": "<img src=x onerror=alert(1)> งบประมาณ"}).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    titles = re.findall(r'<h2><a href="[^"]*">(.*?)</a></h2>', html)
    assert (
        "&lt;script&gt;<mark>alert</mark>(&quot;<mark>x</mark>&quot;)&lt;/script&gt; "
        "กฎหมาย<mark>งบประมาณ</mark>" in titles
    )


def test_query_without_words_gets_a_message(demo, client):
    html = client.get(URL, {"q": "!!! ???"}).content.decode()
    assert "wd-message" in html and "wd-results" not in html
