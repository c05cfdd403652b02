"""Template filters for Thai dates and digits: ``{% load disclosure_thai %}``."""

from django import template

from wagtail_disclosure.thai import dates, digits

register = template.Library()


@register.filter
def thai_date(value, fmt="%-d %B %Y"):
    """``{{ page.date|thai_date }}`` → ๑ ตุลาคม ๒๕๖๖ (B.E., Thai month, office's digits)."""
    return dates.format_thai_date(value, fmt)


@register.filter
def admin_date(value):
    """A date or date-time on an admin screen: ``7 ธันวาคม 2569`` or ``7 ธันวาคม 2569 19:16``."""
    return dates.format_admin_date(value)


@register.filter
def thai_short_date(value):
    return dates.format_thai_date(value, "%-d %b %y")


@register.filter
def thai_num(value):
    """Digits as the office wants them (Thai ๐–๙ or Arabic)."""
    return digits.thai_digits(value)


@register.filter
def fiscal_year(value):
    return dates.fiscal_year(value)
