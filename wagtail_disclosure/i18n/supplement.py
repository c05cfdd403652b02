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

Command line, for the translation script::

    python -m wagtail_disclosure.i18n.supplement LOCALE_DIR OUT.po   # the merged catalogue, for msgfmt
"""

import importlib.util
import sys
from pathlib import Path

import polib

CATALOGUE = "django.po"
SUPPLEMENT = "wagtail_supplement.po"
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


if __name__ == "__main__":
    locale_dir, out = sys.argv[1:3]
    merged(locale_dir).save(out)
