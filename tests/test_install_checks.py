"""The system checks tell an office that installs the app what its settings miss, in Thai."""

import re
from pathlib import Path

import pytest
from django.core import checks
from django.utils import translation

from wagtail_disclosure import system_checks

SESSION = "django.contrib.sessions.middleware.SessionMiddleware"
THAI = re.compile(r"[\u0e00-\u0e7f]")


def ids(messages):
    return [message.id for message in messages]


def run(check):
    return check(app_configs=None)


def test_the_example_site_passes_every_check(settings):
    settings.DEBUG = True  # the demo's base URL is 127.0.0.1
    assert [m for m in checks.run_checks() if m.id.startswith("wagtail_disclosure")] == []


def test_finish_action_is_required_in_thai_and_english(settings):
    settings.WAGTAIL_FINISH_WORKFLOW_ACTION = "wagtail_disclosure.actions.finish_chain"
    with translation.override("en"):
        (error,) = run(system_checks.check_finish_action)
        assert "WAGTAIL_FINISH_WORKFLOW_ACTION must be" in str(error.msg)
    assert error.id == "wagtail_disclosure.E001" and error.level == checks.ERROR
    with translation.override("th"):
        (error,) = run(system_checks.check_finish_action)
        assert "WAGTAIL_FINISH_WORKFLOW_ACTION ต้องเป็น" in str(error.msg)
        assert "README" in str(error.hint) and "การติดตั้ง" in str(error.hint)


def test_reapproval_on_edit_is_required(settings):
    settings.WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = False
    assert ids(run(system_checks.check_reapproval_on_edit)) == ["wagtail_disclosure.E002"]


def test_required_apps_and_their_order(settings):
    apps = [a for a in settings.INSTALLED_APPS if a not in ("simple_history", "wagtail_disclosure")]
    with translation.override("th"):
        messages = system_checks.app_messages([*apps, "wagtail_disclosure"])
        assert ids(messages) == ["wagtail_disclosure.E003", "wagtail_disclosure.W003"]
        assert "simple_history" in str(messages[0].msg) and "ต้อง" in str(messages[0].msg)


def test_middleware(settings):
    settings.MIDDLEWARE = [SESSION]
    assert ids(run(system_checks.check_middleware)) == [
        "wagtail_disclosure.E004",
        "wagtail_disclosure.W004",
        "wagtail_disclosure.W005",
    ]


def test_context_processors(settings):
    engine = dict(settings.TEMPLATES[0])
    engine["OPTIONS"] = {"context_processors": ["django.template.context_processors.request"]}
    settings.TEMPLATES = [engine]
    messages = run(system_checks.check_context_processors)
    assert ids(messages) == ["wagtail_disclosure.E005"] * 3
    assert "i18n" in str(messages[0].msg)
    assert "wagtail_disclosure.context_processors.disclosure" in str(messages[2].msg)


def test_urls_without_the_language_switch_and_the_apps_urls(settings):
    settings.ROOT_URLCONF = "tests.utils.urls_without_i18n"
    messages = run(system_checks.check_urls)
    assert ids(messages) == ["wagtail_disclosure.E006"] * 2
    assert "django.conf.urls.i18n" in str(messages[0].msg)
    assert "wagtail_disclosure.urls" in str(messages[1].msg)


def test_search_backend(settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    assert ids(run(system_checks.check_search_backend)) == ["wagtail_disclosure.W007"]


def test_media_form_bases(settings):
    del settings.WAGTAILIMAGES_IMAGE_FORM_BASE
    settings.WAGTAILDOCS_DOCUMENT_FORM_BASE = "no.such.Form"
    assert ids(run(system_checks.check_media_forms)) == ["wagtail_disclosure.W008"] * 2


@pytest.mark.parametrize(
    "url", ["", "http://localhost", "http://127.0.0.1:8000", "http://example.com"]
)
def test_base_url_on_localhost_outside_debug(settings, url):
    settings.DEBUG = False
    settings.WAGTAILADMIN_BASE_URL = url
    assert ids(run(system_checks.check_base_url)) == ["wagtail_disclosure.W009"]
    settings.DEBUG = True
    assert run(system_checks.check_base_url) == []


def test_the_offices_base_url_passes(settings):
    settings.DEBUG = False
    settings.WAGTAILADMIN_BASE_URL = "https://www.spm-example.go.th"
    assert run(system_checks.check_base_url) == []


def test_language_and_time_zone(settings):
    settings.LANGUAGES = [("en", "English")]
    settings.TIME_ZONE = "UTC"
    settings.LANGUAGE_CODE = "en-us"  # a wagtail start site's
    assert ids(run(system_checks.check_language_and_time)) == [
        "wagtail_disclosure.W010",
        "wagtail_disclosure.W011",
        "wagtail_disclosure.W018",
    ]


def test_the_from_address_outside_debug(settings):
    settings.DEBUG = False
    settings.DEFAULT_FROM_EMAIL = "webmaster@localhost"  # Django's default
    assert ids(run(system_checks.check_from_address)) == ["wagtail_disclosure.W016"]
    settings.DEFAULT_FROM_EMAIL = "ศูนย์ข้อมูล <webmaster@spm-example.go.th>"
    assert run(system_checks.check_from_address) == []
    settings.DEBUG = True
    settings.DEFAULT_FROM_EMAIL = "webmaster@localhost"
    assert run(system_checks.check_from_address) == []


def test_a_misspelt_key_of_the_apps_settings_is_named(settings):
    settings.WAGTAIL_DISCLOSURE = {"BASE_TEMPLTE": "base.html", "THAI_DIGITS": True}
    with translation.override("th"):
        (warning,) = run(system_checks.check_app_settings)
    assert warning.id == "wagtail_disclosure.W017"
    assert "BASE_TEMPLTE" in str(warning.msg) and "BASE_TEMPLATE" in str(warning.msg)
    settings.WAGTAIL_DISCLOSURE = {"THAI_DIGITS": True}
    assert run(system_checks.check_app_settings) == []


def test_every_check_is_registered():
    """A check that is never registered never runs: ``manage.py check`` would stay silent."""
    registered = set(checks.registry.registry.get_checks())
    functions = {
        function
        for name, function in vars(system_checks).items()
        if name.startswith("check_") and callable(function)
    }
    assert functions and functions <= registered, functions - registered


def everything_wrong(settings, tmp_path):
    """Settings under which every check of the app has something to say."""
    settings.WAGTAIL_FINISH_WORKFLOW_ACTION = None
    settings.WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = False
    settings.WAGTAILDOCS_SERVE_METHOD = "direct"
    settings.MIDDLEWARE = [SESSION]
    (tmp_path / "bare.html").write_text("<html>{% block main %}{% endblock %}</html>")
    engine = dict(settings.TEMPLATES[0], DIRS=[tmp_path])
    engine["OPTIONS"] = {"context_processors": []}
    settings.TEMPLATES = [engine]
    settings.ROOT_URLCONF = "tests.utils.urls_without_i18n"
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    settings.WAGTAILIMAGES_IMAGE_FORM_BASE = settings.WAGTAILDOCS_DOCUMENT_FORM_BASE = ""
    settings.DEBUG = False
    settings.WAGTAILADMIN_BASE_URL = "http://localhost"
    settings.LANGUAGES = [("en", "English")]
    settings.TIME_ZONE = "UTC"
    settings.LANGUAGE_CODE = "en-us"
    settings.DEFAULT_FROM_EMAIL = "webmaster@localhost"
    settings.WAGTAIL_DISCLOSURE = {"THAI_DIGIT": True}


def all_messages(settings):
    functions = [f for n, f in vars(system_checks).items() if n.startswith("check_")]
    messages = [m for function in functions for m in run(function)]
    messages += system_checks.app_messages(["wagtail", "wagtail_disclosure"])
    settings.WAGTAIL_DISCLOSURE = {"BASE_TEMPLATE": "bare.html"}  # there, without its blocks
    messages += run(system_checks.check_base_template)
    settings.WAGTAIL_DISCLOSURE = {"BASE_TEMPLATE": "no/such.html"}
    return messages + run(system_checks.check_base_template)


def test_every_message_is_in_thai_and_in_english(settings, tmp_path):
    everything_wrong(settings, tmp_path)
    source = (Path(system_checks.__file__)).read_text(encoding="utf-8")
    every_id = {f"wagtail_disclosure.{i}" for i in re.findall(r'"([EW]0\d\d)"', source)}
    with translation.override("th"):
        thai = [(m.id, str(m.msg)) for m in all_messages(settings)]
    assert {id for id, msg in thai} == every_id  # every check spoke
    assert not [id for id, msg in thai if not THAI.search(msg)], "a message in English only"
    with translation.override("en"):
        english = [(m.id, str(m.msg)) for m in all_messages(settings)]
    assert not [id for id, msg in english if THAI.search(msg)]
