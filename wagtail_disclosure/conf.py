"""The app's settings, each read from Django settings with a default.

One place, so an office sees every knob in one file: ``WAGTAIL_DISCLOSURE = {"KEY": value}``.
"""

from django.conf import settings

DEFAULTS = {
    # The template the public pages extend: the site's own base template (a ``wagtail start``
    # site's is "base.html") keeps the office's navigation on the hub. The app's pages fill its
    # blocks "content" (breadcrumbs, then the page) and "extra_css" (the app's stylesheet), and
    # "title" and "body_class" if it has them. Default: the app's own layout.
    "BASE_TEMPLATE": "wagtail_disclosure/layout.html",
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
    # Public submissions (O8, O17, O28, O30). Name of the Django group whose members, and only they,
    # see corruption complaints (people with the Person role "integrity" are members too).
    "INTEGRITY_GROUP": "Integrity",
    # Per-IP limits on public form submissions: form name -> (attempts, seconds).
    "RATE_LIMITS": {
        "question": (5, 3600),
        "complaint": (3, 3600),
        "feedback": (10, 3600),
        "survey": (10, 3600),
        "track": (20, 3600),
    },
    # The reverse proxies in front of the app (nginx): how many (1 for one nginx) or which, as
    # addresses or networks (["127.0.0.1", "10.0.0.0/8"]). The client is the right-most address of
    # CLIENT_IP_HEADER + REMOTE_ADDR that is not a trusted proxy; the left part of that header is
    # whatever the client sent and never believed. 0: no proxy, REMOTE_ADDR alone.
    "TRUSTED_PROXIES": 0,
    # The request META key the proxies append the client address to (nginx:
    # proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for). Read only with TRUSTED_PROXIES.
    "CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR",
    # Evidence attached to a corruption complaint: kinds sniffed by content, size, count.
    "EVIDENCE_KINDS": ["pdf", "jpeg", "png", "docx"],
    "EVIDENCE_MAX_BYTES": 10 * 1024 * 1024,
    "EVIDENCE_MAX_FILES": 3,
    # Where complaint evidence is stored: never under MEDIA_ROOT's public URL. None means
    # "private-media" next to MEDIA_ROOT.
    "PRIVATE_MEDIA_ROOT": None,
    # Days personal data of a submission is kept when its form page gives no period of its own
    # (complaints count from their conclusion, the rest from receipt).
    "RETENTION_DAYS": {"question": 730, "complaint": 1825, "feedback": 365, "survey": 365},
    # Approval chain preset (approval/presets.yaml) of an office that has not chosen its own.
    "DEFAULT_CHAIN": "memo-group-director",
    # Approval chain: e-mail approvers about steps pending longer than this many days.
    "REMINDER_AFTER_DAYS": 3,
    # Person roles that may publish an approval-required page before its chain finishes.
    "EMERGENCY_PUBLISH_ROLES": ["director"],
    # Person roles that review an emergency publication afterwards (never the one who published).
    "EMERGENCY_REVIEW_ROLES": ["director", "deputy", "supervisor"],
    # Where the memo PDF's Garuda comes from when the office profile has none: the shipped line art.
    "MEMO_EMBLEM": "wagtail_disclosure/print/garuda.svg",
    # Seconds the hub's table stays in Django's cache (0: no cache). It is rebuilt at once when
    # content is published, unpublished or deleted, or the catalogue is reloaded.
    "HUB_CACHE_SECONDS": 600,
    # Seconds a printed report's PDF (the annual report, tracking forms) stays in Django's cache,
    # keyed by everything the document shows: it is built again only when that changes (0: built
    # on every request).
    "PDF_CACHE_SECONDS": 86400,
    # PostgreSQL search: up to this many matches the results are ordered by title and body
    # relevance; above it by the title's (newest first among equals), which reads no page's body.
    "SEARCH_FULL_RANK_LIMIT": 1000,
}


def get(key):
    """Return the office-wide setting ``key``, falling back to the package default."""
    return getattr(settings, "WAGTAIL_DISCLOSURE", {}).get(key, DEFAULTS[key])
