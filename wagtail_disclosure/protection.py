"""Abuse protection for every public form: a honeypot field and a per-IP rate limit.

``refusal(request, form_name)`` is asked on every POST before anything is validated or stored.

No outside CAPTCHA service. The rate limit counts in Django's cache (use a shared cache such as
Redis or the database cache when the site runs more than one process) under a hash of the address,
so no IP address is stored anywhere.
"""

import hashlib

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure import conf

HONEYPOT_FIELD = "website"

RATE_LIMIT_MESSAGE = _(
    "Too many submissions from your connection. Please wait a while and try again; "
    "what you typed is kept below."
)
HONEYPOT_MESSAGE = _(
    "The form could not be accepted. If you are a person, leave the hidden “website” field empty "
    "and send again."
)


def client_ip(request):
    header = conf.get("CLIENT_IP_HEADER")
    value = request.META.get(header) or request.META.get("REMOTE_ADDR", "")
    return value.split(",")[0].strip()


def _key(form_name, request):
    digest = hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]
    return f"wagtail_disclosure:rate:{form_name}:{digest}"


def hit_rate_limit(request, form_name):
    """Count one attempt; True when this address has gone over the form's limit."""
    limit, window = conf.get("RATE_LIMITS")[form_name]
    key = _key(form_name, request)
    if cache.add(key, 1, timeout=window):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=window)
            count = 1
    return count > limit


def honeypot_tripped(request):
    return bool(request.POST.get(HONEYPOT_FIELD, "").strip())


def refusal(request, form_name):
    """Why this POST is refused, as ``(message, HTTP status)``; None when it may go on.

    Counts the attempt against the form's rate limit first, so a bot tripping the honeypot is
    limited too.
    """
    if hit_rate_limit(request, form_name):
        return RATE_LIMIT_MESSAGE, 429
    if honeypot_tripped(request):
        return HONEYPOT_MESSAGE, 400
    return None
