"""The app's menu items and its screens ask the same permission policy: a user sees an entry
exactly when its screen opens for them."""

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from wagtail import hooks

from wagtail_disclosure.views.menus import (
    DISCLOSURE_MENU_HOOK,
    SUBMISSIONS_MENU_HOOK,
    PermissionMenuItem,
)
from wagtail_disclosure.views.viewsets import DisclosureViewSetGroup, FollowUpViewSetGroup

pytestmark = pytest.mark.django_db

USERS = ["admin", "supervisor", "author", "groupdirector", "publisher", "integrity"]


def _app_menu_items():
    items = [
        fn()
        for name in (DISCLOSURE_MENU_HOOK, SUBMISSIONS_MENU_HOOK)
        for fn in hooks.get_hooks(name)
    ]
    items += [fn() for fn in hooks.get_hooks("register_reports_menu_item")]
    items += [fn() for fn in hooks.get_hooks("register_settings_menu_item")]
    for group in (DisclosureViewSetGroup(), FollowUpViewSetGroup()):
        items += group.get_submenu_items()
    return [item for item in items if item.url.startswith("/admin/disclosure/")]


def test_every_menu_item_of_the_app_asks_a_policy(demo):
    items = _app_menu_items()
    assert len(items) >= 25
    assert all(type(item) is PermissionMenuItem for item in items), items


@pytest.mark.parametrize("username", USERS)
def test_a_user_sees_an_entry_exactly_when_its_screen_opens(demo, client, username):
    user = get_user_model().objects.get(username=username)
    client.force_login(user)
    request = RequestFactory().get("/admin/")
    request.user = user
    for item in _app_menu_items():
        opens = client.get(item.url).status_code == 200
        assert item.is_shown(request) == opens, (item.name, item.url)
