"""Fixtures shared by the whole suite.

- ``demo``: the demo office as ``setup_demo`` builds it (site, hub, users, sample content).
- ``browser_page``: a Playwright page in Debian's /usr/bin/chromium, never a downloaded browser.
- ``artifacts``: the folder where screenshots, PDFs and PNGs of a run are kept.
- ``built_wheel``: the wheel an office installs, built once per run from this checkout.
"""

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.utils.site_process import empty_database  # noqa: F401 – a fixture for every test

ARTIFACTS = Path(
    os.environ.get("TEST_ARTIFACTS", Path(__file__).resolve().parent.parent / "test-artifacts")
)
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

DEMO_PASSWORD = "demo-2566"
REPO = Path(__file__).resolve().parent.parent

# Playwright's sync API keeps an event loop running in the test thread; Django's ORM would refuse to
# run next to it. The ORM calls of a test still run synchronously, so this is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def artifacts(request):
    """A folder for this test's artifacts, under test-artifacts/<test name>/."""
    folder = ARTIFACTS / request.node.name.replace("/", "_")[:120]
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def built_wheel(tmp_path_factory):
    """``python -m build --wheel`` of this checkout (no isolated env: the build backend is in the
    test environment)."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(REPO)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    (path,) = out.glob("wagtail_disclosure-*.whl")
    return path


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the demo office once per test database; every test starts from it.

    The state is serialized again afterwards, so transactional tests that ask for serialized
    rollback get the demo office back, not just what migrations created.
    """
    from django.db import connections

    with django_db_blocker.unblock():
        # One office: the suite's tests of one office; the isolation tests add their own second.
        call_command("setup_demo", force=True, quiet=True, single_office=True)
        for conn in connections.all():
            conn._test_serialized_contents = conn.creation.serialize_db_to_string()
            # Django's connections are context-local, and Playwright's event loop gives the test
            # thread a new context: after a browser test, later tests get new connection objects
            # without the attribute, and serialized rollback silently restores nothing. Keep it
            # on the class too, so every connection object of this backend finds it.
            type(conn)._test_serialized_contents = conn._test_serialized_contents


def _demo_handles():
    from wagtail.models import Site

    from wagtail_disclosure.models import TransparencyHubPage

    site = Site.objects.get(is_default_site=True)
    return {"site": site, "hub": TransparencyHubPage.objects.get(), "password": DEMO_PASSWORD}


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (the hub caches its table) and reads the catalogue's
    items afresh (a test may change them with ``update()``, which sends no signal)."""
    from django.core.cache import cache

    from wagtail_disclosure import compiled
    from wagtail_disclosure.models.catalogue import forget_items

    cache.clear()
    forget_items()
    compiled.VERIFY = True  # a compiled query's key that leaves something out fails the test


@pytest.fixture
def demo(db):
    """The demo office, as ``setup_demo`` built it at the start of the session."""
    return _demo_handles()


@pytest.fixture
def demo_live(django_db_serialized_rollback, transactional_db, live_server):
    """The demo office, committed so that the live server thread (and the browser) sees it."""
    return dict(_demo_handles(), url=live_server.url)


@pytest.fixture(scope="session")
def _playwright():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(
            f"Debian chromium not found at {CHROMIUM}: run .ci/run or apt-get install chromium"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class _RequestsInFlight:
    """How many requests the live server's threads are serving (Django's request signals)."""

    def __init__(self):
        self.count, self.lock = 0, threading.Lock()

    def started(self, **kwargs):
        with self.lock:
            self.count += 1

    def finished(self, **kwargs):
        with self.lock:
            self.count -= 1

    def wait_until_idle(self, seconds=10.0):
        deadline = time.monotonic() + seconds
        while self.count > 0 and time.monotonic() < deadline:
            time.sleep(0.05)


@pytest.fixture
def browser_page(_playwright, artifacts):
    """A fresh browser context in Thai; a screenshot of the last state is kept on teardown.

    The admin's pages keep asking the server after a test's last step (Wagtail's editing-session
    ping, previews): the context is closed and those requests are let finish before the test's
    database is emptied, which SQLite refuses while another thread reads a table.
    """
    from django.core.signals import request_finished, request_started

    in_flight = _RequestsInFlight()
    request_started.connect(in_flight.started, weak=False)
    request_finished.connect(in_flight.finished, weak=False)
    context = _playwright.new_context(locale="th-TH", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    try:
        page.screenshot(path=str(artifacts / "last.png"), full_page=True)
    finally:
        context.close()
        in_flight.wait_until_idle()
        request_started.disconnect(in_flight.started)
        request_finished.disconnect(in_flight.finished)


@pytest.fixture
def login(live_server):
    """``login(page, username)`` signs a demo user in through the real admin login form."""

    def _login(page, username, password=DEMO_PASSWORD):
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/**")
        return page

    return _login
