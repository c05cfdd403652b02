"""An indicator page with no live content answering its item is not a search result.

Citizens searching "รายงานการกำกับติดตาม" found the O12 indicator page, which only said that
nothing was published yet: a dead end. The public search (``search.query.search_scope``) leaves out
an indicator page until live content of its office answers its item; the admin's page search is
not touched.
"""

import re

import pytest
from django.urls import reverse

from wagtail_disclosure.approval.policy import trusted_publication
from wagtail_disclosure.models import DocumentPage, IndicatorPage

pytestmark = pytest.mark.django_db

URL = reverse("wagtail_disclosure:search")


def result_urls(html):
    return re.findall(r'<h2><a href="([^"]*)">', html)


def test_an_empty_indicator_page_is_not_found(demo, client):
    o12 = IndicatorPage.objects.get(item__code="O12")
    assert not DocumentPage.objects.live().filter(catalogue_items=o12.item).exists()
    html = client.get(URL, {"q": "กำกับติดตามการดำเนินงาน"}).content.decode()
    assert o12.url not in result_urls(html)
    # Nor through the indicator filter alone.
    html = client.get(URL, {"indicator": o12.item_id}).content.decode()
    assert o12.url not in result_urls(html)


def test_an_indicator_page_is_found_once_live_content_answers_it(demo, client):
    o12 = IndicatorPage.objects.get(item__code="O12")
    report = DocumentPage(title="รายงานผลการดำเนินงาน รอบ ๖ เดือน", slug="six-months")
    o12.add_child(instance=report)
    report.catalogue_items.set([o12.item])
    report.save_revision()  # a draft answers nothing
    html = client.get(URL, {"q": "กำกับติดตามการดำเนินงาน"}).content.decode()
    assert o12.url not in result_urls(html)

    with trusted_publication():  # set-up: the chain is tested elsewhere
        report.save_revision().publish()
    html = client.get(URL, {"q": "กำกับติดตามการดำเนินงาน"}).content.decode()
    assert o12.url in result_urls(html)


def test_an_indicator_page_with_content_is_still_found(demo, client):
    o1 = IndicatorPage.objects.get(item__code="O1")
    assert DocumentPage.objects.live().filter(catalogue_items=o1.item).exists()
    html = client.get(URL, {"q": o1.item.name_th}).content.decode()
    assert o1.url in result_urls(html)
