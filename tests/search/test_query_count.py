"""The public search page costs the same number of queries for 1 result as for 10.

A page of results used to make about four queries per result (``page.specific``, the codes of its
items, the rows its snippet reads), so the page got slower with every result shown.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail_disclosure.approval.policy import trusted_publication
from wagtail_disclosure.models import DocumentPage, IndicatorPage

pytestmark = pytest.mark.django_db

URL = reverse("wagtail_disclosure:search")
WORD = "ทดสอบนับคำค้น"


def _add_pages(count):
    o1 = IndicatorPage.objects.get(item__code="O1")
    with trusted_publication():
        for n in range(count):
            page = DocumentPage(title=f"{WORD} เอกสาร {n}", slug=f"qc-{n}", body="<p>เนื้อหา</p>")
            page.catalogue_items.set([o1.item])
            o1.add_child(instance=page)
            page.save_revision().publish()


def _queries(client, params):
    client.get(URL, params)  # the form's choices and the site are read once, as on a live site
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL, params)
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.fixture
def uncached(settings):
    """The search run on every request (no cached page of results), as on a cache miss."""
    settings.WAGTAIL_DISCLOSURE = {
        **getattr(settings, "WAGTAIL_DISCLOSURE", {}),
        "HUB_CACHE_SECONDS": 0,
    }


def test_queries_do_not_grow_with_the_number_of_results(demo, client, uncached):
    _add_pages(1)
    one, html = _queries(client, {"q": WORD})
    assert html.count("<h2><a href=") == 1
    DocumentPage.objects.filter(slug="qc-0").delete()
    _add_pages(10)
    ten, html = _queries(client, {"q": WORD})
    assert html.count("<h2><a href=") == 10
    assert ten == one, f"{one} queries for 1 result, {ten} for 10"
    print(f"queries per search page: {ten}")


def test_a_cached_page_of_results_never_outlives_the_content(demo, client):
    _add_pages(1)
    with CaptureQueriesContext(connection) as cold:
        html = client.get(URL, {"q": WORD}).content.decode()
    assert html.count("<h2><a href=") == 1
    with CaptureQueriesContext(connection) as warm:
        again = client.get(URL, {"q": WORD}).content.decode()
    assert again.count("<h2><a href=") == 1
    assert len(warm) < len(cold)  # the second request is served from the cache
    with trusted_publication():
        o1 = IndicatorPage.objects.get(item__code="O1")
        page = DocumentPage(title=f"{WORD} ฉบับใหม่", slug="qc-new", body="<p>ใหม่</p>")
        page.catalogue_items.set([o1.item])
        o1.add_child(instance=page)
        page.save_revision().publish()
    html = client.get(URL, {"q": WORD}).content.decode()
    assert html.count("<h2><a href=") == 2
    assert "ฉบับใหม่" in html
    page.unpublish()
    html = client.get(URL, {"q": WORD}).content.decode()
    assert html.count("<h2><a href=") == 1
