"""The Thai translation is complete: CI fails on an untranslated or fuzzy message, on a stale .mo,
on a message in the code that the catalogue lacks, on a screen that shows English to a Thai user,
and on a Wagtail supplement entry that Wagtail now translates itself."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.contrib.auth import get_user_model
from django.test.client import RequestFactory

from wagtail_disclosure.i18n import audit as i18n_audit
from wagtail_disclosure.i18n import supplement

REPO = Path(__file__).resolve().parents[2]
FOLDER = REPO / "locale" / "th" / "LC_MESSAGES"
PO = FOLDER / supplement.CATALOGUE
SUPPLEMENT = FOLDER / supplement.SUPPLEMENT
MO = PO.with_suffix(".mo")


def _key(entry):
    return (entry.msgctxt or "", entry.msgid)


@pytest.mark.parametrize("path", [PO, SUPPLEMENT], ids=lambda p: p.name)
def test_every_message_is_translated_and_none_is_fuzzy(path):
    po = polib.pofile(str(path))
    assert len(po) > 100
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"{len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"


@pytest.mark.parametrize("path", [PO, SUPPLEMENT], ids=lambda p: p.name)
def test_placeholders_survive_translation(path):
    if not shutil.which("msgfmt"):
        pytest.fail("msgfmt not found: apt-get install gettext (scripts/system-deps.sh)")
    result = subprocess.run(
        ["msgfmt", "--check-format", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_compiled_catalogue_matches_the_source():
    """django.mo holds the app's catalogue and the Wagtail supplement, as the script merges them."""
    po = {
        _key(e): e.msgstr or e.msgstr_plural.get(0, "")
        for e in supplement.merged(FOLDER)
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


def test_supplement_holds_only_messages_the_code_does_not_define():
    """A message of our code belongs in django.po; a copy in the supplement would never be used."""
    own = {_key(e) for e in polib.pofile(str(PO))}
    both = sorted(own & {_key(e) for e in polib.pofile(str(SUPPLEMENT))})
    assert not both, f"{len(both)} messages in both catalogues, e.g. {both[:5]}"


def test_supplement_has_nothing_wagtail_translates_itself():
    upstream = supplement.upstream_translations("th")
    assert len(upstream) > 100  # Wagtail's Thai catalogues were found
    stale = [e.msgid for e in supplement.translated_upstream(FOLDER, upstream)]
    assert not stale, (
        f"Wagtail now translates {len(stale)} messages of the supplement, e.g. {stale[:5]}: "
        "drop them (disclosure_translation_audit --write does) and run scripts/update-translation.sh"
    )


def _mo(path, translations):
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for msgid, msgstr in translations.items():
        catalogue.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    path.parent.mkdir(parents=True)
    catalogue.save_as_mofile(str(path))


def test_the_check_flags_a_message_a_wagtail_release_now_translates(tmp_path):
    folder = tmp_path / "th" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    shutil.copy(PO, folder)
    supplement.update(folder, {("gettext", "Reports"), ("ngettext", "1 page", "%(n)s pages")})
    wagtail = tmp_path / "wagtail"
    _mo(wagtail / "admin" / "locale" / "th" / "LC_MESSAGES" / "django.mo", {"Reports": "รายงาน"})
    _mo(wagtail / "users" / "locale" / "th" / "LC_MESSAGES" / "django.mo", {"Users": ""})
    upstream = supplement.upstream_translations("th", roots=[wagtail])
    assert [e.msgid for e in supplement.translated_upstream(folder, upstream)] == ["Reports"]
    added, dropped = supplement.update(folder, set(), drop={("", "Reports")})
    assert (added, dropped) == (0, 1)
    entries = polib.pofile(str(folder / supplement.SUPPLEMENT))
    assert [(e.msgid, e.msgid_plural, e.msgstr_plural) for e in entries] == [
        ("1 page", "%(n)s pages", {0: ""})
    ]
    assert entries.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
