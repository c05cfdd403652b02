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


def test_a_second_offices_trail_is_relative_to_its_own_home(demo, client, settings):
    from wagtail.models import Page, Site

    from demo.models import HomePage

    settings.ALLOWED_HOSTS = ["*"]
    home = Page.get_first_root_node().add_child(instance=HomePage(title="สำนักงาน ข", slug="b"))
    Site.objects.create(hostname="office-b.example", port=80, root_page=home)
    hub = home.add_child(instance=TransparencyHubPage(title="ศูนย์ข้อมูล ข", slug="oit"))
    hub.add_child(
        instance=IndicatorPage(title="โครงสร้าง", slug="o1", item=IndicatorPage.objects.first().item)
    )
    links, current = trail(client.get("/oit/o1/", HTTP_HOST="office-b.example").content.decode())
    assert links == ["/", "/oit/"] and current == "โครงสร้าง"


def test_the_trail_costs_one_query(demo, rf, django_assert_num_queries):
    from django.template import Context, Template

    indicator = IndicatorPage.objects.get(item__code="O1")
    page = DisclosurePage.objects.live().child_of(indicator).first().specific
    template = Template("{% load disclosure_navigation %}{% disclosure_breadcrumbs %}")
    request = rf.get(page.url)
    template.render(Context({"page": page, "request": request}))  # the site root paths cached
    with django_assert_num_queries(1):
        html = template.render(Context({"page": page, "request": request}))
    assert re.findall(r'<a href="([^"]+)">', html) == ["/", "/oit/", "/oit/o1/"]
