"""Smoke suite of the real server stack (deploy/stack.sh), through nginx: skipped unless STACK_URL
names a running stack. Plain HTTP requests from outside, as a visitor's browser sends them."""

import http.cookiejar
import os
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest

STACK_URL = os.environ.get("STACK_URL")
pytestmark = pytest.mark.skipif(not STACK_URL, reason="no server stack (deploy/stack.sh start)")

COMPLAINT = "/oit/o28/report-corruption/"


class Visitor:
    """One browser: its own cookies (session, CSRF), plain urllib."""

    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            _NoRedirect,
        )

    def get(self, path):
        return self._open(urllib.request.Request(STACK_URL + path))

    def post(self, path, data, headers=None):
        status, html = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        body = urllib.parse.urlencode(dict(data, csrfmiddlewaretoken=token)).encode()
        request = urllib.request.Request(
            STACK_URL + path,
            data=body,
            headers={"Referer": STACK_URL + path, **(headers or {})},
        )
        return self._open(request)

    def _open(self, request):
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace") + error.headers.get(
                "Location", ""
            )


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


COMPLAINT_FORM = {
    "complaint_type": "bribery",
    "subject": "เรียกรับเงินค่าเซ็นเอกสาร",
    "details": "เจ้าหน้าที่เรียกเงินเพื่อเร่งเอกสาร",
    "accused": "เจ้าหน้าที่",
    "incident_place": "สำนักงานเขต",
    "anonymous": "on",
    "consent": "on",
}


def test_public_pages_answer_in_thai_with_the_strict_policy():
    for path in ("/", "/oit/", COMPLAINT):
        status, html = Visitor().get(path)
        assert status == 200, path
        assert 'lang="th"' in html
    request = urllib.request.Request(STACK_URL + "/oit/")
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 — loopback stack
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    status, _css = Visitor().get("/static/wagtailadmin/css/core.css")
    assert status == 200  # served by nginx from collectstatic


def test_complaint_filed_and_followed_then_the_limit_counts_across_workers():
    visitor = Visitor()
    status, location = visitor.post(COMPLAINT, COMPLAINT_FORM)
    assert status == 302, location[:500]
    status, thanks = visitor.get(COMPLAINT + "thanks/")
    code = re.search(r'id="tracking-code">([^<]+)<', thanks).group(1)
    status, tracked = visitor.post(COMPLAINT + "track/", {"code": code})
    assert status == 200 and re.search(r"เรื่องร้องเรียน \d{4}-\d{5}", tracked), tracked[-2000:]

    # The complaint limit is 3 an hour per client. Each post is a new connection that either of the
    # two gunicorn workers may answer; a spoofed X-Forwarded-For changes nothing behind nginx.
    codes = [
        Visitor().post(COMPLAINT, COMPLAINT_FORM, {"X-Forwarded-For": f"198.51.100.{n}"})[0]
        for n in range(6)
    ]
    assert codes == [302, 302, 429, 429, 429, 429], codes
