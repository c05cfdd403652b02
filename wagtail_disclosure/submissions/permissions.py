"""Who may see corruption complaints: the configured integrity group, nobody else.

Members are the users in the Django group named by ``WAGTAIL_DISCLOSURE["INTEGRITY_GROUP"]`` and the
users of active ``Person`` records with the role "integrity". Superusers are **not** exempt: a
superuser outside the group is refused like anyone else. (A superuser can add themselves to the
group, which is recorded on their account and visible to the office; that is the documented way
in, so access never happens silently.)
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail_disclosure import conf
from wagtail_disclosure.models import Person


def can_see_complaints(user):
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    cached = getattr(user, "_wd_integrity", None)
    if cached is None:
        cached = (
            user.groups.filter(name=conf.get("INTEGRITY_GROUP")).exists()
            or Person.objects.filter(user=user, role=Person.Role.INTEGRITY, active=True).exists()
        )
        user._wd_integrity = cached
    return cached


def integrity_members(site=None):
    """Active users who may see complaints (for notifications)."""
    people = Person.objects.filter(role=Person.Role.INTEGRITY, active=True)
    if site is not None:
        people = people.filter(site=site)
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__name=conf.get("INTEGRITY_GROUP")) | Q(pk__in=people.values("user_id")))
        .distinct()
    )
