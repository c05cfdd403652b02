"""The app's settings, each read from Django settings with a default.

One place, so an office sees every knob in one file: ``WAGTAIL_DISCLOSURE = {"KEY": value}``.
"""

from django.conf import settings

DEFAULTS = {
    # Show numbers with Thai digits (๐–๙) on public pages, PDFs and exports.
    "THAI_DIGITS": False,
    # Catalogue edition slug used when an office profile names none.
    "DEFAULT_EDITION": "ita-2566",
    # Items listed per indicator on the hub before "more" links to the indicator page.
    "HUB_LATEST_PER_ITEM": 3,
    # Seconds the hub's table stays in Django's cache (0: no cache). It is rebuilt at once when
    # content is published, unpublished or deleted, or the catalogue is reloaded.
    "HUB_CACHE_SECONDS": 600,
}


def get(key):
    """Return the office-wide setting ``key``, falling back to the package default."""
    return getattr(settings, "WAGTAIL_DISCLOSURE", {}).get(key, DEFAULTS[key])
