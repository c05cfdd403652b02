"""The wheel an office installs: built for real, looked inside, and installed in a fresh venv.

The Thai translation is edited in the top-level ``locale/`` and must travel inside the package
(``wagtail_disclosure/locale``), so that ``pip install`` users get Thai without LOCALE_PATHS.
"""

import os
import subprocess
import sys
import sysconfig
import textwrap
import venv
import zipfile
from pathlib import Path

import polib
import pytest

REPO = Path(__file__).resolve().parent.parent
MO = "wagtail_disclosure/locale/th/LC_MESSAGES/django.mo"


@pytest.fixture
def wheel(built_wheel):
    return built_wheel


def test_wheel_carries_translation_templates_static_and_catalogue(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert MO in names
    assert "wagtail_disclosure/locale/th/LC_MESSAGES/django.po" in names
    for template in (
        "base.html",
        "layout.html",
        "pages/transparency_hub_page.html",
        "pages/indicator_page.html",
        "pages/document_page.html",
        "pages/procurement_summary_page.html",
    ):
        assert f"wagtail_disclosure/templates/wagtail_disclosure/{template}" in names
    assert "wagtail_disclosure/static/wagtail_disclosure/public.css" in names
    for edition in ("ita-2566", "obec-measures-18", "ptn1-2565", "spn2-2561"):
        assert f"wagtail_disclosure/catalogue/data/{edition}.yaml" in names
    assert any(n.startswith("wagtail_disclosure/migrations/0001") for n in names)
    assert not any(n.startswith(("tests/", "example_site/", "bench/")) for n in names)


def test_compiled_translation_matches_the_po(wheel, tmp_path):
    """Every translated message of locale/th/django.po is in the shipped .mo (msgfmt was run)."""
    mo_path = tmp_path / "django.mo"
    mo_path.write_bytes(zipfile.ZipFile(wheel).read(MO))
    # Keyed by context too: one English word may have two Thai words ("Received": a date, a status).
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(mo_path))}
    po = polib.pofile(str(REPO / "locale/th/LC_MESSAGES/django.po"))
    translated = {
        (e.msgctxt, e.msgid): e.msgstr for e in po.translated_entries() if not e.msgid_plural
    }
    assert translated, "nothing translated yet in locale/th"
    missing = {m for m, s in translated.items() if compiled.get(m) != s}
    assert not missing, f"run msgfmt: {sorted(missing)[:5]}"


CHECK_INSTALLED = textwrap.dedent(
    """
    import sys
    import django
    from django.conf import settings

    settings.configure(
        INSTALLED_APPS=["wagtail_disclosure", "wagtail_modeladmin", "wagtail.contrib.settings",
                        "wagtail.documents", "wagtail.images", "wagtail", "modelcluster", "taggit",
                        "simple_history", "django.contrib.auth", "django.contrib.contenttypes"],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
        USE_I18N=True, LANGUAGE_CODE="th", STATIC_URL="/static/",
        TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True}],
    )  # no LOCALE_PATHS
    django.setup()
    import wagtail_disclosure
    from django.template.loader import get_template
    from django.utils import translation
    from wagtail_disclosure.catalogue import shipped_editions
    from wagtail_disclosure.catalogue.loader import parse, resolve

    assert wagtail_disclosure.__file__.startswith(sys.prefix), wagtail_disclosure.__file__
    with translation.override("th"):
        print(translation.gettext("Public disclosure"))
    print(len(parse(resolve("ita-2566"))["sections"]), ",".join(shipped_editions()))
    get_template("wagtail_disclosure/pages/transparency_hub_page.html")
    """
)


def test_installed_wheel_speaks_thai_without_locale_paths(wheel, tmp_path):
    """pip-install the wheel into a fresh venv; its dependencies come from this environment
    (a path entry, not a re-download), the package itself only from the wheel."""
    target = tmp_path / "venv"
    venv.create(target, with_pip=False)
    python = target / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
         "--no-index", str(wheel)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    # The dependencies (wagtail, Django, ...) of this test environment, after the venv's own.
    (Path(site) / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    result = subprocess.run(
        [str(python), "-c", CHECK_INSTALLED], capture_output=True, text=True, cwd=tmp_path,
        timeout=120, env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    thai, editions = result.stdout.splitlines()
    expected = polib.pofile(str(REPO / "locale/th/LC_MESSAGES/django.po")).find("Public disclosure")
    assert expected.msgstr and thai == expected.msgstr  # the shipped catalogue's Thai, not English
    # Every edition file of the source tree is in the wheel, and found by its loader.
    in_source = sorted(p.stem for p in (REPO / "wagtail_disclosure/catalogue/data").glob("*.yaml"))
    assert len(in_source) >= 5
    assert editions.endswith(",".join(in_source))


def test_wheel_carries_the_licence_and_true_dependencies(wheel):
    archive = zipfile.ZipFile(wheel)
    names = archive.namelist()
    (licence,) = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
    assert archive.read(licence).decode().startswith("BSD 3-Clause License")
    (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
    text = archive.read(metadata).decode()
    requires = {
        line.split(":", 1)[1].strip().split(";")[0].split(">")[0].split("<")[0].lower()
        for line in text.splitlines()
        if line.startswith("Requires-Dist:") and "extra ==" not in line
    }
    # Every third-party module the app imports directly is declared (by its distribution).
    for distribution in ("modelsearch", "django-tasks", "openpyxl", "Pillow", "django-filter",
                         "polib", "wagtail", "Django", "wagtail-modeladmin"):  # fmt: skip
        assert distribution.lower() in requires, distribution
    assert "dj-database-url" not in requires  # only the example site reads DATABASE_URL
    for version in ("3.11", "3.12", "3.13"):
        assert f"Classifier: Programming Language :: Python :: {version}" in text
    # The two Wagtail lines offices run (7.4 LTS, 8.x), in the requirement and the classifiers.
    (wagtail,) = [line for line in text.splitlines() if line.startswith("Requires-Dist: wagtail<")]
    assert ">=7.4" in wagtail and "<9" in wagtail, wagtail
    for line in ("7", "8"):
        assert f"Classifier: Framework :: Wagtail :: {line}" in text
    urls = dict(
        line.removeprefix("Project-URL: ").split(", ", 1)
        for line in text.splitlines()
        if line.startswith("Project-URL: ")
    )
    assert {"Homepage", "Documentation", "Changelog", "Issues"} <= set(urls), urls
    assert all(url.startswith("https://") for url in urls.values())
    assert "License-Expression: BSD-3-Clause" in text


def test_the_repository_has_licence_and_changelog():
    assert (REPO / "LICENSE").read_text().startswith("BSD 3-Clause License")
    assert (REPO / "CHANGELOG.md").read_text().startswith("# Changelog")
