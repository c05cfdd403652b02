"""The compliance report of a page, for the checks panel of the page editor.

``{% load disclosure_compliance %}``. The panel (``panels.ChecksPanel``) is built while the models
load, below the compliance engine; its template asks these tags, so the panel never imports it.
"""

from django import template

from wagtail_disclosure.compliance.engine import run_checks
from wagtail_disclosure.compliance.overrides import can_override

register = template.Library()


@register.simple_tag
def compliance_report(page):
    """``{% compliance_report page as report %}``: the checks on the draft (``None`` if unsaved)."""
    if page is None or not page.pk:
        return None
    return run_checks(page, "save")


@register.simple_tag
def may_override_warnings(report, user, page):
    """``{% may_override_warnings report user page as can_override %}``: may ``user`` override."""
    return bool(report and can_override(user, page))
