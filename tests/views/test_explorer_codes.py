"""The page explorer shows O-codes: the indicator's code beside its title, and on the content pages
under it the code of the item they answer. Officers know the indicators by code ("O12"), and the
hub's 43 indicator titles are long and alike."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail_disclosure.models import DocumentPage, IndicatorPage

pytestmark = pytest.mark.django_db


def titles(html):
    """The title cells of the explorer listing, as text."""
    spans = re.findall(r'<span id="page_\d+_title">(.*?)</span>', html, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", span).split()) for span in spans]


@pytest.fixture
def author_client(client, demo):
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


def test_indicator_pages_show_their_code(author_client, demo):
    hub = demo["hub"]
    html = author_client.get(reverse("wagtailadmin_explore", args=[hub.pk])).content.decode()
    shown = titles(html)
    o12 = IndicatorPage.objects.get(item__code="O12")
    assert f"O12 {o12.title}" in shown
    assert f"O1 {IndicatorPage.objects.get(item__code='O1').title}" in shown


def test_content_pages_show_the_code_of_their_item(author_client, demo):
    o21 = IndicatorPage.objects.get(item__code="O21")
    html = author_client.get(reverse("wagtailadmin_explore", args=[o21.pk])).content.decode()
    shown = titles(html)
    children = o21.get_children()
    assert children and all(f"O21 {child.title}" in shown for child in children)


def test_a_page_answering_two_items_shows_both(author_client, demo):
    o11 = IndicatorPage.objects.get(item__code="O11")
    o13 = IndicatorPage.objects.get(item__code="O13")
    page = DocumentPage(title="รายงานผลและแผนประจำปี", slug="both-items")
    page.catalogue_items.set([o11.item, o13.item])
    o11.add_child(instance=page)
    html = author_client.get(reverse("wagtailadmin_explore", args=[o11.pk])).content.decode()
    assert "O11, O13 รายงานผลและแผนประจำปี" in titles(html)


def test_the_codes_cost_no_query_per_row(author_client, demo):
    o6 = IndicatorPage.objects.get(item__code="O6")
    url = reverse("wagtailadmin_explore", args=[o6.pk])

    def queries():
        author_client.get(url)  # warm the caches (content types, site root paths)
        with CaptureQueriesContext(connection) as listed:
            assert author_client.get(url).status_code == 200
        return len(listed)

    def add(n):
        for i in range(n):
            page = DocumentPage(title=f"กฎหมายฉบับที่ {i}", slug=f"law-{i}-{n}")
            page.catalogue_items.set([o6.item])  # a parental relation: saved with the page
            o6.add_child(instance=page)

    add(1)
    few = queries()
    add(6)
    many = queries()
    assert "O6 กฎหมายฉบับที่ 5" in titles(author_client.get(url).content.decode())
    assert many == few


def test_the_explorer_search_shows_codes_too(author_client, demo):
    hub = demo["hub"]
    html = author_client.get(
        reverse("wagtailadmin_explore", args=[hub.pk]), {"q": "จัดซื้อ", "search_all": "1"}
    ).content.decode()
    assert any(title.startswith("O21 ") for title in titles(html))
