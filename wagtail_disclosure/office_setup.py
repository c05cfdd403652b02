"""Set up a real office on a Wagtail Site: what every office needs before its first page.

An office that installs the app into its own site should not have to build the 43 indicator pages,
the groups and permissions, its collection of the image library and the approval chain by hand (a page under an approval-required item
would otherwise dead-end on Wagtail's stock "Moderators approval"). ``disclosure_setup_office``
and the demo's ``setup_demo`` both call :func:`set_up_office`; it creates no users and is
idempotent: running it again adds what is missing and leaves what is there.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupPagePermission, Site, Workflow

from wagtail_disclosure import conf
from wagtail_disclosure.approval.setup import set_up_approval
from wagtail_disclosure.catalogue.loader import load
from wagtail_disclosure.catalogue.rollover import rollover
from wagtail_disclosure.models import (
    CatalogueEdition,
    IndicatorPage,
    OfficeProfile,
    Person,
    TransparencyHubPage,
    WorkGroup,
)

HUB_TITLE = "การเปิดเผยข้อมูลสาธารณะ (OIT)"
HUB_SLUG = "oit"

EDITORS, MODERATORS, SUPERVISORS = "Editors", "Moderators", "Supervisors"

# The Wagtail group each Person role belongs to (the chain itself asks the Person role; the
# groups give admin access, page editing and the submissions each role handles).
ROLE_GROUPS = {
    Person.Role.AUTHOR: EDITORS,
    Person.Role.PUBLISHER: EDITORS,
    Person.Role.PR: EDITORS,
    Person.Role.GROUP_DIRECTOR: MODERATORS,
    Person.Role.DEPUTY: MODERATORS,
    Person.Role.DIRECTOR: MODERATORS,
    Person.Role.SUPERVISOR: SUPERVISORS,
}

# App permissions per Wagtail group: editors answer questions and read feedback, reviewers
# moderate questions and may override a compliance warning (with a reason), the directors record
# the orders appointing web officers, supervisors read and move the office to next year's edition
# (``roll_over``).
GROUP_PERMISSIONS = {
    EDITORS: ["answer_question", "view_feedback", "change_feedback", "view_appointmentorder"],
    MODERATORS: [
        "override_check_warning",
        "moderate_question",
        "view_feedback",
        "view_surveyresponse",
        "add_appointmentorder",
        "change_appointmentorder",
        "view_appointmentorder",
    ],
    SUPERVISORS: [
        "view_feedback",
        "view_surveyresponse",
        "rollover_catalogueedition",
        "view_appointmentorder",
    ],
}

# Page permissions on the hub's subtree: authors and reviewers add and edit; nobody publishes an
# approval-required page directly (``set_up_approval`` gives editors publish only where the
# catalogue says "publish at once").
PAGE_PERMISSIONS = {EDITORS: ["add_page", "change_page"], MODERATORS: ["add_page", "change_page"]}


class SetupError(Exception):
    """The office cannot be set up as asked (the message says why, in Thai when active)."""


@dataclass
class OfficeSetup:
    site: object
    edition: CatalogueEdition
    hub: TransparencyHubPage
    workflow: Workflow
    collection: Collection
    adopted: object = None  # the site whose library became its collection's (``office_collection``)


def active_edition(site, edition_slug=None):
    """The edition to set up: the one named, else the profile's, else the install default.

    A shipped edition that is not in the database yet is loaded from its YAML file.
    """
    profile = OfficeProfile.for_site(site)
    slug = edition_slug or (profile.active_edition.slug if profile.active_edition_id else None)
    slug = slug or conf.get("DEFAULT_EDITION")
    edition = CatalogueEdition.objects.filter(slug=slug).first()
    if edition is None:
        edition = load(slug).edition  # CatalogueError when it is neither loaded nor shipped
    if profile.active_edition_id != edition.pk:
        profile.active_edition = edition
        profile.save()
    return edition


def role_groups():
    """The Wagtail groups of the roles, with admin access and their app permissions."""
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    groups = {}
    for name in (EDITORS, MODERATORS, SUPERVISORS, conf.get("INTEGRITY_GROUP")):
        group = Group.objects.get_or_create(name=name)[0]
        group.permissions.add(admin_access)
        codenames = GROUP_PERMISSIONS.get(name, [])
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="wagtail_disclosure", codename__in=codenames
            )
        )
        groups[name] = group
    return groups


def hub_page(site, edition, title=HUB_TITLE, intro=""):
    """The site's hub, under its root page (slug ``oit``), created once."""
    root = site.root_page.specific
    hub = TransparencyHubPage.objects.descendant_of(root, inclusive=True).first()
    if hub is not None:
        return hub
    if root.get_children().filter(slug=HUB_SLUG).exists():
        raise SetupError(
            _("The site already has a page with the slug “%(slug)s”; rename it first.")
            % {"slug": HUB_SLUG}
        )
    return root.add_child(
        instance=TransparencyHubPage(title=title, slug=HUB_SLUG, edition=edition, intro=intro)
    )


def indicator_pages(hub, edition):
    """One indicator page per item of the edition, slug ``o1`` … ``o43`` (the item's code)."""
    pages = {}
    for item in edition.items.order_by("sort_order"):
        page = IndicatorPage.objects.child_of(hub).filter(item=item).first()
        if page is None:
            page = hub.add_child(
                instance=IndicatorPage(title=item.name_th, slug=item.code.lower(), item=item)
            )
        pages[item.code] = page
    return pages


def page_permissions(groups, page):
    for name, codenames in PAGE_PERMISSIONS.items():
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=groups[name],
                page=page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )


def _collection_name(profile, site, root):
    name = profile.short_name or profile.name or site.site_name or site.hostname
    if root.get_children().filter(name=name).exists():
        name = f"{name} ({site.hostname})"
    return name


def office_collection(site):
    """The office's collection of the image and document library: made once, under the root
    collection, named after the office (``OfficeProfile.collection``).

    Its people upload into it and, on an install with several offices, manage only what is in it
    (``models.offices.OfficeMediaPermissionPolicy``). When the second office of an install gets its
    collection, the library of the office that was alone until then becomes that office's
    (``adopt_library``): returns ``(collection, adopted site or None)``.
    """
    profile = OfficeProfile.for_site(site)
    collection = profile.collection
    if collection is not None:
        # Made before the office had a name (the migration names it after the host): named now.
        named = profile.short_name or profile.name
        if named and collection.name in (site.hostname, site.site_name):
            collection.name = _collection_name(profile, site, collection.get_parent())
            collection.save()
        return collection, None
    root = Collection.get_first_root_node()
    profile.collection = root.add_child(
        instance=Collection(name=_collection_name(profile, site, root))
    )
    profile.save()
    others = list(Site.objects.exclude(pk=site.pk)[:2])
    if len(others) == 1 and OfficeProfile.for_site(others[0]).collection_id is not None:
        adopt_library(others[0])
        return profile.collection, others[0]
    return profile.collection, None


def adopt_library(site):
    """What lies outside every office's collection becomes ``site``'s: the images and documents of
    the root collection go into its collection, the other collections under the root move below
    it. Files, URLs and the rich text that embeds them stay as they are; only collections change.

    Run when an install that hosted one office gets its second: until then the whole library was
    that office's (with one office, Wagtail's permissions count everywhere).
    """
    target = OfficeProfile.for_site(site).collection
    offices = set(
        OfficeProfile.objects.exclude(collection=None).values_list("collection", flat=True)
    )
    root = Collection.get_first_root_node()
    for pk in list(root.get_children().exclude(pk__in=offices).values_list("pk", flat=True)):
        # Collections are ordered by name (treebeard's sorted children).
        Collection.objects.get(pk=pk).move(Collection.objects.get(pk=target.pk), "sorted-child")
    for model in (get_image_model(), get_document_model()):
        # As Wagtail's own "add to collection" bulk action does.
        model.objects.filter(collection=root).update(collection=target)


def people_into_groups(site, groups):
    """Put the user of every Person of the office into their role's Wagtail group."""
    for person in Person.objects.filter(site=site, user__isnull=False, active=True):
        name = ROLE_GROUPS.get(person.role)
        if person.role == Person.Role.INTEGRITY:
            name = conf.get("INTEGRITY_GROUP")
        if name:
            person.user.groups.add(groups[name])


def set_up_office(site, edition_slug=None, hub_title=HUB_TITLE, hub_intro="", chain=None):
    """Everything an office needs on ``site``: run it in a transaction.

    ``chain``: an approval-chain preset (``approval/presets.yaml``) to put in force; without it
    the office keeps the chain it has (the install's default for a new office).
    """
    edition = active_edition(site, edition_slug)
    WorkGroup.create_defaults(site)
    groups = role_groups()
    hub = hub_page(site, edition, title=hub_title, intro=hub_intro)
    indicator_pages(hub, edition)
    page_permissions(groups, hub)
    people_into_groups(site, groups)
    workflow = set_up_approval(site, hub, editors=EDITORS, chain=chain)
    collection, adopted = office_collection(site)
    return OfficeSetup(
        site=site,
        edition=edition,
        hub=hub,
        workflow=workflow,
        collection=collection,
        adopted=adopted,
    )


def roll_over(site, edition, today=None):
    """Move ``site`` to next year's ``edition`` (``catalogue.rollover``) and give the new hub the
    approval chain and the roles' page permissions, in one transaction: what ``disclosure_rollover`` and the admin's rollover
    screen both run. Idempotent; ``RolloverError`` when the site has no hub (nothing changed)."""
    with transaction.atomic():
        result = rollover(edition, site, today=today)
        page_permissions(role_groups(), result.hub)  # editors add and edit under the new hub
        set_up_approval(site, result.hub, editors=EDITORS)
    return result
