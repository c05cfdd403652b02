"""The Thai translation is complete: CI fails on an untranslated or fuzzy message, on a stale .mo,
on a message in the code that the catalogue lacks, and on a screen that shows English to a Thai user."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.contrib.auth import get_user_model
from django.test.client import RequestFactory

from wagtail_disclosure.i18n import audit as i18n_audit

REPO = Path(__file__).resolve().parents[2]
PO = REPO / "locale" / "th" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


def _key(entry):
    return (entry.msgctxt or "", entry.msgid)


def test_every_message_is_translated_and_none_is_fuzzy():
    po = polib.pofile(str(PO))
    assert len(po) > 100
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"{len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"


def test_placeholders_survive_translation():
    if not shutil.which("msgfmt"):
        pytest.fail("msgfmt not found: apt-get install gettext (scripts/system-deps.sh)")
    result = subprocess.run(
        ["msgfmt", "--check-format", "-o", "/dev/null", str(PO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_compiled_catalogue_matches_the_source():
    po = {
        _key(e): e.msgstr or e.msgstr_plural.get(0, "")
        for e in polib.pofile(str(PO))
        if not e.obsolete
    }
    mo = {_key(e): e.msgstr or e.msgstr_plural.get(0, "") for e in polib.mofile(str(MO))}
    assert po == mo, "locale/th/LC_MESSAGES/django.mo is stale: run scripts/update-translation.sh"


def test_catalogue_has_every_message_of_the_code(tmp_path):
    """Extract again from the code into a copy and compare: nothing new may be missing."""
    if not shutil.which("xgettext"):
        pytest.fail("xgettext not found: apt-get install gettext (scripts/system-deps.sh)")
    package = tmp_path / "wagtail_disclosure"
    shutil.copytree(
        REPO / "wagtail_disclosure", package, ignore=shutil.ignore_patterns("__pycache__")
    )
    (package / "locale" / "th" / "LC_MESSAGES").mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, str(REPO / "example_site" / "manage.py")]
        + ["makemessages", "-l", "th", "--no-wrap"],
        cwd=package,
        check=True,
        capture_output=True,
    )
    fresh = {
        _key(e) for e in polib.pofile(str(package / "locale" / "th" / "LC_MESSAGES" / "django.po"))
    }
    known = {_key(e) for e in polib.pofile(str(PO))}
    missing = sorted(fresh - known)
    assert not missing, (
        f"{len(missing)} messages not in the catalogue, e.g. {missing[:5]}: run scripts/update-translation.sh"
    )


@pytest.mark.parametrize("username", ["admin", "supervisor", "author"])
def test_screens_show_no_english_to_a_thai_user(demo, client, username):
    user = get_user_model().objects.get(username=username)
    client.force_login(user)
    request = RequestFactory().get("/admin/")
    request.user = user
    urls = i18n_audit.admin_menu_urls(request) + i18n_audit.page_urls()
    found = i18n_audit.audit(client, urls, "th")
    assert len(urls) > 20
    report = [f"{call!r} on {where[0]}" for call, where in sorted(found.items())]
    assert not report, f"{len(report)} messages shown untranslated:\n" + "\n".join(report[:40])
