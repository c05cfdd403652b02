"""Settings for running the office's site in production: the example settings, hardened.

Nothing here has a usable default that is unsafe: without ``DJANGO_SECRET_KEY`` (at least 50
characters) and ``DJANGO_ALLOWED_HOSTS`` the site refuses to start; DEBUG is off unless asked for.
HTTPS is assumed at the proxy (nginx sets X-Forwarded-Proto): HSTS for a year, Secure cookies, a
redirect to https. The Content-Security-Policy is the example settings' own (``settings.CSP``),
which the admin editor, the reports and the public pages work under (tests/browser/test_csp.py).
``manage.py check --deploy`` gives no warning under these settings (tests/test_production_settings.py).
"""

import os

from django.core.exceptions import ImproperlyConfigured

from example_site.settings import *  # noqa: F403 — the example settings, then what production changes
from example_site.settings import WAGTAIL_DISCLOSURE


def _required(name, minimum_length=1):
    value = os.environ.get(name, "")
    if len(value) < minimum_length:
        raise ImproperlyConfigured(
            f"{name} must be set (at least {minimum_length} characters) to run in production."
        )
    return value


SECRET_KEY = _required("DJANGO_SECRET_KEY", minimum_length=50)
DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
ALLOWED_HOSTS = _required("DJANGO_ALLOWED_HOSTS").split(",")
# The address in e-mails, memos and the ITAS export: the office's own, never the demo's localhost.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or f"https://{ALLOWED_HOSTS[0]}"
CSRF_TRUSTED_ORIGINS = [
    origin for origin in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if origin
]

# HTTPS ends at nginx, which says so in X-Forwarded-Proto (deploy/nginx.conf).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 365 * 24 * 3600))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview view allows its own frame (same origin) itself

# One nginx in front (deploy/nginx.conf); set DJANGO_TRUSTED_PROXIES for more.
WAGTAIL_DISCLOSURE = dict(
    WAGTAIL_DISCLOSURE, TRUSTED_PROXIES=int(os.environ.get("DJANGO_TRUSTED_PROXIES", "1"))
)

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
