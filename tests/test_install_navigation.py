"""Public navigation: every page of the app shows the trail back to its indicator, the hub and the
site's home page (content pages were dead ends)."""

import re

import pytest

from wagtail_disclosure.models import DisclosurePage, IndicatorPage, TransparencyHubPage

pytestmark = pytest.mark.django_db


def trail(html):
    nav = re.search(r'<nav class="wd-breadcrumb"[^>]*>(.*?)</nav>', html, re.DOTALL)
    assert nav, "no breadcrumb"
    return re.findall(r'<a href="([^"]+)">', nav.group(1)), re.search(
        r'aria-current="page">([^<]*)<', nav.group(1)
    ).group(1)


def test_a_content_page_links_its_indicator_the_hub_and_home(demo, client):
    indicator = IndicatorPage.objects.get(item__code="O1")
    page = DisclosurePage.objects.live().child_of(indicator).first().specific
    links, current = trail(client.get(page.url).content.decode())
    assert links == ["/", "/oit/", "/oit/o1/"]
    assert current == page.title


def test_the_indicator_and_the_hub_link_upwards(demo, client):
    links, current = trail(client.get("/oit/o1/").content.decode())
    assert links == ["/", "/oit/"]
    links, current = trail(client.get("/oit/").content.decode())
    assert links == ["/"] and current == TransparencyHubPage.objects.get().title


def test_the_sites_home_links_the_hub(demo, client):
    assert 'href="/oit/"' in client.get("/").content.decode()
