"""The office is the tenant boundary: who acts for which office, and the one scoping helper.

An office is a Wagtail ``Site`` (its ``OfficeProfile`` says who the office is). Every record an
office owns belongs to one site: directly (a ``site`` key: work groups, people, delegations,
submissions, channel logs, tracking forms, the operating calendar), or through its page (memos,
approval decisions, emergency publications, compliance runs: a page belongs to the site whose
tree it is in). ``for_office(queryset, site)`` is the one filter that knows which; every admin
list, detail, export, search and report goes through it.

Roles are per office: a ``Person`` record gives its role in its own site only. A user acts for the
offices they have an active ``Person`` record in (superusers: every office), and picks one in the
admin (``OFFICE_SESSION_KEY`` in the session); the host name of the request never grants an
office. While the install hosts a single office, every active user acts for it, as before there
were several.

Wagtail's page permissions follow the same rule (``OfficePagePermissionPolicy``): a Wagtail
group's page permission counts only in the trees of the offices its member acts for. Offices set
up one by one share the "Editors" and "Moderators" groups, which hold page permissions on every
office's hub; an editor of office B still opens, lists, finds and changes no page of office A,
in the page editor, the explorer, the admin search, the choosers or Wagtail's API.

So do the permissions on Wagtail's image and document library (``OfficeMediaPermissionPolicy``):
each office has its collection (``OfficeProfile.collection``), and a group's collection permission
counts only inside the collections of the offices its member acts for. The shared groups hold
Wagtail's own permissions on the root collection; an editor of office B lists, opens, chooses,
changes, replaces and deletes only the images and documents in B's collection, and uploads only
there. What lies outside every office's collection is left to superusers.
"""

from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.models import Collection, GroupPagePermission, Page, Site
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from wagtail_disclosure.models.organisation import OfficeProfile, Person

OFFICE_SESSION_KEY = "wagtail_disclosure_office"


def single_office_id():
    """The id of the install's only site, or ``None`` when it hosts several (or none).

    Read from Wagtail's list of site root paths, which it keeps in the cache and forgets whenever
    a site is saved or deleted: every admin check asks, and it costs no query.
    """
    site_ids = {root.site_id for root in Site.get_site_root_paths()}
    return site_ids.pop() if len(site_ids) == 1 else None


# Who acts for which office is read once per user object (as Django keeps a user's permissions)
# and again once anything it comes from changed in this process: a person record, a site, an
# agency's or a group's members (``forget_standing``, connected in ``receivers``). A user object
# lives for one request, so another process's change counts from the next request.
_changes = [0]


def forget_standing(**kwargs):
    """Every user's remembered offices and roles are read again (a signal receiver)."""
    _changes[0] += 1


def remembered(user, key, compute):
    """``compute()``, once per user object and ``key`` until the user's standing changes."""
    memo = user.__dict__.get("_wd_standing")
    if memo is None or memo["changes"] != _changes[0]:
        memo = user.__dict__["_wd_standing"] = {"changes": _changes[0]}
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _roles(user):
    """The user's active roles by office: ``{site id: {role, ...}}``, one query per user."""

    def read():
        roles = {}
        people = Person.objects.filter(user=user, active=True).values_list("site_id", "role")
        for site_id, role in people:
            roles.setdefault(site_id, set()).add(role)
        return roles

    return remembered(user, "roles", read)


def _office_ids(user):
    """The ids of the sites ``user`` (active, not a superuser) acts for."""

    def read():
        ids = set(_roles(user))
        single = single_office_id()
        if single is not None:
            ids.add(single)
        return ids

    return remembered(user, "office_ids", read)


def offices_of(user):
    """The sites ``user`` acts for: those they hold a role in; every one for a superuser."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    return Site.objects.filter(pk__in=_office_ids(user))


def listed_offices(user):
    """``offices_of(user)`` as a list, the default site first: read once per user object (every
    menu item asks)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    return remembered(
        user,
        "offices",
        lambda: list(
            offices_of(user).select_related("root_page").order_by("-is_default_site", "pk")
        ),
    )


def acts_for(user, site):
    """Whether ``user`` may act for ``site`` at all (no query once the user's offices are read:
    the admin menu asks it of every item)."""
    if site is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or site.pk in _office_ids(user)


def has_role(user, site, roles):
    """Whether ``user`` holds one of ``roles`` in ``site`` (an active ``Person`` record there)."""
    if site is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    held = _roles(user).get(site.pk, ())
    return any(str(role) in held for role in roles)


def is_person_of(user, site):
    """Whether ``user`` has an active ``Person`` record in ``site``, in any role."""
    if site is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return site.pk in _roles(user)


def may_confirm_for_office(user, site, asked_by_id, permission):
    """Whether ``user`` may confirm what was asked in ``site`` by the user ``asked_by_id``: the
    office's director, or a holder of ``permission`` who acts for the office; never the asker.
    The one rule for what the director confirms (an item override, a proposed approval chain)."""
    if user is None or not user.is_authenticated or user.pk == asked_by_id:
        return False
    if not acts_for(user, site):
        return False
    return user.has_perm(permission) or has_role(user, site, [Person.Role.DIRECTOR])


def acting_office(request):
    """The site the admin user of ``request`` acts for.

    Their choice in the session, if it is still one of their offices; else the site of the host
    name, if it is one of theirs; else their first office. ``None`` for a user without an office.
    Worked out once per request and choice (every menu item and screen asks).
    """
    session = getattr(request, "session", None)
    chosen = session.get(OFFICE_SESSION_KEY) if session is not None else None
    key = (getattr(request.user, "pk", None), chosen)
    memo = request.__dict__.setdefault("_wd_acting_office", {})
    if key not in memo:
        memo[key] = _acting_office(request, chosen)
    return memo[key]


def _acting_office(request, chosen):
    offices = listed_offices(request.user)
    by_id = {site.pk: site for site in offices}
    if chosen in by_id:
        return by_id[chosen]
    host = Site.find_for_request(request)
    if host is not None and host.pk in by_id:
        return host
    return offices[0] if offices else None


def users_of(site):
    """Active users who act for ``site`` (superusers are left out: they hold no role there)."""
    users = get_user_model().objects.filter(is_active=True)
    if site is not None and single_office_id() == site.pk:
        return users
    return users.filter(
        pk__in=Person.objects.filter(site=site, active=True).values("user_id")
    ).distinct()


def pages_of(site):
    """The pages of ``site``: its root page and everything under it."""
    if site is None:
        return Page.objects.none()
    return Page.objects.filter(path__startswith=site.root_page.path)


def page_in_office(page, site):
    """Whether ``page`` is in the tree of ``site``."""
    return (
        site is not None
        and bool(getattr(page, "path", None))
        and page.path.startswith(site.root_page.path)
    )


def office_filter(model, site):
    """The ``Q`` that keeps the records of ``model`` that belong to ``site``."""
    if site is None:
        return Q(pk__in=[])
    field_names = {f.name for f in model._meta.get_fields()}
    if "site" in field_names:
        return Q(site=site)
    if "complaint" in field_names:
        return Q(complaint__site=site)
    if "page" in field_names:
        return Q(page__path__startswith=site.root_page.path)
    raise TypeError(f"{model.__name__} belongs to no office")


def for_office(queryset, site):
    """``queryset`` narrowed to the records of ``site`` (none when ``site`` is ``None``)."""
    return queryset.filter(office_filter(queryset.model, site))


def office_of_page(page):
    """The site whose tree ``page`` is in (the deepest root above it); ``None`` outside them all."""
    path = getattr(page, "path", "") or ""
    roots = Site.objects.filter(
        root_page__path__in=[path[:n] for n in range(Page.steplen, len(path) + 1, Page.steplen)]
    )
    return roots.order_by("-root_page__depth").first()


def standing_in(permissions, roots, node, restate):
    """Wagtail's tree permissions (on pages or collections) as they stand in the offices whose
    tree roots are ``roots``: one on a node inside an office's tree stands; one on a node above
    them stands on each of those roots (``restate(permission, root)``); anywhere else it gives
    nothing. The one rule of both per-office policies below."""
    kept = []
    for permission in permissions:
        path = node(permission).path
        if any(path.startswith(root.path) for root in roots):
            kept.append(permission)
            continue
        kept.extend(restate(permission, root) for root in roots if root.path.startswith(path))
    return kept


class OfficePagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permissions, each counting only in the offices the user acts for.

    A group's permission on a page inside one of the user's offices stands; on a page above
    them (the tree's root) it stands on each of the user's offices; anywhere else it gives
    nothing. With a single office (or for a superuser) this is Wagtail's own policy.
    """

    def get_all_permissions_for_user(self, user):
        permissions = super().get_all_permissions_for_user(user)
        if not user.is_active or user.is_superuser or single_office_id() is not None:
            return permissions
        roots = [site.root_page for site in listed_offices(user)]
        return standing_in(
            permissions,
            roots,
            node=lambda permission: permission.page,
            restate=lambda permission, root: GroupPagePermission(
                group_id=permission.group_id, page=root, permission=permission.permission
            ),
        )

    def users_with_any_permission_for_instance(self, actions, instance, include_superusers=True):
        users = super().users_with_any_permission_for_instance(
            actions, instance, include_superusers
        )
        if single_office_id() is not None:
            return users
        site = office_of_page(instance)
        acting = Q(
            pk__in=Person.objects.filter(site=site, active=True).values("user_id")
            if site is not None
            else []
        )
        if include_superusers:
            acting |= Q(is_superuser=True)
        return users.filter(acting)


def office_collections(sites):
    """The collections of the offices ``sites`` (their own: a collection below one is the office's
    too)."""
    return Collection.objects.filter(
        pk__in=OfficeProfile.objects.filter(site__in=sites).values("collection")
    )


def office_of_collection(collection):
    """The site whose collection ``collection`` is or is below; ``None`` outside them all."""
    path = getattr(collection, "path", "") or ""
    steps = [path[:n] for n in range(Collection.steplen, len(path) + 1, Collection.steplen)]
    profile = (
        OfficeProfile.objects.filter(collection__path__in=steps)
        .order_by("-collection__depth")
        .select_related("site")
        .first()
    )
    return profile.site if profile is not None else None


class StandingCollectionPermission(NamedTuple):
    """A group's collection permission as it stands on one office's collection (read like a
    ``GroupCollectionPermission``; Wagtail's policy keeps them in sets, which an unsaved model
    instance cannot join)."""

    group_id: int
    collection: Collection
    permission: object

    @property
    def collection_id(self):
        return self.collection.pk


class OfficeMediaPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's permissions on images and documents, each counting only in the collections of the
    offices the user acts for.

    A group's permission on a collection inside one of the user's offices' collections stands; on a
    collection above them (the root, where Wagtail's own groups hold theirs) it stands on each of
    the user's offices' collections; anywhere else it gives nothing. With a single office (or for
    a superuser) this is Wagtail's own policy: the library works as it always did.
    """

    # Not Wagtail's cache name: its collection management policy caches the unfiltered list there.
    permission_cache_name = "_wd_office_media_permission_cache"

    def get_all_permissions_for_user(self, user):
        permissions = super().get_all_permissions_for_user(user)
        if not user.is_active or user.is_superuser or single_office_id() is not None:
            return permissions
        roots = list(office_collections(listed_offices(user)))
        return standing_in(
            permissions,
            roots,
            node=lambda permission: permission.collection,
            restate=lambda permission, root: StandingCollectionPermission(
                permission.group_id, root, permission.permission
            ),
        )

    def _users_with_perm_filter(self, actions, collection=None):
        users = super()._users_with_perm_filter(actions, collection=collection)
        if collection is None or single_office_id() is not None:
            return users
        site = office_of_collection(collection)
        acting = Q(
            pk__in=Person.objects.filter(site=site, active=True).values("user_id")
            if site is not None
            else []
        )
        return users & (Q(is_superuser=True) | acting)
