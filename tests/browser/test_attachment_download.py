"""Attachments inside the chain, as a visitor's browser sees them: the PDF of a draft answers 404
to anyone outside the admin; once the chain approved the page and it is live, the visitor opens the
page, follows its attachment link and gets the file."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Workflow

from tests.approval.test_attachments import PDF, attach, new_document
from tests.utils.approval import make_draft, run_workflow
from wagtail_disclosure.models import IndicatorPage

pytestmark = pytest.mark.browser


def test_anonymous_download_refused_for_a_draft_allowed_once_approved(
    demo_live, browser_page, artifacts
):
    page, url = browser_page, demo_live["url"]
    users = {u.username: u for u in get_user_model().objects.all()}
    indicator = IndicatorPage.objects.get(item__code="O11")  # approval required
    draft = make_draft(indicator, users["author"], slug="plan-with-pdf")
    document = new_document()
    attach(draft, document, users["author"])

    response = page.request.get(f"{url}{document.url}")
    assert response.status == 404
    assert PDF not in response.body()

    workflow = Workflow.objects.get(workflow_pages__page=demo_live["hub"])
    live = run_workflow(draft, workflow, users["author"], users["groupdirector"], users["director"])
    assert live.live
    page.goto(f"{url}{live.url}")
    link = page.locator(f'a[href="{document.url}"]').first
    link.wait_for()
    page.screenshot(path=str(artifacts / "live-page.png"), full_page=True)
    response = page.request.get(f"{url}{link.get_attribute('href')}")
    assert response.status == 200
    assert response.body() == PDF
