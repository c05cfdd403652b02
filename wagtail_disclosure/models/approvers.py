"""Who may act at each step of the chain, worked out per page from the office's people.

Approvers are not one fixed Wagtail group: the group director is the director of the page's own
work group, and a deputy counts only while a delegation order is in force.
"""

from dataclasses import dataclass

from django.utils import timezone

from wagtail_disclosure.models.approval import Delegation
from wagtail_disclosure.models.organisation import Person, WorkGroup
from wagtail_disclosure.models.pages import IndicatorPage
from wagtail_disclosure.sites import site_of_page


@dataclass(frozen=True)
class Approver:
    user: object
    person: object
    on_behalf_of: object = None
    delegation: object = None


def responsible_group(page):
    """The page's responsible work group; failing that, its catalogue item's default group."""
    page = page.specific_deferred if hasattr(page, "specific_deferred") else page
    group_id = getattr(page, "responsible_group_id", None)
    site = site_of_page(page)
    if group_id:
        # Approvers are resolved inside the page's office only: another office's group is none.
        return WorkGroup.objects.filter(pk=group_id, site=site).first()
    items = getattr(page, "catalogue_items", None)
    codes = [i.default_group_code for i in items.all()] if items is not None else []
    if not codes:
        indicator = _indicator_of(page)
        codes = [indicator.item.default_group_code] if indicator else []
    for code in codes:
        if code and site:
            group = WorkGroup.objects.filter(site=site, code=code).first()
            if group:
                return group
    return None


def _indicator_of(page):
    return (
        IndicatorPage.objects.ancestor_of(page, inclusive=False)
        .select_related("item")
        .order_by("-depth")
        .first()
    )


def _people(site, roles, **filters):
    return (
        Person.objects.filter(site=site, role__in=roles, active=True, user__isnull=False, **filters)
        .filter(user__is_active=True)
        .select_related("user")
    )


def _excluding(approvers, user):
    return [a for a in approvers if user is None or a.user.pk != user.pk]


def group_director_approvers(page, submitter=None):
    """Directors of the page's work group, never the submitter; if none remain, the director level."""
    group = responsible_group(page)
    found = []
    if group is not None:
        found = _excluding(
            [
                Approver(p.user, p)
                for p in _people(group.site, [Person.Role.GROUP_DIRECTOR], work_group=group)
            ],
            submitter,
        )
    return found or director_approvers(page, submitter)


def director_approvers(page, submitter=None, on=None):
    """The director, and deputies acting on the director's behalf under a delegation in force."""
    site = site_of_page(page)
    found = [Approver(p.user, p) for p in _people(site, [Person.Role.DIRECTOR])]
    delegations = (
        Delegation.objects.in_force(on or timezone.localdate())
        .filter(site=site, delegator__active=True, delegate__active=True)
        .filter(delegate__user__isnull=False, delegate__user__is_active=True)
        .select_related("delegator", "delegate__user")
    )
    for d in delegations:
        found.append(Approver(d.delegate.user, d.delegate, on_behalf_of=d.delegator, delegation=d))
    return _excluding(found, submitter)


def publisher_approvers(page, submitter=None):
    return _excluding(
        [Approver(p.user, p) for p in _people(site_of_page(page), [Person.Role.PUBLISHER])],
        submitter,
    )


def find(approvers, user):
    """The approver entry of ``user``, preferring acting in one's own right over acting on behalf."""
    mine = [a for a in approvers if a.user.pk == getattr(user, "pk", None)]
    mine.sort(key=lambda a: a.delegation is not None)
    return mine[0] if mine else None


def person_of(user, site, roles=None):
    qs = Person.objects.filter(site=site, user=user, active=True)
    if roles:
        qs = qs.filter(role__in=roles)
    return qs.first()


def can_publish_directly(user, page):
    """For publish-at-once items: the group's web officer, the publisher, or a superuser."""
    if user is None or user.is_superuser:
        return True
    site = site_of_page(page)
    group = responsible_group(page)
    people = _people(site, [Person.Role.AUTHOR, Person.Role.PUBLISHER]).filter(user=user)
    return any(
        p.role == Person.Role.PUBLISHER or p.work_group_id == getattr(group, "pk", None)
        for p in people
    )
