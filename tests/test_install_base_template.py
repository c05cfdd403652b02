"""The public pages fit into the office's site: they extend the base template the office names in
``WAGTAIL_DISCLOSURE["BASE_TEMPLATE"]``, so the hub keeps the site's own navigation, with the
app's breadcrumbs; without the setting they keep the app's own layout."""

import re

import pytest
from django.core.checks import ERROR, WARNING
from django.utils import translation

from wagtail_disclosure import system_checks

SITE_BASE = """{% load static wagtailcore_tags %}<!DOCTYPE html>
<html lang="th"><head><title>{% block title %}{{ page.title }}{% endblock %} | เว็บไซต์สำนักงาน</title>
<link rel="stylesheet" href="/static/css/office.css">{% block extra_css %}{% endblock %}</head>
<body class="{% block body_class %}{% endblock %}">
<nav class="office-nav"><a href="/">หน้าแรก</a> <a href="/about/">เกี่ยวกับเรา</a></nav>
{% block content %}{% endblock %}
<footer class="office-footer">สำนักงานเขตพื้นที่การศึกษาตัวอย่าง</footer>
{% block extra_js %}{% endblock %}
</body></html>
"""


@pytest.fixture
def site_templates(settings, tmp_path):
    """A site template folder holding ``base.html``, first in the search order as a project's is."""
    (tmp_path / "base.html").write_text(SITE_BASE, encoding="utf-8")
    settings.TEMPLATES = [
        dict(settings.TEMPLATES[0], DIRS=[tmp_path, *settings.TEMPLATES[0]["DIRS"]])
    ]
    return tmp_path


def with_base(settings, name):
    settings.WAGTAIL_DISCLOSURE = {**settings.WAGTAIL_DISCLOSURE, "BASE_TEMPLATE": name}


@pytest.mark.django_db
def test_the_hub_keeps_the_sites_navigation_and_shows_its_trail(
    demo, client, settings, site_templates
):
    with_base(settings, "base.html")
    html = client.get("/oit/").content.decode()
    assert '<nav class="office-nav">' in html and 'href="/about/"' in html  # the site's navigation
    assert "office-footer" in html
    assert 'class="wd-breadcrumb"' in html  # the app's trail
    assert 'href="/oit/o1/"' in html  # the hub's table
    assert "wagtail_disclosure/public.css" in html.split("</head>")[0]  # through extra_css
    assert 'class="wd-header"' not in html  # not the app's own frame besides the site's
    assert '<body class="wd-hub">' in html
    # A content page and a public form fill the same frame.
    assert "office-nav" in client.get("/oit/o1/").content.decode()
    assert "office-nav" in client.get("/disclosure/search/?q=แผน").content.decode()


@pytest.mark.django_db
def test_without_the_setting_the_apps_own_layout(demo, client, site_templates):
    html = client.get("/oit/").content.decode()
    assert "office-nav" not in html
    assert 'class="wd-header"' in html and 'class="wd-breadcrumb"' in html
    assert re.search(r'<body class="wd-layout wd-hub">', html)


def test_a_base_template_that_does_not_exist_is_an_error(settings):
    with_base(settings, "office/no-such-base.html")
    with translation.override("th"):
        (error,) = system_checks.check_base_template(app_configs=None)
    assert error.id == "wagtail_disclosure.E013" and error.level == ERROR
    assert "office/no-such-base.html" in str(error.msg) and "ไม่มี" in str(error.msg)


def test_a_base_template_without_content_or_stylesheet_blocks(settings, site_templates):
    (site_templates / "bare.html").write_text(
        "<html><body>{% block main %}{% endblock %}</body></html>"
    )
    with_base(settings, "bare.html")
    messages = system_checks.check_base_template(app_configs=None)
    assert [(m.id, m.level) for m in messages] == [
        ("wagtail_disclosure.E014", ERROR),
        ("wagtail_disclosure.W015", WARNING),
    ]


def test_blocks_of_the_template_it_extends_count(settings, site_templates):
    (site_templates / "office_page.html").write_text('{% extends "base.html" %}')
    with_base(settings, "office_page.html")
    assert system_checks.check_base_template(app_configs=None) == []
