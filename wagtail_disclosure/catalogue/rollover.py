"""Next year's list without losing this year's work: ``disclosure_rollover``.

The NACC changes the OIT list every year. Switching a hub to the new edition by hand left it
empty: no indicator pages, nothing linked. ``rollover`` does the year's change for one office:

1. keeps last year's hub as a dated archive that assessors can still open: the same pages under a
   new slug (``oit-2566``), its edition pinned, ``archived_on`` set (its pages show an "archived"
   banner that links to the current hub), its title saying when it was archived;
2. creates the new hub at the old address with one indicator page per item of the new edition,
   and makes the new edition the office's active one;
3. links the content of last year's items to the new items that continue them (the edition's
   ``previous_items``, else the same code) when the new item's scope still counts it on the day;
4. says per new item what it still lacks (readiness's own statement, by the caller).

Run again, it finds the new hub and only fills what is missing: idempotent. Content pages stay
under last year's hub, so their addresses move with it (``/oit/o7/news/`` becomes
``/oit-2566/o7/news/``): the old addresses the new hub does not take over redirect to them. The
new link is written to the live page and to its latest revision, so that the next edit keeps it.
"""

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from wagtail_disclosure.models import (
    CHANNEL_PAGES,
    CatalogueItem,
    DisclosurePage,
    IndicatorPage,
    OfficeProfile,
    TransparencyHubPage,
)
from wagtail_disclosure.thai.dates import fiscal_year, fiscal_year_range, format_thai_date


class RolloverError(ValueError):
    """A rollover that cannot run; nothing was changed."""


@dataclass
class RolloverResult:
    hub: TransparencyHubPage
    archive: TransparencyHubPage | None
    created_indicators: list = field(default_factory=list)
    linked: dict = field(default_factory=dict)  # new item code -> number of pages linked
    already_done: bool = False


def current_hub(site):
    """The office's live hub, the newest (an archive is older than the hub that replaced it)."""
    return (
        TransparencyHubPage.objects.live()
        .descendant_of(site.root_page, inclusive=True)
        .order_by("-pk")
        .first()
    )


def still_counts(item, page, day, channel_types=()):
    """Whether last year's ``page`` (its ``date`` and ``fiscal_year``) still answers ``item`` on
    ``day``: by the item's scope, as readiness reads it (a fiscal-year item wants this year's).
    A public submission channel (``CHANNEL_PAGES``) counts while it is live, whatever its date."""
    if page.get("content_type_id") in channel_types:
        return True
    fy = fiscal_year(day)
    if item.fiscal_year_bound or item.scope == CatalogueItem.Scope.CURRENT_FY:
        return (page["fiscal_year"] or 0) >= fy
    if item.scope == CatalogueItem.Scope.PREVIOUS_FY:
        return (page["fiscal_year"] or 0) >= fy - 1
    if item.scope in (CatalogueItem.Scope.MONTHLY,):
        return page["date"] is not None and page["date"] >= fiscal_year_range(fy)[0]
    if item.scope in (CatalogueItem.Scope.ACADEMIC_YEAR, CatalogueItem.Scope.FIRST_HALF_FY):
        return page["date"] is not None and page["date"] >= day - datetime.timedelta(days=366)
    return True


def _predecessors(item, old_edition):
    """Last year's items that ``item`` continues: the edition's mapping when it names the hub's
    edition as its previous one (the loader fills in the same code where the file says nothing),
    else the item of the same code."""
    if old_edition is None:
        return []
    if item.edition.previous_id == old_edition.pk:
        return [i for i in item.previous_items.all() if i.edition_id == old_edition.pk]
    return list(old_edition.items.filter(code=item.code))


@transaction.atomic
def rollover(edition, site, today=None):
    """Move ``site`` to ``edition``; see the module's docstring. Returns a ``RolloverResult``."""
    today = today or timezone.localdate()
    hub = current_hub(site)
    if hub is None:
        raise RolloverError(_("The site %(site)s has no live transparency hub.") % {"site": site})
    old_edition = hub.active_edition
    result = RolloverResult(hub=hub, archive=None)
    if old_edition is not None and old_edition.pk == edition.pk:
        result.already_done = True
        result.archive = (
            TransparencyHubPage.objects.sibling_of(hub, inclusive=False)
            .filter(edition=edition.previous)
            .order_by("-pk")
            .first()
            if edition.previous_id
            else None
        )
    else:
        old_url_path = hub.url_path
        result.archive, result.hub = _archive_and_replace(hub, old_edition, edition, today)
    new_hub = result.hub
    existing = set(IndicatorPage.objects.child_of(new_hub).values_list("item_id", flat=True))
    taken = set(new_hub.get_children().values_list("slug", flat=True))
    for item in edition.items.order_by("sort_order"):
        if item.pk in existing:
            continue
        slug = item.code.lower().replace(".", "-")
        while slug in taken:
            slug += "-1"
        taken.add(slug)
        indicator = IndicatorPage(title=f"{item.code} {item.name_th}"[:255], slug=slug, item=item)
        new_hub.add_child(instance=indicator)
        indicator.save_revision().publish()
        result.created_indicators.append(item.code)
    if not result.already_done:
        _redirect_old_addresses(site, result.archive, old_url_path)
    result.linked = _link_content(edition, old_edition, site, today)
    profile = OfficeProfile.for_site(site)
    if profile.active_edition_id != edition.pk:
        profile.active_edition = edition
        profile.save(update_fields=["active_edition"])
    return result


def _archive_and_replace(hub, old_edition, edition, today):
    label = (
        str(old_edition.year) if old_edition is not None and old_edition.year else str(today.year)
    )
    slug, title = hub.slug, hub.title
    archive = hub.specific
    _rename_quietly(archive, f"{slug}-{label}")
    archive.edition = old_edition
    archive.archived_on = today
    archive.title = _("%(title)s (%(edition)s, archived on %(date)s)") % {
        "title": title,
        "edition": old_edition.name if old_edition is not None else label,
        "date": format_thai_date(today, "%-d %b %Y"),
    }
    archive.title = archive.title[:255]
    archive.save_revision().publish()
    new_hub = TransparencyHubPage(title=title, slug=slug, edition=edition, intro=archive.intro)
    archive.get_parent().add_child(instance=new_hub)
    new_hub.save_revision().publish()
    archive.refresh_from_db()
    return archive, new_hub


def _rename_quietly(page, slug):
    """Give ``page`` a new slug, and its subtree the new addresses, without Wagtail's
    ``page_slug_changed``: the redirects it would make on commit (one query over every page of the
    subtree, which SQLite refuses beyond about 500 pages) are made by ``_redirect_old_addresses``,
    for the addresses the new hub does not take over."""
    old_url_path = page.url_path
    page.slug = slug
    page.set_url_path(page.get_parent())
    Page.objects.filter(pk=page.pk).update(slug=slug, url_path=page.url_path)
    page._update_descendant_url_paths(old_url_path, page.url_path)


REDIRECTS_PER_QUERY = 300


def _redirect_old_addresses(site, archive, old_url_path):
    """Last year's addresses under the hub, now the archive's, keep working: every live page
    under the archive whose old address the new hub does not take (content pages, the indicators
    of items the new list dropped) gets a permanent redirect, as Wagtail's redirects app makes
    them (``automatically_created``). Nothing when the app is not installed."""
    if not apps.is_installed("wagtail.contrib.redirects"):
        return
    redirect_model = apps.get_model("wagtailredirects", "Redirect")
    root = site.root_page.url_path  # "/home/": a page's address is its url_path after it
    new_prefix = archive.url_path
    taken = set(
        Page.objects.filter(url_path__startswith=old_url_path).values_list("url_path", flat=True)
    )
    redirects = []
    for pk, url_path in (
        Page.objects.live().descendant_of(archive).values_list("pk", "url_path").iterator()
    ):
        old = old_url_path + url_path[len(new_prefix) :]
        if old not in taken and old.startswith(root):
            redirects.append(
                redirect_model(
                    old_path=redirect_model.normalise_path(old[len(root) - 1 :]),
                    site=site,
                    redirect_page_id=pk,
                    automatically_created=True,
                )
            )
    for start in range(0, len(redirects), REDIRECTS_PER_QUERY):
        chunk = redirects[start : start + REDIRECTS_PER_QUERY]
        redirect_model.objects.filter(
            site=site, automatically_created=True, old_path__in=[r.old_path for r in chunk]
        ).delete()
    redirect_model.objects.bulk_create(redirects, batch_size=REDIRECTS_PER_QUERY)


def _link_content(edition, old_edition, site, today):
    """Link the live content of last year's items to the new items whose scope still counts it."""
    through = DisclosurePage.catalogue_items.through
    live = DisclosurePage.objects.live().descendant_of(site.root_page)
    channel_types = {ContentType.objects.get_for_model(m).pk for m in CHANNEL_PAGES}
    linked = {}
    for item in edition.items.select_related("edition").prefetch_related("previous_items"):
        old_items = _predecessors(item, old_edition)
        if not old_items:
            continue
        pages = list(
            live.filter(catalogue_items__in=old_items)
            .exclude(catalogue_items=item)
            .distinct()
            .values("pk", "date", "fiscal_year", "content_type_id")
        )
        keep = [p["pk"] for p in pages if still_counts(item, p, today, channel_types)]
        through.objects.bulk_create(
            [through(disclosurepage_id=pk, catalogueitem_id=item.pk) for pk in keep],
            ignore_conflicts=True,
        )
        for page in DisclosurePage.objects.filter(pk__in=keep).select_related("latest_revision"):
            revision = page.latest_revision
            items = revision.content.get("catalogue_items") if revision is not None else None
            if isinstance(items, list) and item.pk not in items:
                items.append(item.pk)
                revision.save(update_fields=["content"])
        if keep:
            linked[item.code] = len(keep)
    return linked
