"""Thai digits (๐–๙), on demand of the office."""

from pythainlp.util import arabic_digit_to_thai_digit, thai_digit_to_arabic_digit

from .. import conf


def thai_digits(value, force=None):
    """Return ``value`` as text, with Thai digits when the office (or ``force``) asks for them."""
    text = "" if value is None else str(value)
    use = conf.get("THAI_DIGITS") if force is None else force
    return arabic_digit_to_thai_digit(text) if use and text else text


def to_arabic_digits(text):
    """Normalise Thai digits to Arabic ones, e.g. before parsing or matching numbers."""
    return thai_digit_to_arabic_digit(text) if text else text
