"""Thai digits (๐–๙), on demand of the office.

Whether digits are Thai is decided per office (``OfficeProfile.wants_thai_digits(site)``), with
``THAI_DIGITS`` as the install-wide default. ``ThaiDigitsMiddleware`` activates the office's choice
for each request; code outside a request (PDF jobs, exports, commands) wraps its work in
``thai_digits_active(OfficeProfile.wants_thai_digits(site))``. This module knows no model.
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


def thai_digits(value, force=None):
    """Return ``value`` as text, with Thai digits when the office (or ``force``) asks for them."""
    text = "" if value is None else str(value)
    use = uses_thai_digits() if force is None else force
    return arabic_digit_to_thai_digit(text) if use and text else text


def to_arabic_digits(text):
    """Normalise Thai digits to Arabic ones, e.g. before parsing or matching numbers."""
    return thai_digit_to_arabic_digit(text) if text else text
