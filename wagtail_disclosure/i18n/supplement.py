"""Thai for the Wagtail admin messages this app's screens show and Wagtail's own catalogue lacks.

They are data, kept in a catalogue of their own beside the app's: ``locale/th/LC_MESSAGES/`` holds
``django.po`` (the messages of this app's code, kept current by ``makemessages``) and
``wagtail_supplement.po`` (Wagtail's messages, added by ``disclosure_translation_audit --write``).
Django reads one ``django.mo`` per locale folder, so ``scripts/update-translation.sh`` compiles the
two into it (``merged``); as ``wagtail_disclosure`` is listed before the Wagtail apps, its Thai wins.

When a Wagtail release translates a message itself, the supplement's entry is dead weight that
hides Wagtail's own wording: ``translated_upstream`` names such entries (``tests/locale`` fails on
them; ``--write`` drops them).

Where Wagtail's own Thai is wrong (the main menus' "หลายหน้า", "หลายๆผู้ใช้", "หลายเว็บไซด์": a
plural marker Thai does not use, a misspelt เว็บไซต์), the supplement gives better Thai on purpose;
such entries carry the translator comment ``OVERRIDE`` and are kept although Wagtail translates them.

The admin's scripts (the sidebar, the rich-text editor, comments, autosave) read their messages
from Wagtail's JavaScript catalogue, whose Thai lacks most of them ("new items in this menu" on
every screen): ``wagtail_supplement_js.po`` holds their Thai, ``script_catalogue`` makes it a
static script that adds them to the browser's catalogue (``django.catalog``) where Wagtail's has
none, and ``admin_script`` puts it on every admin screen shown in that language (the
``insert_global_admin_js`` hook; it runs before the sidebar is drawn, on DOMContentLoaded).

Command line, for the translation script::

    python -m wagtail_disclosure.i18n.supplement LOCALE_DIR OUT.po   # the merged catalogue, for msgfmt
    python -m wagtail_disclosure.i18n.supplement --js PO OUT.js       # the scripts' supplement
"""

import importlib.util
import json
import sys
from pathlib import Path

import polib
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import get_language

CATALOGUE = "django.po"
SUPPLEMENT = "wagtail_supplement.po"
SCRIPT_SUPPLEMENT = "wagtail_supplement_js.po"
# Where the scripts' supplement is written, per language, under the app's static files.
SCRIPT_STATIC = "wagtail_disclosure/js/wagtail-supplement.{language}.js"
UPSTREAM_PACKAGE = "wagtail"
METADATA = ("Language", "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Plural-Forms")
OVERRIDE = "Better Thai than Wagtail's own: kept although Wagtail translates it."
HEADER = (
    "Thai for Wagtail admin messages that wagtail-disclosure's screens show and Wagtail's own\n"
    "Thai catalogue lacks. Added by `manage.py disclosure_translation_audit --write`; compiled\n"
    "into django.mo with django.po by scripts/update-translation.sh\n"
    "(see wagtail_disclosure/i18n/supplement.py)."
)


def key(entry):
    """What identifies a message in a catalogue: its context and its msgid."""
    return (entry.msgctxt or "", entry.msgid)


def _translated(entry):
    return bool(entry.msgstr or any(entry.msgstr_plural.values()))


def load(folder):
    """The supplement in ``folder`` (``.../th/LC_MESSAGES``); an empty one, headed like the
    app's own catalogue, when there is none yet."""
    folder = Path(folder)
    path = folder / SUPPLEMENT
    if path.exists():
        return polib.pofile(str(path))
    own = polib.pofile(str(folder / CATALOGUE)).metadata
    supplement = polib.POFile()
    supplement.header = HEADER
    supplement.metadata = {"Project-Id-Version": "wagtail-disclosure, Wagtail supplement"}
    supplement.metadata |= {name: own[name] for name in METADATA if name in own}
    return supplement


def merged(folder):
    """The app's catalogue with the supplement's entries it lacks: what ``django.mo`` is built from."""
    folder = Path(folder)
    catalogue = polib.pofile(str(folder / CATALOGUE))
    own = {key(entry) for entry in catalogue}
    for entry in load(folder):
        if not entry.obsolete and key(entry) not in own:
            catalogue.append(entry)
    return catalogue


def upstream_translations(language="th", roots=None):
    """The messages (``key``) that Wagtail's own compiled catalogues for ``language`` translate.

    ``roots``: the folders to search for ``**/locale/<language>/LC_MESSAGES/django.mo`` (default:
    the installed ``wagtail`` package).
    """
    if roots is None:
        spec = importlib.util.find_spec(UPSTREAM_PACKAGE)
        roots = list(spec.submodule_search_locations) if spec else []
    keys = set()
    for root in roots:
        for mo in sorted(Path(root).glob(f"**/locale/{language}/LC_MESSAGES/django.mo")):
            keys |= {key(e) for e in polib.mofile(str(mo)) if e.msgid and _translated(e)}
    return keys


def translated_upstream(folder, upstream):
    """Entries of the supplement in ``folder`` that ``upstream`` (``upstream_translations``) has."""
    return [
        entry
        for entry in load(folder)
        if key(entry) in upstream and OVERRIDE not in (entry.tcomment or "")
    ]


def entry_for(call):
    """An untranslated entry for a call the audit found, e.g. ``("npgettext", ctx, one, many)``."""
    name, *texts = call
    context = texts.pop(0) if name.startswith(("pgettext", "npgettext")) else None
    entry = polib.POEntry(msgctxt=context, msgid=texts[0], msgstr="")
    if name.startswith("n"):
        entry.msgid_plural, entry.msgstr = texts[1], ""
        entry.msgstr_plural = {0: ""}
    if "%(" in "".join(texts) or "%s" in "".join(texts):
        entry.flags.append("python-format")
    return entry


def update(folder, calls, drop=()):
    """Add the audit's ``calls`` the supplement lacks (untranslated, for a maintainer to translate)
    and remove the entries whose ``key`` is in ``drop``; save it. Returns (added, dropped)."""
    supplement = load(folder)
    dropped = [entry for entry in supplement if key(entry) in set(drop)]
    for entry in dropped:
        supplement.remove(entry)
    present = {key(entry) for entry in supplement}
    added = 0
    for call in sorted(calls):
        entry = entry_for(call)
        if key(entry) not in present:
            supplement.append(entry)
            present.add(key(entry))
            added += 1
    supplement.sort(key=lambda entry: (entry.msgid, entry.msgctxt or ""))
    supplement.save(str(Path(folder) / SUPPLEMENT))
    return added, len(dropped)


def script_catalogue(po_path):
    """The text of a script adding the catalogue's translations to ``django.catalog`` where
    Wagtail's catalogue has none (plural messages as Django's catalogue holds them: a list)."""
    catalogue = {}
    for entry in polib.pofile(str(po_path)):
        if entry.obsolete or not _translated(entry) or "fuzzy" in entry.flags:
            continue
        name = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            catalogue[name] = [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
        else:
            catalogue[name] = entry.msgstr
    body = json.dumps(catalogue, ensure_ascii=False, indent=0, sort_keys=True)
    return (
        f"// Made by scripts/update-translation.sh from {Path(po_path).name}: do not edit.\n"
        "(function () {\n"
        "  if (!window.django || !window.django.catalog) return;\n"
        f"  var supplement = {body};\n"
        "  for (var message in supplement) {\n"
        "    if (!(message in window.django.catalog)) window.django.catalog[message] = supplement[message];\n"
        "  }\n"
        "})();\n"
    )


def admin_script():
    """``insert_global_admin_js``: the scripts' supplement of the active language, if there is one."""
    language = (get_language() or "").split("-")[0]
    name = SCRIPT_STATIC.format(language=language)
    if not language or not finders.find(name):
        return ""
    return format_html('<script src="{}"></script>', static(name))


if __name__ == "__main__":
    if sys.argv[1] == "--js":
        Path(sys.argv[3]).write_text(script_catalogue(sys.argv[2]), "utf-8")
    else:
        locale_dir, out = sys.argv[1:3]
        merged(locale_dir).save(out)
