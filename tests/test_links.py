"""Absolute links are built on the one configured address (``wagtail_disclosure.links``): the
request memo, the ITAS export and the e-mails, whatever the Site's host name says.

A ``wagtail start`` site's default Site is ``localhost:80``; an office that sets
``WAGTAILADMIN_BASE_URL`` (README, install step 2) must find its own address in every link.
"""

import csv
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from wagtail.models import Page, Site, Workflow

from tests.utils.approval import MEMO, act, make_draft
from wagtail_disclosure import links
from wagtail_disclosure.approval.memo import memo_context, memo_for
from wagtail_disclosure.models import IndicatorPage, Question, QuestionBoardPage
from wagtail_disclosure.submissions.notifications import question_published

pytestmark = pytest.mark.django_db

BASE = "https://www.office-links.go.th"
URLS = re.compile(r"https?://[^\s\"'<>]+")


@pytest.fixture
def base(settings, demo):
    settings.WAGTAILADMIN_BASE_URL = BASE + "/"
    site = demo["site"]
    assert site.root_url != BASE  # the Site says something else (localhost)
    return BASE


def test_the_memo_names_the_indicator_on_the_configured_address(base, demo):
    author = get_user_model().objects.get(username="author")
    indicator = IndicatorPage.objects.get(item__code="O11")
    page = make_draft(indicator, author, slug="links-memo")
    Workflow.objects.get(workflow_pages__page=demo["hub"]).start(page, author)
    act(page, author, **MEMO)
    memo = memo_for(page.specific_class.objects.get(pk=page.pk).latest_revision)
    assert memo_context(memo)["page_url"] == BASE + "/oit/o11/"


def test_the_itas_export_links_on_the_configured_address(base, client):
    client.force_login(get_user_model().objects.get(username="supervisor"))
    response = client.get("/admin/disclosure/reports/itas/?export=csv")
    rows = {r[0]: r for r in csv.reader(io.StringIO(response.content.decode("utf-8-sig")))}
    assert rows["O1"][3] == BASE + "/oit/o1/"
    assert all(r[3].startswith(BASE + "/") for code, r in rows.items() if code.startswith("O"))


def test_e_mails_link_on_the_configured_address(base, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    board = QuestionBoardPage.objects.live().first()
    question = Question.objects.create(
        site=board.get_site(), page=board, tracking_hash="l" * 64, subject="ขอทราบ",
        body="คำถาม", email="asker@example.org",
    )  # fmt: skip
    mail.outbox.clear()
    question_published(question)
    (message,) = mail.outbox
    found = URLS.findall(message.body)
    assert found and all(url.startswith(BASE + "/") for url in found), found
    assert BASE + board.get_url_parts()[2] in found


def test_admin_links_are_on_the_configured_address(base):
    assert links.admin_url("wagtailadmin_pages:edit", 7) == BASE + "/admin/pages/7/edit/"


def test_another_office_keeps_its_host_name_with_the_configured_scheme(base, demo):
    root = Page.get_first_root_node()
    home = root.add_child(instance=Page(title="สำนักงานที่สอง", slug="links-office-two"))
    other = Site.objects.create(hostname="office-two.example.go.th", port=80, root_page=home)
    assert links.base_url(other) == "https://office-two.example.go.th"
    other.port = 8443
    other.save()
    assert links.base_url(other) == "https://office-two.example.go.th:8443"
    assert links.page_url(home) == "https://office-two.example.go.th:8443/"
    assert links.base_url(demo["site"]) == BASE


def test_without_the_setting_links_follow_the_site(settings, demo):
    settings.WAGTAILADMIN_BASE_URL = ""
    assert links.base_url() == demo["site"].root_url
    assert links.page_url(demo["hub"]) == demo["site"].root_url + "/oit/"
