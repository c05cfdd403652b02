"""Find the messages a screen asks for in Thai and does not get.

Renders admin and public screens through Django's test client with a spy on gettext, and reports
every message that came back untranslated: this app's own and the Wagtail admin's that Wagtail's
Thai catalogue lacks (those go to the supplement, ``i18n.supplement``). Maintainers run
``disclosure_translation_audit``; the test suite runs the same audit so that CI fails on a screen
that shows English to a Thai user.
"""

import contextlib
import html
import re
from pathlib import Path

import polib
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import trans_real
from wagtail.admin.menu import admin_menu, reports_menu, settings_menu
from wagtail.models import Page, TaskState, WorkflowState

from wagtail_disclosure.i18n import supplement
from wagtail_disclosure.models import IndicatorPage

PACKAGE_LOCALE = Path(__file__).resolve().parent.parent / "locale"

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


def workflow_urls(pages):
    """The screens the approval chain shows for ``pages`` (one in each workflow state, say): the
    dashboard, each page's editor, history, revisions, workflow history and request screens, the
    modal of every step waiting, search, and the reports of workflows, tasks, locks and history."""
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_pages:search") + "?q=" + "แผน",
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
        reverse("wagtailadmin_reports:locked_pages"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtail_disclosure_admin:approval_history"),
    ]
    for page in pages:
        for name in ("edit", "history", "revisions_index", "workflow_history"):
            urls.append(reverse(f"wagtailadmin_pages:{name}", args=[page.pk]))
        urls.append(reverse("wagtail_disclosure_admin:approval_history") + f"?page={page.pk}")
        urls.append(reverse("wagtail_disclosure_admin:request_publication", args=[page.pk]))
        for state in WorkflowState.objects.for_instance(page):
            urls.append(
                reverse("wagtailadmin_pages:workflow_history_detail", args=[page.pk, state.pk])
            )
            if state.status == WorkflowState.STATUS_IN_PROGRESS:
                urls.append(reverse("wagtail_disclosure_admin:withdraw_request", args=[page.pk]))
        task_state = TaskState.objects.filter(
            workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
        ).first()
        if task_state is not None:
            for action in ("approve", "reject"):
                with contextlib.suppress(NoReverseMatch):
                    urls.append(
                        reverse(
                            "wagtailadmin_pages:workflow_action",
                            args=[page.pk, action, task_state.pk],
                        )
                    )
    return urls


_HIDDEN = re.compile(r"<(script|style|template|svg|textarea|noscript)\b.*?</\1>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
# Three English words in a row, or a stray "None" (a missing value printed as Python's None).
ENGLISH = re.compile(r"\b[A-Za-z][a-z]+(?:[ ,]+[A-Za-z][a-z]+){2,}\b|(?<![\w.])None(?![\w.])")


def english_phrases(markup, allowed=()):
    """English phrases in the visible text of ``markup`` (not in scripts, attributes or code)."""
    text = html.unescape(_TAG.sub("\n", _HIDDEN.sub(" ", markup)))
    found = set()
    for match in ENGLISH.finditer(text):
        phrase = match.group(0)
        if not any(a in phrase for a in allowed):
            found.add(phrase)
    return found


def audit_text(client, urls, language="th", allowed=()):
    """English phrases the screens show, with the URLs that showed them: what the spy cannot see
    (a message Wagtail translates only in part, a value printed as "None")."""
    found = {}
    for url in urls:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language, follow=True)
        content_type = response.get("Content-Type", "")
        if response.status_code != 200:
            continue
        if content_type.startswith("application/json"):
            body = str(response.json().get("html", ""))  # a modal, as Wagtail sends one
        elif "html" in content_type:
            body = response.content.decode()
        else:
            continue
        for phrase in english_phrases(body, allowed):
            found.setdefault(phrase, []).append(url)
    return found


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


def _locale_folders(language):
    for folder in [*getattr(settings, "LOCALE_PATHS", []), PACKAGE_LOCALE]:
        yield Path(folder) / language / "LC_MESSAGES"


def catalogue_folder(language="th"):
    """This app's catalogue folder (``.../<language>/LC_MESSAGES``, the one holding the Wagtail
    supplement): the top-level ``locale/`` of a source checkout, else the one inside the package."""
    return next(
        (f for f in _locale_folders(language) if (f / supplement.SUPPLEMENT).exists()), None
    )


def own_messages(language="th"):
    """The msgids the code defines (the catalogues makemessages keeps current, not the supplement)."""
    messages = set()
    for folder in _locale_folders(language):
        po = folder / supplement.CATALOGUE
        if po.exists():
            messages |= {entry.msgid for entry in polib.pofile(str(po))}
    return messages
