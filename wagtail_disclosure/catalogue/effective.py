"""An item's flags as they apply to one office: the edition's, unless the office's director
confirmed an override (``ItemOverride``).

The edition comes from a file and is read-only in the admin; approval requirements are policy (the
สพป.สมุทรปราการ เขต 2 announcement of 31 พ.ค. 2561 has the director sign which categories need the
superior's approval). So every reader of ``needs_approval``, the default group or the update
interval asks here: the publication policy through ``needs_approval(item, site)``, readiness
through ``effective_items``.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail_disclosure.models import ItemOverride
from wagtail_disclosure.models.offices import may_confirm_for_office

OVERRIDDEN = ("needs_approval", "default_group_code", "update_months")


class EffectiveItem:
    """A catalogue item seen by one office: the overridden flags replaced, the rest read through."""

    def __init__(self, item, override=None):
        self._item, self.override = item, override

    def __getattr__(self, name):
        override = self.__dict__.get("override")
        if override is not None and name in OVERRIDDEN:
            value = getattr(override, name)
            if value not in (None, ""):
                return value
        return getattr(self.__dict__["_item"], name)

    def __eq__(self, other):
        return getattr(other, "pk", None) == self._item.pk

    def __hash__(self):
        return hash(self._item.pk)

    def __str__(self):
        return str(self._item)


def confirmed_overrides(site_ids, item_ids=None):
    """``{(site_id, item_id): ItemOverride}``: the newest confirmed override of each, one query."""
    overrides = ItemOverride.objects.filter(site_id__in=site_ids, confirmed_at__isnull=False)
    if item_ids is not None:
        overrides = overrides.filter(item_id__in=item_ids)
    result = {}
    for override in overrides.order_by("confirmed_at", "pk"):
        result[(override.site_id, override.item_id)] = override
    return result


def effective_items(items, site):
    """``items`` as ``EffectiveItem`` for ``site`` (one query for the overrides)."""
    items = list(items)
    overrides = confirmed_overrides([site.pk], [i.pk for i in items]) if site else {}
    return [EffectiveItem(i, overrides.get((site.pk if site else None, i.pk))) for i in items]


def needs_approval(item, site):
    """Whether content answering ``item`` needs the approval chain on ``site``."""
    if site is None:
        return item.needs_approval
    override = confirmed_overrides([site.pk], [item.pk]).get((site.pk, item.pk))
    if override is not None and override.needs_approval is not None:
        return override.needs_approval
    return item.needs_approval


def may_confirm(user, override):
    """The office's director or a holder of ``confirm_itemoverride`` who acts for the office;
    never the person who asked for it."""
    return may_confirm_for_office(
        user, override.site, override.requested_by_id, "wagtail_disclosure.confirm_itemoverride"
    )


def confirm(override, user):
    """Confirm ``override``: from now on it is the office's rule. Refused changes nothing."""
    if override.confirmed_at is not None:
        return override
    if not may_confirm(user, override):
        raise PermissionDenied(
            _("Only the director, and not the person who asked for it, may confirm an override.")
        )
    with transaction.atomic():
        override.confirmed_by = user
        override.confirmed_at = timezone.now()
        override.save(update_fields=["confirmed_by", "confirmed_at"])
    return override
