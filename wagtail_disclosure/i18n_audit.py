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
            if (
                result == message
                and trans_real.get_language() == language
                and _worth_translating(message)
            ):
                missing.add(message)
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

    from .models import IndicatorPage

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
    """Messages the given screens showed untranslated, with the URLs that showed each one."""
    found = {}
    for url in urls:
        with spy(language) as missing:
            client.get(url, HTTP_ACCEPT_LANGUAGE=language, follow=True)
        for message in missing:
            found.setdefault(message, []).append(url)
    return found
