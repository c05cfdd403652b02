"""Admin sign-in lockout by user and address (django-axes), with the client address of
``protection.client_ip``. Only settings name this module (AUTHENTICATION_BACKENDS,
AXES_LOCKOUT_CALLABLE): importing it needs "axes" in INSTALLED_APPS, the rest of the app does not."""

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from django.shortcuts import render


class LoginLockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout for every sign-in through a web request (the admin's login form).

    ``authenticate()`` without a request (a management command, the test client's ``login``)
    has no address to lock by and is left to the next backend, as it is without axes.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def login_locked_response(request, original_response=None, credentials=None):
    """The admin's lockout page, in the user's language (``AXES_LOCKOUT_CALLABLE``)."""
    cool_off = get_cool_off(request)
    minutes = max(int(cool_off.total_seconds() // 60), 1) if cool_off else 0
    return render(
        request,
        "wagtail_disclosure/admin/login_locked.html",
        {"minutes": minutes},
        status=429,
    )
