"""Settings of the demo office, and of the test suite. Read DATABASE_URL (SQLite when unset)."""

import os
from datetime import timedelta
from importlib.util import find_spec
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = BASE_DIR.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "demo-office-not-a-secret")
DEBUG = os.environ.get("DJANGO_DEBUG", "1") == "1"
ALLOWED_HOSTS = os.environ.get(
    "DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,office2.localhost,testserver"
).split(",")

INSTALLED_APPS = [
    "demo",
    "wagtail_disclosure",
    "wagtail_modeladmin",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "simple_history",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
]
# Wagtail 8's API v3 preview (with writes, so the approval guard is tested against it); Wagtail 7.4
# LTS has only v2.
WAGTAIL_API_V3 = find_spec("wagtail.api.v3") is not None
if WAGTAIL_API_V3:
    INSTALLED_APPS.insert(INSTALLED_APPS.index("wagtail.api.v2") + 1, "wagtail.api.v3")

MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "wagtail_disclosure.middleware.ThaiDigitsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "wagtail_disclosure.protection.DisclosureCSPMiddleware",  # django-csp, admin-aware
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out sign-in into the lockout page
]

ROOT_URLCONF = "example_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "wagtail_disclosure.context_processors.disclosure",
            ],
        },
    },
]

WSGI_APPLICATION = "example_site.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # One connection per worker thread, kept between requests and checked before reuse.
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

AUTH_PASSWORD_VALIDATORS = []

# Content-Security-Policy (django-csp), the same in the demo and in production: scripts and styles
# only from this site, no plugin, no framing by others; inside the admin also inline scripts and
# styles, which Wagtail's screens write (protection.DisclosureCSPMiddleware). The admin editor, the
# reports and the public pages run under it with no violation (tests/browser/test_csp.py).
# Nothing of the admin leaves the site: no Gravatar (it would send the staff's e-mail hashes), no
# check for new Wagtail releases.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# Admin sign-in brute force: 5 wrong passwords for one user from one address lock that pair out for
# 30 minutes (django-axes; `manage.py axes_list_attempts` lists the attempts). The address is the
# app's client address (TRUSTED_PROXIES), so behind nginx it is the client's, not nginx's.
AUTHENTICATION_BACKENDS = [
    "wagtail_disclosure.logins.LoginLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "wagtail_disclosure.protection.client_ip"
AXES_LOCKOUT_CALLABLE = "wagtail_disclosure.logins.login_locked_response"

LANGUAGE_CODE = "th"
LANGUAGES = [("th", _("Thai")), ("en", _("English"))]
WAGTAIL_CONTENT_LANGUAGES = [("th", "ไทย")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("th", "ไทย"), ("en", "English")]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

# A source checkout keeps the translation at the top level; an installed wheel carries it inside
# the package, where Django finds it without this setting.
LOCALE_PATHS = [REPO_DIR / "locale"] if (REPO_DIR / "locale").is_dir() else []

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

WAGTAIL_SITE_NAME = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Documents pass through Django, where the approval chain decides who may download them (README,
# "Attachments and the chain"); MEDIA_ROOT/documents/ is never served by the web server directly.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Wagtail's own image and document models (no switch): the rights, licence and consent fields, the
# upload checks by content and the GPS/serial EXIF stripping come in through the form bases.
WAGTAILIMAGES_IMAGE_FORM_BASE = "wagtail_disclosure.media_forms.DisclosureImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "wagtail_disclosure.media_forms.DisclosureDocumentForm"
# Thai word-segmented search on SQLite (FTS5) and PostgreSQL: wagtail_disclosure/search/.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail_disclosure.search.backends"}}

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = "webmaster@demo-office.example"

WAGTAIL_DISCLOSURE = {}

# The request-memo chain publishes at its end without anyone on it holding publish permission
# (wagtail_disclosure.approval.finish); an edit during moderation needs every approval again.
WAGTAIL_FINISH_WORKFLOW_ACTION = "wagtail_disclosure.approval.finish.publish_workflow_state"
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
