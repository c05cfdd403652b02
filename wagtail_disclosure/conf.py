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
    # Approval chain: e-mail approvers about steps pending longer than this many days.
    "REMINDER_AFTER_DAYS": 3,
    # Person roles that may publish an approval-required page before its chain finishes.
    "EMERGENCY_PUBLISH_ROLES": ["director"],
    # Person roles that review an emergency publication afterwards (never the one who published).
    "EMERGENCY_REVIEW_ROLES": ["director", "deputy", "supervisor"],
    # Where the memo PDF's Garuda comes from when the office profile has none: the shipped line art.
    "MEMO_EMBLEM": "wagtail_disclosure/print/garuda.svg",
}


def get(key):
    """Return the office-wide setting ``key``, falling back to the package default."""
    return getattr(settings, "WAGTAIL_DISCLOSURE", {}).get(key, DEFAULTS[key])
