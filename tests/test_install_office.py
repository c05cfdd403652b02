"""What an office does, end to end (``pytest -m install``; its own stage of ``.ci/run``, once per
Wagtail line).

A fresh ``wagtail start`` site in a fresh venv, on the Wagtail line of this test run, that already
holds what an office's site holds: a stock image, a stock document and a home page whose rich text
shows the image and links the document. Then the office's steps, literally: ``pip install`` the
built wheel, paste the README's settings and URL blocks (read from README.md), run the README's
commands (``migrate``, ``disclosure_setup_office``, ``check``). Then the site's own content is as
it was, the hub lists the indicators inside the site's own base template, and a page under an
approval-required indicator goes through the chain in the admin (request memo → group director
→ director) to live.

The site runs in its own processes with only the venv's packages (``tests/office_site/``: nothing
of this checkout is importable there), so a missing dependency, a template or migration missing
from the wheel, or a README step that does not work fails here.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import django
import pytest
import wagtail

from tests.utils import readme_install

pytestmark = pytest.mark.install

SCRIPTS = Path(__file__).resolve().parent / "office_site"
# The office's own Python (another supported version, as CI gives: 3.12, 3.13); default: this one.
OFFICE_PYTHON = os.environ.get("OFFICE_PYTHON") or sys.executable
HOME_MODELS = """from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    body = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
"""
HOME_TEMPLATE = """{% extends "base.html" %}{% load wagtailcore_tags %}
{% block content %}<h1>{{ page.title }}</h1>{{ page.body|richtext }}{% endblock %}
"""


class Office:
    """The office's site folder and venv; ``run`` is a command in the site folder."""

    def __init__(self, root):
        self.root = root
        self.venv = root / "venv"
        self.site = root / "mysite"
        self.python = self.venv / "bin" / "python"
        self.env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("PYTHONPATH", "DJANGO_SETTINGS_MODULE", "DATABASE_URL", "VIRTUAL_ENV")
        }
        # The scripts of tests/office_site import the site's modules, as manage.py does.
        self.env.update(DJANGO_SETTINGS_MODULE="mysite.settings.dev", PYTHONPATH=str(self.site))
        self.log = []

    def run(self, *args, cwd=None, timeout=600):
        result = subprocess.run(
            [str(a) for a in args], cwd=cwd or self.site, env=self.env, capture_output=True,
            text=True, timeout=timeout,
        )  # fmt: skip
        self.log.append((args, result.returncode, result.stdout[-2000:], result.stderr[-4000:]))
        assert result.returncode == 0, f"{args}:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
        return result.stdout

    def manage(self, *args):
        return self.run(self.python, "manage.py", *args)


@pytest.fixture(scope="module")
def office(tmp_path_factory, built_wheel):
    office = Office(tmp_path_factory.mktemp("office"))
    office.run(OFFICE_PYTHON, "-m", "venv", office.venv, cwd=office.root)
    # The wheel and its dependencies as pip resolves them (the machine's index), on this run's
    # Wagtail line.
    office.run(
        office.python, "-m", "pip", "install", "--quiet", built_wheel,
        f"wagtail=={wagtail.__version__}", f"Django=={django.__version__}",
        cwd=office.root, timeout=1200,
    )  # fmt: skip
    office.run(office.venv / "bin" / "wagtail", "start", "mysite", cwd=office.root)

    # What the office's site already is: a home page with a rich-text body, an image, a document.
    (office.site / "home" / "models.py").write_text(HOME_MODELS, encoding="utf-8")
    (office.site / "home" / "templates" / "home" / "home_page.html").write_text(
        HOME_TEMPLATE, encoding="utf-8"
    )
    office.manage("makemigrations", "home")
    office.manage("migrate", "--noinput")
    office.seed = json.loads(office.run(office.python, SCRIPTS / "seed.py").splitlines()[-1])

    # The README's install section, literally.
    readme_install.apply_settings(office.site / "mysite" / "settings" / "base.py")
    readme_install.apply_urls(office.site / "mysite" / "urls.py")
    office.outputs = [office.manage(*command) for command in readme_install.commands()]

    office.found = json.loads(
        office.run(office.python, SCRIPTS / "verify.py", json.dumps(office.seed)).splitlines()[-1]
    )
    return office


def test_the_site_had_its_content_before_the_install(office):
    seed = office.seed
    assert len(seed["home"]["images"]) == 1 and seed["home"]["documents"] == [seed["document_url"]]


def test_the_app_is_the_installed_wheel_on_this_wagtail_line(office):
    found = office.found
    assert found["app"].startswith(found["prefix"]), found["app"]
    report = "import sys, wagtail, django; print(wagtail.__version__, django.__version__, *sys.version_info[:2])"
    versions = office.run(office.python, "-c", report).split()
    python = office.run(OFFICE_PYTHON, "-c", "import sys; print(*sys.version_info[:2])").split()
    assert versions == [wagtail.__version__, django.__version__, *python]


def test_the_readme_commands_run_and_check_finds_nothing(office):
    assert [c[0] for c in readme_install.commands()] == [
        "migrate",
        "disclosure_setup_office",
        "check",
    ]
    setup, check = office.outputs[1], office.outputs[2]
    assert re.search(r"https://[^\s/]+/oit/", setup) and "/home/oit/" not in setup  # public address
    assert "System check identified no issues" in check


def test_the_sites_image_document_and_page_are_as_they_were(office):
    seed, old = office.seed, office.found["old"]
    assert old["home_status"] == 200
    assert old["home"] == seed["home"]  # the same rendition, the same document link
    assert old["image_file"] == seed["image_file"]
    assert old["image_status"] == [200]
    assert old["document_url"] == seed["document_url"]
    assert old["document_status"] == 200 and old["document_bytes"] == seed["document_bytes"]


def test_new_uploads_get_rights_and_change_nothing_of_the_old(office):
    uploads = office.found["uploads"]
    assert uploads["status"] == [302, 302]
    assert uploads["rights"] == ["งานประชาสัมพันธ์", "งานประชาสัมพันธ์"]  # the side records
    assert uploads["home"] == office.seed["home"]


def test_the_hub_lists_the_indicators_in_the_sites_own_frame(office):
    hub = office.found["hub"]
    assert hub["status"] == 200
    assert hub["indicators"] == [f"o{n}" for n in range(1, 44)]
    assert hub["site_base"] and hub["breadcrumb"]


def test_a_page_goes_through_the_chain_to_live(office):
    chain = office.found["chain"]
    assert chain["steps"] == [["memo", 302], ["group_review", 302], ["director_order", 302]]
    assert chain["live"] and chain["public_status"] == 200
