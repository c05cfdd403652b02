"""The README's install section is valid Python that, pasted into a ``wagtail start`` site's
settings and urls.py, leaves nothing for the system checks to report."""

import subprocess
import sys
import types
from pathlib import Path

import pytest
from django.urls import include, path

from tests.utils import readme_install
from wagtail_disclosure import system_checks


@pytest.fixture(scope="module")
def wagtail_start(tmp_path_factory):
    folder = tmp_path_factory.mktemp("site")
    subprocess.run(
        [Path(sys.executable).with_name("wagtail"), "start", "mysite"],
        cwd=folder,
        check=True,
        capture_output=True,
    )
    return folder / "mysite"


def test_every_block_is_there_and_compiles():
    blocks = readme_install.blocks()
    assert {"settings", "urls", "commands"} <= set(blocks)
    compile(blocks["settings"], "README settings", "exec")
    compile(blocks["urls"], "README urls", "exec")
    assert ["disclosure_setup_office"] in readme_install.commands()
    assert readme_install.commands()[0] == ["migrate"]


def test_the_settings_block_on_a_wagtail_start_site(wagtail_start):
    settings_file = wagtail_start / "mysite" / "settings" / "base.py"
    readme_install.apply_settings(settings_file)
    module = types.ModuleType("pasted_settings")
    module.__file__ = str(settings_file)
    exec(compile(settings_file.read_text(), str(settings_file), "exec"), module.__dict__)  # noqa: S102
    names = module.INSTALLED_APPS
    assert len(names) == len(set(names))
    assert system_checks.app_messages(names) == []
    middleware = module.MIDDLEWARE
    assert len(middleware) == len(set(middleware))
    for name in (
        system_checks.LOCALE_MIDDLEWARE,
        system_checks.THAI_DIGITS_MIDDLEWARE,
        system_checks.HISTORY_MIDDLEWARE,
    ):
        assert name in middleware
    # LocaleMiddleware after the sessions, before CommonMiddleware (Django's rule).
    assert (
        middleware.index("django.contrib.sessions.middleware.SessionMiddleware")
        < middleware.index(system_checks.LOCALE_MIDDLEWARE)
        < middleware.index("django.middleware.common.CommonMiddleware")
    )
    assert set(system_checks.CONTEXT_PROCESSORS) <= set(
        module.TEMPLATES[0]["OPTIONS"]["context_processors"]
    )
    assert module.WAGTAIL_FINISH_WORKFLOW_ACTION == system_checks.FINISH_ACTION
    assert module.WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT is True
    assert module.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == system_checks.SEARCH_BACKEND
    assert module.TIME_ZONE == "Asia/Bangkok" and module.LANGUAGE_CODE == "th"
    # Pasted twice (an office re-applying it) it still leaves no duplicate.
    exec(readme_install.blocks()["settings"], module.__dict__)  # noqa: S102
    assert len(module.INSTALLED_APPS) == len(set(module.INSTALLED_APPS))
    assert len(module.MIDDLEWARE) == len(set(module.MIDDLEWARE))


def test_the_url_block_goes_into_urlpatterns_before_the_catch_all(wagtail_start):
    urls_file = wagtail_start / "mysite" / "urls.py"
    readme_install.apply_urls(urls_file)
    text = urls_file.read_text()
    assert text.index('include("wagtail_disclosure.urls")') < text.index(
        'path("", include(wagtail_urls))'
    )
    namespace = {"path": path, "include": include, "urlpatterns": []}
    exec(readme_install.blocks()["urls"], namespace)  # noqa: S102
    routes = [str(p.pattern) for p in namespace["urlpatterns"]]
    assert routes == ["i18n/", "disclosure/"]
