"""Thai for the Wagtail admin scripts' messages: the sidebar said "new items in this menu" on
every screen of a Thai user (Wagtail's Thai script catalogue has 34 of its 85 messages)."""

import importlib.util
from pathlib import Path

import polib
import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from wagtail_disclosure.i18n import supplement

REPO = Path(__file__).resolve().parents[2]
PO = REPO / "locale/th/LC_MESSAGES" / supplement.SCRIPT_SUPPLEMENT
SCRIPT = REPO / "wagtail_disclosure/static" / supplement.SCRIPT_STATIC.format(language="th")
WAGTAIL = Path(importlib.util.find_spec("wagtail").submodule_search_locations[0])


def test_the_static_script_is_made_from_the_catalogue():
    assert SCRIPT.read_text("utf-8") == supplement.script_catalogue(PO), (
        "run scripts/update-translation.sh"
    )


def test_the_supplement_holds_wagtail_script_messages_wagtail_does_not_translate():
    ours = {e.msgid for e in polib.pofile(str(PO))}
    wagtail = {
        e.msgid for e in polib.pofile(str(WAGTAIL / "admin/locale/en/LC_MESSAGES/djangojs.po"))
    }
    wagtail_thai = {
        e.msgid
        for e in polib.pofile(str(WAGTAIL / "admin/locale/th/LC_MESSAGES/djangojs.po"))
        if e.msgstr or any(e.msgstr_plural.values())
    }
    assert ours <= wagtail
    assert not ours & wagtail_thai
    assert "(%(number)s new items in this menu)" in ours
    assert not polib.pofile(str(PO)).untranslated_entries()


@pytest.mark.django_db
def test_every_thai_admin_screen_loads_it_and_an_english_one_does_not(client, demo):
    client.force_login(get_user_model().objects.get(username="author"))
    name = supplement.SCRIPT_STATIC.format(language="th")
    assert name in client.get("/admin/", HTTP_ACCEPT_LANGUAGE="th").content.decode()
    profile = UserProfile.get_for_user(get_user_model().objects.get(username="author"))
    profile.preferred_language = "en"
    profile.save()
    assert name not in client.get("/admin/").content.decode()
