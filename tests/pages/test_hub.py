import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail_disclosure.models import DocumentPage, IndicatorPage

pytestmark = pytest.mark.django_db


def test_demo_hub_lists_all_43_indicators_in_thai(demo, client):
    response = client.get("/oit/")
    assert response.status_code == 200
    html = response.content.decode()
    codes = re.findall(r'id="item-(O\d+)"', html)
    assert codes == [f"O{n}" for n in range(1, 44)]
    assert "โครงสร้างหน่วยงาน" in html
    assert 'lang="th"' in html


def _row(html, code):
    return re.search(rf'<tr class="wd-item" id="item-{code}">(.*?)</tr>', html, re.S).group(1)


def test_hub_shows_links_and_last_updated_in_buddhist_era(demo, client):
    html = client.get("/oit/").content.decode()
    row = _row(html, "O1")
    assert 'href="/oit/o1/structure/"' in row
    updated = timezone.localtime(DocumentPage.objects.get(slug="structure").last_published_at)
    assert f"{updated.year + 543}" in re.search(r'class="wd-updated"[^>]*>([^<]+)<', row).group(1)


def test_hub_shows_citizens_no_internal_status(demo, client):
    """Readiness (missing / outdated / needs approval) is for the admin reports, not the public."""
    html = client.get("/oit/").content.decode()
    for internal in ("wd-missing", "wd-outdated", "wd-current", "⚠", "needs_more", "needs_update"):
        assert internal not in html
    # An item without content says so plainly, and O11 (last year's report only) looks like any other.
    assert "wd-none" in _row(html, "O43")
    assert "/oit/o11/" in _row(html, "O11")


def test_hub_query_count_does_not_grow_with_pages(demo, client):
    client.get("/oit/")  # warm caches (site root paths, settings)
    with CaptureQueriesContext(connection) as before:
        client.get("/oit/")
    indicator = IndicatorPage.objects.get(item__code="O7")
    for n in range(6):
        page = DocumentPage(title=f"ข่าว {n}", slug=f"extra-news-{n}")
        indicator.add_child(instance=page)
        page.catalogue_items.set([indicator.item])
        page.save_revision().publish()
    with CaptureQueriesContext(connection) as after:
        client.get("/oit/")
    assert len(after.captured_queries) == len(before.captured_queries)
