"""Django system checks: every setting the app relies on, so that ``manage.py check`` tells an
office that installs it into its own site what is missing (in Thai when ``LANGUAGE_CODE`` is Thai,
in English otherwise), before a page answers 500 or the chain dead-ends.

The README's install section sets each of these; the ids are stable (E: the app does not work,
W: it works but not as the office expects).
"""

from difflib import get_close_matches
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.template import Context, TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from django.template.loader_tags import BlockNode, ExtendsNode
from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure import conf
from wagtail_disclosure.media_forms import DisclosureDocumentForm, DisclosureImageForm

FINISH_ACTION = "wagtail_disclosure.approval.finish.publish_workflow_state"
SEARCH_BACKEND = "wagtail_disclosure.search.backends"
THAI_DIGITS_MIDDLEWARE = "wagtail_disclosure.middleware.ThaiDigitsMiddleware"
LOCALE_MIDDLEWARE = "django.middleware.locale.LocaleMiddleware"
HISTORY_MIDDLEWARE = "simple_history.middleware.HistoryRequestMiddleware"
REQUIRED_APPS = ["wagtail_modeladmin", "wagtail.contrib.settings", "simple_history"]
CONTEXT_PROCESSORS = [
    "django.template.context_processors.request",
    "django.template.context_processors.i18n",
    "wagtail.contrib.settings.context_processors.settings",
    "wagtail_disclosure.context_processors.disclosure",
]
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "example.com", "testserver"}  # noqa: S104

HINT = _("See “Installing it in an office's site” in the README of wagtail-disclosure.")


def _error(message, id):
    return checks.Error(message, hint=HINT, id=f"wagtail_disclosure.{id}")


def _warning(message, id):
    return checks.Warning(message, hint=HINT, id=f"wagtail_disclosure.{id}")


@checks.register()
def check_finish_action(app_configs, **kwargs):
    if getattr(settings, "WAGTAIL_FINISH_WORKFLOW_ACTION", None) != FINISH_ACTION:
        return [
            _error(
                _(
                    "WAGTAIL_FINISH_WORKFLOW_ACTION must be “%(value)s”: Wagtail's default "
                    "publishes with the last approver's permissions, which approvers of the "
                    "disclosure chain do not hold."
                )
                % {"value": FINISH_ACTION},
                "E001",
            )
        ]
    return []


@checks.register()
def check_document_serve_method(app_configs, **kwargs):
    """Documents must pass through Wagtail's serve view, where the approval chain's hook runs."""
    if getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None) == "direct":
        return [
            _error(
                _(
                    "WAGTAILDOCS_SERVE_METHOD = “direct” links documents straight to the storage, "
                    "past the hook that withholds the attachments of drafts: use “serve_view”."
                ),
                "E012",
            )
        ]
    return []


@checks.register()
def check_reapproval_on_edit(app_configs, **kwargs):
    if getattr(settings, "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT", False) is not True:
        return [
            _error(
                _(
                    "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT must be True: otherwise a page "
                    "edited after the group director's review is published without it."
                ),
                "E002",
            )
        ]
    return []


@checks.register()
def check_apps(app_configs, **kwargs):
    return app_messages(list(settings.INSTALLED_APPS))


def app_messages(names):
    """What ``INSTALLED_APPS`` (the list ``names``) lacks or has in the wrong order."""
    messages = [
        _error(_("INSTALLED_APPS must include “%(app)s”.") % {"app": app}, "E003")
        for app in REQUIRED_APPS
        if app not in names
    ]
    if "wagtail" in names and names.index("wagtail_disclosure") > names.index("wagtail"):
        messages.append(
            _warning(
                _(
                    "Put “wagtail_disclosure” before the Wagtail apps in INSTALLED_APPS: its Thai "
                    "translations and its publish_scheduled command take precedence over Wagtail's."
                ),
                "W003",
            )
        )
    return messages


@checks.register()
def check_middleware(app_configs, **kwargs):
    middleware = list(settings.MIDDLEWARE)
    messages = []
    if LOCALE_MIDDLEWARE not in middleware:
        messages.append(
            _error(
                _("MIDDLEWARE must include “%(name)s”: the public pages switch Thai and English.")
                % {"name": LOCALE_MIDDLEWARE},
                "E004",
            )
        )
    if THAI_DIGITS_MIDDLEWARE not in middleware:
        messages.append(
            _warning(
                _(
                    "MIDDLEWARE should include “%(name)s” after LocaleMiddleware: without it the "
                    "office profile's “use Thai digits” is ignored."
                )
                % {"name": THAI_DIGITS_MIDDLEWARE},
                "W004",
            )
        )
    if HISTORY_MIDDLEWARE not in middleware:
        messages.append(
            _warning(
                _(
                    "MIDDLEWARE should include “%(name)s”: the history of work groups and people "
                    "records who changed them."
                )
                % {"name": HISTORY_MIDDLEWARE},
                "W005",
            )
        )
    return messages


@checks.register(checks.Tags.templates)
def check_context_processors(app_configs, **kwargs):
    django_engines = [
        engine
        for engine in settings.TEMPLATES
        if engine["BACKEND"] == "django.template.backends.django.DjangoTemplates"
    ]
    present = {
        name
        for engine in django_engines
        for name in engine.get("OPTIONS", {}).get("context_processors", [])
    }
    return [
        _error(
            _("TEMPLATES must list the context processor “%(name)s”: the public pages use it.")
            % {"name": name},
            "E005",
        )
        for name in CONTEXT_PROCESSORS
        if name not in present
    ]


def block_names(name, seen=()):
    """The names of the blocks the template ``name`` and the templates it extends define."""
    if name in seen:  # a template that extends one of the same name further down the search path
        return set()
    template = get_template(name).template
    names = {node.name for node in template.nodelist.get_nodes_by_type(BlockNode)}
    for extends in template.nodelist.get_nodes_by_type(ExtendsNode):
        if not extends.parent_name.is_var:  # else chosen at render time: nothing to say
            names |= block_names(extends.parent_name.resolve(Context()), (*seen, name))
    return names


@checks.register(checks.Tags.templates)
def check_base_template(app_configs, **kwargs):
    """The site's base template that the public pages extend must exist and have a content block."""
    name = conf.get("BASE_TEMPLATE")
    try:
        blocks = block_names(name)
    except TemplateDoesNotExist:
        return [
            _error(
                _(
                    "WAGTAIL_DISCLOSURE[“BASE_TEMPLATE”] is “%(name)s”, which no template folder "
                    "holds: every public page of the app would answer 500."
                )
                % {"name": name},
                "E013",
            )
        ]
    except TemplateSyntaxError as error:
        return [
            _error(
                _("The base template “%(name)s” cannot be read: %(error)s")
                % {"name": name, "error": error},
                "E013",
            )
        ]
    messages = []
    if "content" not in blocks:
        messages.append(
            _error(
                _(
                    "The base template “%(name)s” has no {%% block content %%}: the app's pages "
                    "would show the site's frame with nothing in it."
                )
                % {"name": name},
                "E014",
            )
        )
    if "extra_css" not in blocks:
        messages.append(
            _warning(
                _(
                    "The base template “%(name)s” has no {%% block extra_css %%} in its head: the "
                    "app's stylesheet is not loaded and its tables lose their layout."
                )
                % {"name": name},
                "W015",
            )
        )
    return messages


@checks.register(checks.Tags.urls)
def check_urls(app_configs, **kwargs):
    messages = []
    for name, include in (
        ("set_language", 'path("i18n/", include("django.conf.urls.i18n"))'),
        ("wagtail_disclosure:search", 'path("disclosure/", include("wagtail_disclosure.urls"))'),
    ):
        try:
            reverse(name)
        except NoReverseMatch:
            messages.append(
                _error(
                    _("urlpatterns must include %(include)s, before Wagtail's catch-all.")
                    % {"include": include},
                    "E006",
                )
            )
    return messages


@checks.register()
def check_search_backend(app_configs, **kwargs):
    backends = getattr(settings, "WAGTAILSEARCH_BACKENDS", {})
    if backends.get("default", {}).get("BACKEND") != SEARCH_BACKEND:
        return [
            _warning(
                _(
                    "WAGTAILSEARCH_BACKENDS['default'] should use “%(backend)s”: other backends "
                    "do not split Thai words, so searches for a word inside a sentence find nothing."
                )
                % {"backend": SEARCH_BACKEND},
                "W007",
            )
        ]
    return []


@checks.register()
def check_media_forms(app_configs, **kwargs):
    messages = []
    for setting, base in (
        ("WAGTAILIMAGES_IMAGE_FORM_BASE", DisclosureImageForm),
        ("WAGTAILDOCS_DOCUMENT_FORM_BASE", DisclosureDocumentForm),
    ):
        value = getattr(settings, setting, None)
        try:
            form = import_string(value) if value else None
        except ImportError:
            form = None
        if not (isinstance(form, type) and issubclass(form, base)):
            messages.append(
                _warning(
                    _(
                        "%(setting)s should be “%(base)s” (or a subclass): otherwise uploads are "
                        "not checked by their content and photos keep their GPS position."
                    )
                    % {"setting": setting, "base": f"{base.__module__}.{base.__name__}"},
                    "W008",
                )
            )
    return messages


def is_local(url):
    return (urlsplit(url or "").hostname or "") in LOCAL_HOSTS


@checks.register()
def check_base_url(app_configs, **kwargs):
    """The one base URL of links in e-mails, the memo and exports must be the office's own."""
    if settings.DEBUG:
        return []
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    if not base_url or is_local(base_url):
        return [
            _warning(
                _(
                    "WAGTAILADMIN_BASE_URL is “%(url)s”: links in e-mails, request memos and ITAS "
                    "exports would point there. Set it to the office's own address, e.g. "
                    "https://www.example-office.go.th."
                )
                % {"url": base_url},
                "W009",
            )
        ]
    return []


@checks.register()
def check_from_address(app_configs, **kwargs):
    """E-mails to citizens and staff go out from DEFAULT_FROM_EMAIL: Django's default bounces."""
    if settings.DEBUG:
        return []
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    if not address or address.rpartition("@")[2].lower() in LOCAL_HOSTS:
        return [
            _warning(
                _(
                    "DEFAULT_FROM_EMAIL is “%(address)s”: e-mails of the approval chain and the "
                    "answers to citizens would come from there, and mail servers refuse it. Set the "
                    "office's own address."
                )
                % {"address": settings.DEFAULT_FROM_EMAIL},
                "W016",
            )
        ]
    return []


@checks.register()
def check_app_settings(app_configs, **kwargs):
    """A misspelt key of WAGTAIL_DISCLOSURE is ignored without a word: name it."""
    messages = []
    for key in getattr(settings, "WAGTAIL_DISCLOSURE", {}):
        if key not in conf.DEFAULTS:
            close = get_close_matches(key, conf.DEFAULTS, n=1)
            messages.append(
                _warning(
                    _(
                        "WAGTAIL_DISCLOSURE has a key “%(key)s” that the app does not read%(hint)s; "
                        "every key and its default are in wagtail_disclosure/conf.py."
                    )
                    % {
                        "key": key,
                        "hint": (_(" (did you mean “%(key)s”?)") % {"key": close[0]})
                        if close
                        else "",
                    },
                    "W017",
                )
            )
    return messages


@checks.register()
def check_language_and_time(app_configs, **kwargs):
    messages = []
    if "th" not in {code for code, _name in settings.LANGUAGES}:
        messages.append(_warning(_("LANGUAGES should include Thai (“th”)."), "W010"))
    if settings.TIME_ZONE != "Asia/Bangkok":
        messages.append(
            _warning(
                _(
                    "TIME_ZONE is “%(zone)s”: dates, deadlines and fiscal years are counted in "
                    "Thai time; set “Asia/Bangkok”."
                )
                % {"zone": settings.TIME_ZONE},
                "W011",
            )
        )
    if settings.LANGUAGE_CODE.split("-")[0] != "th":
        messages.append(
            _warning(
                _(
                    "LANGUAGE_CODE is “%(code)s”: the public pages open in that language and the "
                    "e-mails and memos are written in it; set “th”."
                )
                % {"code": settings.LANGUAGE_CODE},
                "W018",
            )
        )
    return messages
