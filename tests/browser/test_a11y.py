"""Accessibility of the public pages as the government website standard asks (WCAG 2.1 AA).

axe-core (from npm: ``scripts/install-axe.sh``; nothing vendored) runs in Debian's Chromium on
every public page type and on each submission form empty, with errors and after filing, on the
tracker and on search: no violation. Three things axe does not see are checked by hand: every
``aria-describedby`` names an element that exists, focus moves to the error summary after a
failed submit, and the first Tab reaches a skip link to the main content.
"""

import os
import subprocess
from pathlib import Path

import pytest

from wagtail_disclosure.models import (
    ContactPage,
    CorruptionComplaint,
    CorruptionComplaintPage,
    DocumentPage,
    ExecutiveProfilesPage,
    FeedbackPage,
    IndicatorPage,
    NewsPage,
    ProcurementSummaryPage,
    QuestionBoardPage,
    SatisfactionSurveyPage,
    SubmissionStatisticsPage,
    TransparencyHubPage,
)
from wagtail_disclosure.thai.dates import fiscal_year

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGE_TYPES = [
    TransparencyHubPage,
    IndicatorPage,
    DocumentPage,
    ExecutiveProfilesPage,
    ContactPage,
    ProcurementSummaryPage,
    NewsPage,
    QuestionBoardPage,
    SubmissionStatisticsPage,
]
FORM_PAGES = {
    "question": (QuestionBoardPage, "ask"),
    "complaint": (CorruptionComplaintPage, None),
    "feedback": (FeedbackPage, None),
    "survey": (SatisfactionSurveyPage, None),
}


@pytest.fixture(scope="session")
def axe_js():
    """The path of axe.min.js: AXE_CORE_JS, else where scripts/install-axe.sh puts it."""
    path = os.environ.get("AXE_CORE_JS")
    if not path:
        out = subprocess.run(
            ["bash", str(REPO / "scripts" / "install-axe.sh")],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        if out.returncode != 0:
            pytest.fail(f"axe-core could not be installed from npm: {out.stderr}")
        path = out.stdout.strip().splitlines()[-1]
    assert Path(path).is_file(), path
    return path


def axe_violations(page, axe_js):
    # Evaluated through the DevTools protocol, not as a <script> tag: the site's Content-Security-
    # Policy (scripts from the site only) stays on, as visitors have it.
    page.evaluate(Path(axe_js).read_text("utf-8") + "\n;true")
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        for v in result["violations"]
    ]


def dangling_describedby(page):
    """``aria-describedby`` references to ids that are not on the page."""
    return page.evaluate(
        """() => [...document.querySelectorAll('[aria-describedby]')].flatMap(el =>
            el.getAttribute('aria-describedby').split(/\\s+/).filter(Boolean)
              .filter(id => !document.getElementById(id)).map(id => `${el.id || el.name}→${id}`))"""
    )


def check_page(page, axe_js, artifacts, name):
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)
    assert axe_violations(page, axe_js) == [], name
    assert dangling_describedby(page) == [], name


def fill_form(page):
    """Fill every visible field of the public form with something valid."""
    page.evaluate(
        """() => {
        const form = document.querySelector('form.wd-form');
        for (const el of form.querySelectorAll('input, textarea, select')) {
          if (el.closest('.wd-hp') || el.type === 'hidden' || el.type === 'file') continue;
          if (el.type === 'checkbox') { el.checked = el.name === 'consent' || el.checked; continue; }
          if (el.type === 'radio') {
            if (!form.querySelector(`input[name="${el.name}"]:checked`)) el.checked = true;
            continue;
          }
          if (el.tagName === 'SELECT') { el.selectedIndex = el.options.length > 1 ? 1 : 0; continue; }
          if (el.value) continue;
          el.value = el.type === 'email' ? 'person@example.org'
            : el.name.includes('date') ? '15/11/2569'
            : el.name.includes('phone') ? '0812345678' : 'ทดสอบการเข้าถึงของแบบฟอร์ม';
        }
      }"""
    )


def url_of(model):
    page = model.objects.live().order_by("path").first()
    assert page is not None, f"the demo has no live {model.__name__}"
    return page.url


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_public_page_type_has_no_violation(demo_live, browser_page, axe_js, artifacts, model):
    browser_page.goto(demo_live["url"] + url_of(model))
    check_page(browser_page, axe_js, artifacts, model.__name__)


def test_home_and_search_have_no_violation(demo_live, browser_page, axe_js, artifacts):
    browser_page.goto(demo_live["url"] + "/")
    check_page(browser_page, axe_js, artifacts, "home")
    search = demo_live["url"] + "/disclosure/search/"
    for name, query in (
        ("search", "?q=แผน"),
        ("search-empty", ""),
        ("search-nothing-found", "?q=ฟุตบอลโลก"),
        ("search-no-words", "?q=!!!"),
        ("search-bad-filter", "?q=แผน&indicator=99999&fiscal_year=abc"),
        ("search-filters-only", f"?fiscal_year={fiscal_year()}"),
    ):
        browser_page.goto(search + query)
        check_page(browser_page, axe_js, artifacts, name)


def test_first_tab_reaches_a_skip_link_to_the_main_content(demo_live, browser_page):
    browser_page.goto(demo_live["url"] + url_of(IndicatorPage))
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate(
        "() => ({href: document.activeElement.getAttribute('href'),"
        " text: document.activeElement.textContent.trim(),"
        " visible: document.activeElement.getBoundingClientRect().height > 0})"
    )
    assert focused["href"] == "#main" and focused["text"] and focused["visible"], focused
    assert browser_page.locator("main#main").count() == 1


@pytest.mark.parametrize("form_name", FORM_PAGES)
def test_submission_form_states_have_no_violation(
    demo_live, browser_page, axe_js, artifacts, form_name
):
    model, route = FORM_PAGES[form_name]
    page_obj = model.objects.live().get()
    url = demo_live["url"] + page_obj.url + (page_obj.reverse_subpage(route) if route else "")
    browser_page.goto(url)
    check_page(browser_page, axe_js, artifacts, f"{form_name}-empty")

    browser_page.click("form.wd-form button[type=submit]")
    browser_page.wait_for_selector(".wd-errors")
    focused = browser_page.evaluate("() => document.activeElement.closest('.wd-errors') !== null")
    assert focused, "focus goes to the error summary after a failed submit"
    check_page(browser_page, axe_js, artifacts, f"{form_name}-errors")

    fill_form(browser_page)
    browser_page.click("form.wd-form button[type=submit]")
    browser_page.wait_for_url("**/thanks/")
    check_page(browser_page, axe_js, artifacts, f"{form_name}-thanks")


def test_tracker_states_have_no_violation(demo_live, browser_page, axe_js, artifacts):
    page_obj = CorruptionComplaintPage.objects.live().get()
    browser_page.goto(demo_live["url"] + page_obj.url)
    fill_form(browser_page)
    browser_page.click("form.wd-form button[type=submit]")
    browser_page.wait_for_url("**/thanks/")
    code = browser_page.locator("#tracking-code").inner_text().strip()

    track = demo_live["url"] + page_obj.url + page_obj.reverse_subpage("track")
    browser_page.goto(track)
    check_page(browser_page, axe_js, artifacts, "track-empty")
    browser_page.fill("input[name=code]", "AAAAAAAAAA")
    browser_page.click("form.wd-form button[type=submit]")
    browser_page.wait_for_selector(".errorlist, .wd-errors")
    check_page(browser_page, axe_js, artifacts, "track-not-found")
    # The complaint's reference typed in place of the code: a message that says which to use.
    reference = CorruptionComplaint.objects.order_by("-pk").first().reference
    browser_page.fill("input[name=code]", reference)
    browser_page.click("form.wd-form button[type=submit]")
    browser_page.wait_for_selector(".errorlist, .wd-errors")
    check_page(browser_page, axe_js, artifacts, "track-reference")
    browser_page.fill("input[name=code]", code)
    browser_page.click("form.wd-form button[type=submit]")
    browser_page.wait_for_selector(".wd-history")
    check_page(browser_page, axe_js, artifacts, "track-found")
