"""Overriding a warning: by a reviewer with the permission, never a block, never one's own work."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail_disclosure.compliance.registry import WARN
from wagtail_disclosure.models import ComplianceOverride

PERMISSION = "wagtail_disclosure.override_check_warning"


def can_override(user, page):
    """True when ``user`` may override warnings on ``page``: has the permission, did not write it."""
    if not user or not user.is_authenticated or not user.has_perm(PERMISSION):
        return False
    revision = page.latest_revision if page.pk else None
    return not (revision is not None and revision.user_id == user.pk and not user.is_superuser)


def override_warning(page, result, user, reason):
    """Record that ``result`` (a warning from ``run_checks``) does not stop ``page``, and why."""
    if not can_override(user, page):
        raise PermissionDenied(_("You may not override compliance warnings on this page."))
    if result.severity != WARN:
        raise ValidationError(_("A blocking problem cannot be overridden: it must be fixed."))
    reason = (reason or "").strip()
    if len(reason) < 5:
        raise ValidationError(_("Give the reason for overriding this warning."))
    override, _created = ComplianceOverride.objects.update_or_create(
        page_id=page.pk,
        code=result.code,
        key=result.key,
        defaults={
            "summary": str(result.message)[:500],
            "reason": reason,
            "user": user,
            "revision": page.latest_revision,
        },
    )
    return override
