"""Thai digits (๐–๙), on demand of the office.

Whether digits are Thai is decided per office (``OfficeProfile.use_thai_digits``, per Site), with
``THAI_DIGITS`` as the install-wide default. ``ThaiDigitsMiddleware`` activates the office's choice
for each request; code outside a request (PDF jobs, exports, commands) uses ``digits_for_site``.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from pythainlp.util import arabic_digit_to_thai_digit, thai_digit_to_arabic_digit

from wagtail_disclosure import conf

_active = ContextVar("wagtail_disclosure_thai_digits", default=None)


def uses_thai_digits():
    """True when the office being served wants Thai digits (else the install default)."""
    value = _active.get()
    return conf.get("THAI_DIGITS") if value is None else value


@contextmanager
def thai_digits_active(value):
    """Use Thai digits (``True``), Arabic ones (``False``) or the default (``None``) inside the block."""
    token = _active.set(value)
    try:
        yield
    finally:
        _active.reset(token)


def office_uses_thai_digits(site):
    """The office's choice for ``site``: its profile's setting, or the install default.

    The profile's box can only switch Thai digits on: an install that defaults to Thai digits
    keeps them for every office.
    """
    if site is None:
        return conf.get("THAI_DIGITS")
    from wagtail_disclosure.models import OfficeProfile

    profile = OfficeProfile.for_site(site)
    return bool(profile.use_thai_digits or conf.get("THAI_DIGITS"))


def thai_digits(value, force=None):
    """Return ``value`` as text, with Thai digits when the office (or ``force``) asks for them."""
    text = "" if value is None else str(value)
    use = uses_thai_digits() if force is None else force
    return arabic_digit_to_thai_digit(text) if use and text else text


def to_arabic_digits(text):
    """Normalise Thai digits to Arabic ones, e.g. before parsing or matching numbers."""
    return thai_digit_to_arabic_digit(text) if text else text
