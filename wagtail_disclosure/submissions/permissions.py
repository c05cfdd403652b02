"""Who may see corruption complaints: the integrity group of the complaint's own office, nobody else.

Members of an office's integrity group are the users of its active ``Person`` records with the role
"integrity": being one in office B gives nothing in office A (``models.offices``). While the
install hosts a single office, the users in the Django group named by
``WAGTAIL_DISCLOSURE["INTEGRITY_GROUP"]`` count too, as before there were several offices; with
several, a Django group belongs to no office and grants none. Superusers are **not** exempt: a
superuser outside the group is refused like anyone else. (A superuser can give themselves the
role, which is recorded in the office's people and visible to the office; that is the documented
way in, so access never happens silently.)
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail_disclosure import conf
from wagtail_disclosure.models import Person
from wagtail_disclosure.models.offices import has_role, remembered, single_office_id


def can_see_complaints(user, site):
    """Whether ``user`` is in the integrity group of the office of ``site``."""
    if site is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return has_role(user, site, [Person.Role.INTEGRITY]) or (
        single_office_id() == site.pk
        and remembered(
            user,
            "integrity_group",
            lambda: user.groups.filter(name=conf.get("INTEGRITY_GROUP")).exists(),
        )
    )


def integrity_members(site):
    """Active users of the integrity group of ``site``'s office (for notifications)."""
    people = Person.objects.filter(site=site, role=Person.Role.INTEGRITY, active=True)
    rule = Q(pk__in=people.values("user_id"))
    if single_office_id() == site.pk:
        rule |= Q(groups__name=conf.get("INTEGRITY_GROUP"))
    return get_user_model().objects.filter(is_active=True).filter(rule).distinct()
