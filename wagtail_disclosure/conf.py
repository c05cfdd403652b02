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
    # Compliance checks: {"rule.code": {"enabled": False} or {"severity": "warn"|"block"}}.
    "CHECKS": {},
    # Words the profanity/defamation check flags besides pythainlp's list, and words it never flags.
    "CHECK_WORDS": [],
    "CHECK_WORDS_IGNORED": [],
    # E-mail domains that belong to offices, not private persons (the site's own host is added).
    "OFFICIAL_EMAIL_DOMAINS": [".go.th", ".ac.th", ".mi.th"],
    # Uploads: the largest file accepted, in megabytes.
    "MAX_UPLOAD_MB": 20,
}


def get(key):
    """Return the office-wide setting ``key``, falling back to the package default."""
    return getattr(settings, "WAGTAIL_DISCLOSURE", {}).get(key, DEFAULTS[key])
