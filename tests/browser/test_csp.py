"""Under the Content-Security-Policy of the example and production settings, the public pages, the
admin dashboard, the page editor and a report with charts work with no CSP violation in a real
browser (Debian's chromium): every ``securitypolicyviolation`` event and every console message
about the policy is collected on each page and must be none."""

import pytest

from wagtail_disclosure.models import CorruptionComplaintPage, DocumentPage

pytestmark = pytest.mark.browser

LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


def test_no_csp_violation_on_public_and_admin_pages(demo_live, browser_page, login):
    url = demo_live["url"]
    page = browser_page
    page.context.add_init_script(LISTEN)
    console = []
    page.on(
        "console",
        lambda m: console.append(m.text) if "Content Security Policy" in m.text else None,
    )
    policies = {}
    page.on(
        "response",
        lambda r: (
            policies.setdefault(r.url, r.headers.get("content-security-policy"))
            if r.request.resource_type == "document"
            else None
        ),
    )
    seen = {}

    def visit(path, ready=None):
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        if ready:
            page.wait_for_selector(ready)
        seen[path] = page.evaluate("window.__csp") + console[:]
        console.clear()

    document = DocumentPage.objects.live().first()
    visit(demo_live["hub"].url, "main")
    visit(document.url, "main")
    visit(CorruptionComplaintPage.objects.get().url, "form")
    login(page, "admin")
    visit("/admin/", "main")
    visit(f"/admin/pages/{document.pk}/edit/", "[data-draftail-input], .Draftail-Editor, form")
    page.locator("input[name=title]").fill(document.title + " แก้ไข")
    visit("/admin/disclosure/reports/oit-readiness/", "svg.wd-chart")
    visit("/admin/disclosure/reports/service-statistics/", "main")
    visit(demo_live["hub"].url + "?signed-in", "main")  # with Wagtail's user bar
    # The public pages under the strict policy, the admin with inline scripts allowed.
    public = policies[url + demo_live["hub"].url]
    assert "script-src 'self';" in public + ";" and "unsafe-inline" not in public, public
    assert "'unsafe-inline'" in policies[url + "/admin/"]
    problems = {path: sorted(set(v)) for path, v in seen.items() if v}
    assert problems == {}, "\n".join(f"{p}: {x[:160]}" for p, v in problems.items() for x in v)
