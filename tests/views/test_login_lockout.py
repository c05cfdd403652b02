"""Admin login brute force: after repeated wrong passwords, one user from one address is locked out
(django-axes), with a Thai message; the right password is refused too until the cool-off ends.
Other addresses and other users are not locked by it."""

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.9"


def _login(client, username, password, address):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_thirty_wrong_passwords_lock_the_user_at_that_address(demo):
    attacker = Client(HTTP_ACCEPT_LANGUAGE="th")
    codes = [_login(attacker, "admin", f"wrong-{n}", ATTACKER).status_code for n in range(30)]
    limit = settings.AXES_FAILURE_LIMIT
    assert codes[: limit - 1] == [200] * (limit - 1)  # the login form, with its error
    assert codes[limit:] == [429] * (30 - limit)
    locked = _login(attacker, "admin", demo["password"], ATTACKER)
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "ระงับการเข้าสู่ระบบ" in page and "30 นาที" in page
    assert "_auth_user_id" not in attacker.session
    # English for whoever asks for it.
    english = _login(Client(HTTP_ACCEPT_LANGUAGE="en"), "admin", "x", ATTACKER)
    assert english.status_code == 429 and "Too many failed logins" in english.content.decode()

    # The same user from another address, and another user from the attacker's address, log in.
    office = Client()
    assert _login(office, "admin", demo["password"], "198.51.100.20").status_code == 302
    assert "_auth_user_id" in office.session
    colleague = Client()
    assert _login(colleague, "author", demo["password"], ATTACKER).status_code == 302


def test_the_lockout_follows_the_trusted_proxy_rule(demo, settings):
    """Behind nginx every login comes from 127.0.0.1: the lockout uses the app's client address."""
    settings.WAGTAIL_DISCLOSURE = dict(settings.WAGTAIL_DISCLOSURE, TRUSTED_PROXIES=1)
    attacker = Client()
    for n in range(settings.AXES_FAILURE_LIMIT):
        attacker.post(
            "/admin/login/",
            {"username": "admin", "password": f"wrong-{n}"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"10.1.1.{n}, {ATTACKER}",
        )
    office = Client()
    response = office.post(
        "/admin/login/",
        {"username": "admin", "password": demo["password"]},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert response.status_code == 302
