"""Find the messages a screen asks for in Thai and does not get.

Renders admin and public screens through Django's test client with a spy on gettext, and reports
every message that came back untranslated: this app's own and the Wagtail admin's that Wagtail's
Thai catalogue lacks. Maintainers run ``disclosure_translation_audit``; the test suite runs the
same audit so that CI fails on a screen that shows English to a Thai user.
"""

import contextlib
import re

from django.urls import reverse
from django.utils import translation
from django.utils.translation import trans_real

IGNORED = re.compile(
    r"^(%\(\w+\)s|[\W\d_]+|[A-Z]{2,6}|O\d+|https?://\S+|[\w.-]+@[\w.-]+)$"
    # placeholders only, punctuation, acronyms (PDF, CSV, OIT), indicator codes, URLs, e-mails
)


@contextlib.contextmanager
def spy(language="th"):
    """Collect messages returned untranslated while ``language`` is active."""
    missing = set()
    trans = translation._trans
    saved = {}

    def wrap(name, index):
        original = getattr(trans_real, name)

        def spying(*args):
            result = original(*args)
            message = args[index]
            plural = name.startswith("n") and result == args[index + 1]
            if (
                (result == message or plural)
                and trans_real.get_language() == language
                and _worth_translating(message)
                and not _in_catalogue(name, args, language)
            ):
                # the call as a tuple: (function, *its text arguments), e.g. ("pgettext", ctx, msg)
                missing.add((name, *[a for a in args if isinstance(a, str)]))
            return result

        saved[name] = trans.__dict__.get(name)
        setattr(trans, name, spying)

    for name, index in (("gettext", 0), ("ngettext", 0), ("pgettext", 1), ("npgettext", 1)):
        wrap(name, index)
    try:
        yield missing
    finally:
        for name, value in saved.items():
            if value is None:
                delattr(trans, name)
            else:
                setattr(trans, name, value)


def _in_catalogue(name, args, language):
    """True when a catalogue translates the message as itself (a brand name such as "Facebook")."""
    catalog = trans_real.translation(language)._catalog
    key = f"{args[0]}\x04{args[1]}" if name.startswith("p") else args[0]
    if name.startswith("n"):
        key = (key, 0)
    return key in catalog


def _worth_translating(message):
    return any(c.isalpha() and c.isascii() for c in message) and not IGNORED.match(message.strip())


def admin_menu_urls(request):
    """URLs of every item of the admin menu, the Reports menu and the Settings menu the user sees."""
    from wagtail.admin.menu import admin_menu, reports_menu, settings_menu

    urls = []

    def walk(menu):
        for item in menu.menu_items_for_request(request):
            submenu = getattr(item, "menu", None)
            if submenu is not None:
                walk(submenu)
            elif getattr(item, "url", None) and item.url.startswith("/admin/"):
                urls.append(item.url)

    for menu in (admin_menu, reports_menu, settings_menu):
        walk(menu)
    return urls


def page_urls():
    """The edit view of one page of every type, the add view of each content type, the live pages."""
    from wagtail.models import Page

    from wagtail_disclosure.models import IndicatorPage

    urls, seen = [], set()
    for page in Page.objects.filter(depth__gt=1).specific().order_by("path"):
        kind = type(page)
        if kind in seen:
            continue
        seen.add(kind)
        urls.append(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        if page.live and page.url:
            urls.append(page.url)
    indicator = IndicatorPage.objects.order_by("path").first()
    if indicator is not None:
        urls.append(reverse("wagtailadmin_explore", args=[indicator.pk]))
        for model in indicator.specific_class.creatable_subpage_models():
            urls.append(
                reverse(
                    "wagtailadmin_pages:add",
                    args=[model._meta.app_label, model._meta.model_name, indicator.pk],
                )
            )
    return urls


def audit(client, urls, language="th"):
    """Calls that returned untranslated text on the given screens, with the URLs that made them.

    Each key is a tuple such as ``("gettext", "Reports")`` or ``("ngettext", "1 page", "%s pages")``.
    """
    found = {}
    for url in urls:
        with spy(language) as missing:
            client.get(url, HTTP_ACCEPT_LANGUAGE=language, follow=True)
        for message in missing:
            found.setdefault(message, []).append(url)
    return found


def write_wagtail_strings(calls, path):
    """Write the calls as a module that ``makemessages`` extracts from (the messages are never shown
    from there: Wagtail shows them, and our catalogue then carries their Thai)."""
    lines = [
        '"""Wagtail admin messages that this app\'s screens show and Wagtail\'s Thai catalogue lacks.',
        "",
        "Generated by ``manage.py disclosure_translation_audit --write``; listed here only so that",
        "``makemessages`` puts them into our Thai catalogue, which Django consults before Wagtail's",
        '(wagtail_disclosure is listed before the wagtail apps in INSTALLED_APPS)."""',
        "",
        "from django.utils.translation import gettext_noop, ngettext, npgettext, pgettext  # noqa: F401",
        "",
        "",
        "def _messages():  # never called",
        "    return [",
    ]
    for call in sorted(calls):
        name, *texts = call
        function = "gettext_noop" if name == "gettext" else name
        arguments = ", ".join(repr(t) for t in texts)
        if name.startswith("n"):
            arguments += ", 1"
        lines.append(f"        {function}({arguments}),")
    lines += ["    ]", ""]
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))


def own_messages():
    """The msgids this app's code defines (from the Thai catalogue, which makemessages keeps current)."""
    import polib
    from django.conf import settings

    messages = set()
    for folder in list(getattr(settings, "LOCALE_PATHS", [])) + [_package_locale()]:
        po = folder / "th" / "LC_MESSAGES" / "django.po"
        if po.exists():
            messages |= {
                entry.msgid
                for entry in polib.pofile(str(po))
                if "wagtail_strings.py" not in str(entry.occurrences)
            }
    return messages


def _package_locale():
    from pathlib import Path

    return Path(__file__).resolve().parent / "locale"


def read_wagtail_strings(path):
    """The calls already listed in ``wagtail_strings.py`` (so a rerun adds, never drops)."""
    import ast

    try:
        with open(path, encoding="utf-8") as handle:
            tree = ast.parse(handle.read())
    except FileNotFoundError:
        return set()
    calls = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            name = "gettext" if node.func.id == "gettext_noop" else node.func.id
            texts = [
                a.value
                for a in node.args
                if isinstance(a, ast.Constant) and isinstance(a.value, str)
            ]
            calls.add((name, *texts))
    return calls
