"""Smoke suite of the real server stack (deploy/stack.sh), through nginx: skipped unless STACK_URL
names a running stack. Plain HTTP requests from outside, as a visitor's browser sends them, signed
in as the demo users where the admin is used (``setup_demo`` seeded the stack's database).

Where the evidence is not on a page (a background job's record), the test reads the stack's own
PostgreSQL database: ``STACK_DIR`` names the stack (its ``env`` file holds ``DATABASE_URL``).
"""

import http.cookiejar
import os
import re
import secrets
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.utils.admin_forms import form_data

STACK_URL = os.environ.get("STACK_URL")
STACK_DIR = os.environ.get("STACK_DIR")
pytestmark = pytest.mark.skipif(not STACK_URL, reason="no server stack (deploy/stack.sh start)")

COMPLAINT = "/oit/o28/report-corruption/"
DEMO_PASSWORD = "demo-2566"


class Visitor:
    """One browser: its own cookies (session, CSRF), plain urllib."""

    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            _NoRedirect,
        )

    def get(self, path):
        return self._open(urllib.request.Request(STACK_URL + path))

    def sign_in(self, username):
        status, location = self.post(
            "/admin/login/", {"username": username, "password": DEMO_PASSWORD, "next": "/admin/"}
        )
        assert status == 302 and location.endswith("/admin/"), (username, status, location[-300:])
        return self

    def send_form(self, path, data, files=None):
        """POST ``data`` (already holding the CSRF token, as read from the form) to ``path``,
        multipart when ``files`` (``{name: (filename, bytes, content type)}``) are given."""
        headers = {"Referer": STACK_URL + path}
        if files:
            body, headers["Content-Type"] = _multipart(data, files)
        else:
            body = urllib.parse.urlencode(data, doseq=True).encode()
        return self._open(urllib.request.Request(STACK_URL + path, data=body, headers=headers))

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
                return response.status, response.read().decode(errors="replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace") + error.headers.get(
                "Location", ""
            )


def _multipart(data, files):
    boundary = uuid.uuid4().hex
    parts = []
    for name, values in data.items():
        for value in values if isinstance(values, list) else [values]:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
                + str(value).encode()
                + b"\r\n"
            )
    for name, (filename, content, content_type) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), (
        f"multipart/form-data; boundary={boundary}"
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


# --- a page through the approval chain, its attachment's text from the background worker --------


def pdf_with_text(text):
    """A one-page PDF whose text layer says ``text`` (ASCII), with a correct cross-reference table."""
    stream = f"BT /F1 24 Tf 72 700 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    pdf, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return pdf


def stack_database():
    """A connection to the stack's PostgreSQL database (read from ``$STACK_DIR/env``)."""
    import psycopg

    if not STACK_DIR:
        pytest.fail("STACK_DIR must name the running stack (deploy/stack.sh prints it)")
    env = Path(STACK_DIR, "env").read_text()
    url = re.search(r"^export DATABASE_URL=(\S+)$", env, re.MULTILINE).group(1)
    return psycopg.connect(url, autocommit=True)


def one(database, sql, *params):
    with database.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def wait_for(check, seconds=90):
    """``check()``'s first true answer, asked once a second; None after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        answer = check()
        if answer:
            return answer
        time.sleep(1)
    return None


def review(username, page_id, database):
    """The demo user ``username`` allows the page's current step from their task's review screen,
    which their dashboard links to."""
    (task_state,) = one(
        database,
        "SELECT current_task_state_id FROM wagtailcore_workflowstate "
        "WHERE object_id = %s AND status = 'in_progress'",
        str(page_id),
    )
    reviewer = Visitor().sign_in(username)
    url = f"/admin/disclosure/approval/review/{task_state}/"
    status, dashboard = reviewer.get("/admin/")
    assert status == 200 and url in dashboard, username
    status, html = reviewer.get(url)
    assert status == 200, (username, status)
    data = form_data(html, form_id=None)
    data.update({"action": "approve", "allow-comment": f"เห็นควรอนุญาต ({username})"})
    status, location = reviewer.send_form(url, data)
    assert status == 302, (username, status, location[-2000:])


def test_a_page_goes_through_the_chain_and_its_attachment_text_through_the_worker():
    """The author uploads a PDF and files the request memo for a page that attaches it; the group
    director and the director allow it from their tasks; the page is then live, served through
    nginx with its file. The upload's text extraction was enqueued by the web process and run by
    the django-tasks worker: its record says so, and the public search finds the page by a word
    that exists only inside the PDF."""
    database = stack_database()
    word = f"zq{secrets.token_hex(5)}"
    title = f"แผนปฏิบัติการทดสอบระบบ {word[-4:]}"
    author = Visitor().sign_in("author")

    # The upload, as the author's browser sends it.
    status, html = author.get("/admin/documents/add/")
    data = form_data(html, form_id=None)
    data.update(title=f"ไฟล์แผน {word[-4:]}", source="กลุ่มนโยบายและแผน", licence="own")
    data["copyright_holder"] = "สพป.ตัวอย่าง เขต ๑"
    pdf = pdf_with_text(f"Annual plan {word}")
    status, location = author.send_form(
        "/admin/documents/add/", data, {"file": ("plan.pdf", pdf, "application/pdf")}
    )
    assert status == 302, location[-2000:]
    (document_id,) = one(
        database, "SELECT id FROM wagtaildocs_document WHERE title = %s", data["title"]
    )
    job = "SELECT status, worker_ids, return_value FROM django_tasks_database_dbtaskresult "
    job += "WHERE task_path = %s AND args_kwargs -> 'args' = %s::jsonb"
    job_args = ("wagtail_disclosure.search.jobs.extract_document_text", f"[{document_id}]")
    assert one(database, job, *job_args) is not None  # enqueued by the web process's upload
    finished = ("SUCCESSFUL", "FAILED")
    done = wait_for(lambda: (row := one(database, job, *job_args)) and row[0] in finished and row)
    assert done and done[0] == "SUCCESSFUL", done
    assert done[1] and done[2] >= len(word)  # run by a worker, and it extracted the text
    (text,) = one(
        database,
        "SELECT text FROM wagtail_disclosure_documenttext WHERE document_id = %s",
        document_id,
    )
    assert word in text

    # The page, under O11 (needs the director's order), with the file attached; saved as a draft.
    (parent,) = one(database, "SELECT id FROM wagtailcore_page WHERE url_path = '/office/oit/o11/'")
    add = f"/admin/pages/add/wagtail_disclosure/documentpage/{parent}/"
    status, html = author.get(add)
    data = form_data(html)
    slug = f"plan-{word}"
    data.update(title=title, slug=slug, number="ศธ 04001/900")
    data.update(
        {
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-document": str(document_id),
            "attachments-0-title": "แผนปฏิบัติการ",
            "attachments-0-ORDER": "1",
            "attachments-0-id": "",
            "attachments-0-DELETE": "",
        }
    )
    status, location = author.send_form(add, data)
    page_id = re.search(r"/admin/pages/(\d+)/edit/", location)
    assert status == 302 and page_id, location[-3000:]
    page_id = int(page_id.group(1))
    public = f"/oit/o11/{slug}/"
    (file_name,) = one(database, "SELECT file FROM wagtaildocs_document WHERE id = %s", document_id)
    document_url = f"/documents/{document_id}/{file_name.rpartition('/')[2]}"
    assert Visitor().get(public)[0] == 404  # a draft
    assert Visitor().get(document_url)[0] in (403, 404)  # no live approved page shows it yet

    # The request memo, then the two steps of the chain.
    memo = f"/admin/disclosure/approval/request/{page_id}/"
    status, html = author.get(memo)
    assert status == 200 and 'name="certified"' in html, html[-3000:]
    data = form_data(html, form_id=None)
    data.update(certified="on", number="ศธ 04001/900")
    status, location = author.send_form(memo, data)
    assert status == 302, location[-3000:]
    review("groupdirector", page_id, database)
    assert Visitor().get(public)[0] == 404  # one step is not the chain
    review("director", page_id, database)

    status, html = Visitor().get(public)
    assert status == 200 and title in html
    assert document_url in html
    status, body = Visitor().get(document_url)
    assert status == 200 and body.startswith("%PDF") and word in body
    # The worker indexes the published page with its attachment's text: the public search finds
    # it by a word that is only in the PDF.
    found = wait_for(lambda: slug in Visitor().get(f"/disclosure/search/?q={word}")[1])
    assert found, f"the search never found {word}"


def test_the_agency_sees_both_demo_offices_and_only_the_administrator_manages_agencies():
    status, html = Visitor().sign_in("agency").get("/admin/disclosure/reports/agency/")
    assert status == 200
    assert "สพป.ตัวอย่าง เขต ๑" in html and "สพป.ตัวอย่าง เขต ๒" in html and "<svg" in html
    assert Visitor().sign_in("agency").get("/admin/disclosure/agencies/")[0] in (302, 403)
    status, html = Visitor().sign_in("admin").get("/admin/disclosure/agencies/")
    assert status == 200 and "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน (ตัวอย่าง)" in html
