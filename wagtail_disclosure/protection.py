"""Abuse protection for every public form: a honeypot field and a per-IP rate limit; and for the
admin login, the client address that django-axes locks by (``logins``); and
the Content-Security-Policy middleware that gives the admin what Wagtail's own screens need.

``refusal(request, form_name)`` is asked on every POST before anything is validated or stored.

No outside CAPTCHA service. The rate limit counts in Django's cache (use a shared cache such as
Redis or the database cache when the site runs more than one process) under a hash of the address,
so no IP address is stored anywhere.
"""

import hashlib
import ipaddress

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.core.cache import cache
from django.urls import reverse
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
    """The address of the client, not of a proxy, and not one the client could choose.

    The chain is the forwarded header's addresses followed by REMOTE_ADDR; each trusted proxy
    appended the address it saw to the right. So the client is the right-most address that is not
    a trusted proxy: with ``TRUSTED_PROXIES = n``, the (n+1)-th from the right; with a list of
    networks, the first from the right outside them. What stands left of it came from the client.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = conf.get("TRUSTED_PROXIES")
    if not proxies:
        return remote
    forwarded = request.META.get(conf.get("CLIENT_IP_HEADER"), "")
    chain = [a.strip() for a in forwarded.split(",") if a.strip()] + [remote]
    if isinstance(proxies, int):
        return chain[max(len(chain) - 1 - proxies, 0)]
    networks = [ipaddress.ip_network(p, strict=False) for p in proxies]
    for address in reversed(chain):
        if not _within(address, networks):
            return address
    return chain[0]


def _within(address, networks):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False  # not an address: never a trusted proxy
    return any(ip in network for network in networks)


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
    limited too. A rate-limited request is refused before its body is parsed for files: its
    uploads are dropped unread (no upload handler), so a flood costs no file parsing or checking;
    the typed fields are still read, to show them again.
    """
    if hit_rate_limit(request, form_name):
        if not hasattr(request, "_files"):  # the body not read yet (Django allows it only then)
            request.upload_handlers = []
        return RATE_LIMIT_MESSAGE, 429
    if honeypot_tripped(request):
        return HONEYPOT_MESSAGE, 400
    return None


# Wagtail's admin writes inline <script> elements (inline panels, date pickers) and its editor
# inline styles, with per-field ids, so no hash or nonce can cover them: inside the admin, behind
# the sign-in, inline scripts and styles are allowed. Public pages keep the strict policy.
ADMIN_CSP_UPDATE = {"script-src": [UNSAFE_INLINE], "style-src": [UNSAFE_INLINE]}


class DisclosureCSPMiddleware(CSPMiddleware):
    """django-csp's middleware: the site's policy, plus ``ADMIN_CSP_UPDATE`` under Wagtail's admin."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if parts.update is None and request.path.startswith(reverse("wagtailadmin_home")):
            parts.update = ADMIN_CSP_UPDATE
        return parts
