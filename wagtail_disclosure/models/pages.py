"""Page types, one per family of disclosure category.

Every content page is a ``DisclosurePage`` (multi-table inheritance), so the links between pages
and catalogue items live in one table and the hub can count them in one query.
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, F, Max, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from wagtail_disclosure import compiled, conf, slugs
from wagtail_disclosure.catalogue.freshness import freshness_of
from wagtail_disclosure.fields import (
    SanitisedRichTextField as RichTextField,  # every save goes through bleach
)
from wagtail_disclosure.forms.dates import use_be_dates
from wagtail_disclosure.models.catalogue import CatalogueEdition, CatalogueItem
from wagtail_disclosure.models.organisation import OfficeProfile, WorkGroup
from wagtail_disclosure.panels import BUDDHIST_SETTINGS_PANELS, ChecksPanel
from wagtail_disclosure.thai.dates import BE_YEARS, check_plausible_date, fiscal_year


class DisclosurePageForm(WagtailAdminPageForm):
    """Offers only the items of the office's active edition, preset from the parent indicator."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_be_dates(self, ["date"])
        field = self.fields.get("catalogue_items")
        parent = getattr(self, "parent_page", None)
        if field is not None:
            edition = edition_for_page(parent or self.instance)
            if edition is not None:
                # The items a page already answers stay offered (and kept): after a rollover a
                # page answers last year's item and this year's.
                linked = (
                    [i.pk for i in self.instance.catalogue_items.all()] if self.instance.pk else []
                )
                field.queryset = CatalogueItem.objects.filter(
                    Q(edition=edition) | Q(pk__in=linked)
                ).order_by("-edition__year", "sort_order")
            if not self.instance.pk and parent is not None:
                indicator = parent.specific_deferred
                # The instance's own (empty) values are already in ``initial``: replace them.
                if isinstance(indicator, IndicatorPage):
                    if not self.initial.get("catalogue_items"):
                        self.initial["catalogue_items"] = [indicator.item_id]
                    group_code = indicator.item.default_group_code
                    if (
                        group_code
                        and "responsible_group" in self.fields
                        and not self.initial.get("responsible_group")
                    ):
                        group = WorkGroup.objects.filter(
                            site_id=_site_id_for(parent), code=group_code
                        ).first()
                        if group:
                            self.initial["responsible_group"] = group.pk
        group_field = self.fields.get("responsible_group")
        office_page = parent if parent is not None else self.instance
        if group_field is not None and getattr(office_page, "path", None):
            # Only the page's own office's groups are offered (and accepted).
            group_field.queryset = group_field.queryset.filter(site_id=_site_id_for(office_page))

    def clean_slug(self):
        """A new page's slug that the admin's script made of a Thai title is romanised instead."""
        slug = self.cleaned_data.get("slug", "")
        title = self.cleaned_data.get("title") or self.data.get(self.add_prefix("title"), "")
        if self.instance.pk or not slugs.lost_marks(slug, title):
            return slug
        return slugs.ascii_slug(title)

    def clean(self):
        cleaned = super().clean()
        # A fiscal year that was only worked out from the old date (or month) follows the new one;
        # one the editor chose stays as it is.
        model = type(self.instance)
        if (
            self.instance.pk
            and "fiscal_year" in self.fields
            and "fiscal_year" not in self.changed_data
        ):
            old = model.fiscal_year_from(self.initial)
            new = model.fiscal_year_from(cleaned)
            if cleaned.get("fiscal_year") == old and new and new != old:
                cleaned["fiscal_year"] = new
        return cleaned


def _site_id_for(page):
    if page is None:
        return None
    site = page.get_site()
    return site.pk if site else None


def edition_for_page(page):
    """The catalogue edition that applies to ``page``: its hub's, else its site's office's."""
    if page is None or not getattr(page, "pk", None) and not getattr(page, "path", None):
        return default_edition()
    hub = (
        TransparencyHubPage.objects.ancestor_of(page, inclusive=True).first() if page.path else None
    )
    if hub is not None and hub.archived_on is not None:
        # Content under last year's archived hub is still edited this year: this year's list.
        hub = hub.current_hub() or hub
    if hub and hub.edition_id:
        return hub.edition
    site = page.get_site() if page.path else None
    if site is not None:
        profile = OfficeProfile.for_site(site)
        if profile.active_edition_id:
            return profile.active_edition
    return default_edition()


def default_edition():
    """The install's default edition (``DEFAULT_EDITION``), ``None`` while it is not loaded."""
    return CatalogueEdition.objects.filter(slug=conf.get("DEFAULT_EDITION")).first()


# An item's code and name make its pages findable by "O21" or by the indicator's Thai name.
CATALOGUE_ITEM_SEARCH_FIELDS = [
    index.SearchField("code", boost=2),
    index.AutocompleteField("code"),
    index.SearchField("name_th"),
    index.SearchField("name_en"),
]


# What the page explorer annotates on the rows it lists (``views.explorer``): the indicator's item
# code, or the codes of the (first two) items a content page answers and how many it answers.
EXPLORER_CODE = "disclosure_code"
EXPLORER_SECOND_CODE = "disclosure_second_code"
EXPLORER_CODE_COUNT = "disclosure_code_count"


class CodedAdminTitleMixin:
    """The admin title starts with the O-code(s) when the explorer annotated them ("O12 รายงาน…"):
    officers know the indicators by code. Elsewhere (no annotation) the title is Wagtail's own, so
    no screen pays a query per page for it."""

    def get_admin_display_title(self):
        title = super().get_admin_display_title()
        code = getattr(self, EXPLORER_CODE, None)
        if not code:
            return title
        codes = [code]
        second = getattr(self, EXPLORER_SECOND_CODE, None)
        if second:
            codes.append(second)
        more = (getattr(self, EXPLORER_CODE_COUNT, None) or 0) - len(codes)
        return ", ".join(codes) + (f" +{more}" if more > 0 else "") + " " + title


class DisclosurePage(CodedAdminTitleMixin, Page):
    """Fields every piece of disclosed content has: catalogue items, group, fiscal year, date."""

    catalogue_items = ParentalManyToManyField(
        CatalogueItem,
        verbose_name=_("catalogue items"),
        related_name="pages",
        blank=False,
        help_text=_("The disclosure categories or OIT indicators this content answers."),
    )
    responsible_group = models.ForeignKey(
        WorkGroup,
        verbose_name=_("responsible work group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    date = models.DateField(_("date"), default=datetime.date.today)
    fiscal_year = models.PositiveIntegerField(
        _("fiscal year (B.E.)"),
        null=True,
        blank=True,
        help_text=_("Worked out from the date when left empty."),
    )
    summary = models.TextField(_("summary"), blank=True)

    is_creatable = False
    base_form_class = DisclosurePageForm
    # What kind of content this page type is (``catalogue.PageKind``): it may be filed under an
    # indicator page whose item takes that kind (``CatalogueItem.allowed_page_kinds``).
    page_kind = None

    disclosure_panels = [
        ChecksPanel(),
        MultiFieldPanel(
            [
                FieldPanel("catalogue_items", widget=forms.CheckboxSelectMultiple),
                FieldPanel("responsible_group"),
                FieldRowPanel([FieldPanel("date"), FieldPanel("fiscal_year")]),
            ],
            heading=_("Disclosure"),
        ),
    ]
    sources_panels = [InlinePanel("sources", heading=_("Sources"), label=_("source"))]
    settings_panels = BUDDHIST_SETTINGS_PANELS

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.AutocompleteField("summary"),
        index.RelatedFields("catalogue_items", CATALOGUE_ITEM_SEARCH_FIELDS),
        index.RelatedFields("sources", [index.SearchField("title"), index.SearchField("author")]),
        index.FilterField("fiscal_year"),
        index.FilterField("date"),
        index.FilterField("responsible_group"),
    ]

    class Meta:
        verbose_name = _("disclosure page")
        verbose_name_plural = _("disclosure pages")

    @classmethod
    def fiscal_year_from(cls, values):
        """The fiscal year (B.E.) that field ``values`` imply when the editor gives none."""
        date = values.get("date")
        return fiscal_year(date) if date else None

    @classmethod
    def can_create_at(cls, parent):
        # The "add child page" choices and the create view: only the kinds the item takes.
        return super().can_create_at(parent) and cls.answers_under(parent)

    def can_move_to(self, parent):
        # The move chooser and the move action (a reorder under the same parent is not a move).
        return super().can_move_to(parent) and self.answers_under(parent)

    @classmethod
    def answers_under(cls, parent):
        """Whether this page type may be filed under ``parent``: yes unless ``parent`` is an
        indicator page whose catalogue item takes other kinds of content."""
        kinds = page_kinds_under(parent)
        return kinds is None or cls.page_kind in kinds

    @classmethod
    def refusal_under(cls, parent):
        """The message refusing this page type under ``parent``, or None when it may go there."""
        if cls.answers_under(parent):
            return None
        item = indicator_item(parent)
        names = {str(kind): str(kind.label) for kind in CatalogueItem.PageKind}
        return _("A %(type)s cannot answer %(code)s. Under this indicator add: %(allowed)s.") % {
            "type": cls._meta.verbose_name,
            "code": item.code,
            "allowed": ", ".join(names.get(kind, kind) for kind in item.allowed_page_kinds),
        }

    @classmethod
    def check_parent(cls, parent):
        """Refuse (``ValidationError``) to put this page type under a parent whose item it cannot
        answer."""
        message = cls.refusal_under(parent)
        if message:
            raise ValidationError(message)

    def check_date(self):
        """A B.E. year taken as C.E. (15 Nov 2569 for 15 Nov 2026) is refused wherever it comes from."""
        try:
            check_plausible_date(self.date)
        except ValidationError as error:
            raise ValidationError({"date": error.messages}) from None

    def minimal_clean(self):
        # Wagtail's check of a draft's save; a live save and every revision go through clean().
        super().minimal_clean()
        self.check_date()

    def full_clean(self, *args, **kwargs):
        # A new page with a Thai title gets a readable ASCII slug; a live URL is never renamed here.
        if not self.pk and slugs.lost_marks(self.slug, self.title):
            slug = slugs.ascii_slug(self.title)
            self.slug = self._get_autogenerated_slug(slug) if self.path else slug
        return super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        if not self.pk and self.path and self.depth and self.depth > 1:
            # A new page, placed: created by code, the API or a tampered form (the admin offers
            # only the kinds the item takes). Pages filed before an item's kinds changed stay.
            self.check_parent(self.get_parent())
        self.check_date()
        if self.fiscal_year is not None and self.fiscal_year not in BE_YEARS:
            raise ValidationError(
                {"fiscal_year": _("Give the fiscal year in Buddhist Era (e.g. 2567).")}
            )
        if not self.fiscal_year:
            self.fiscal_year = self.fiscal_year_from(self.__dict__)
        site_id = _site_id_for(self) if self.path else None
        group = self.responsible_group if self.responsible_group_id else None
        if group is not None and site_id is not None and group.site_id != site_id:
            # The office is the tenant boundary: another office's group never approves this page.
            raise ValidationError(
                {"responsible_group": _("This work group belongs to another office.")}
            )

    def save(self, *args, **kwargs):
        # Every publish path ends in a save; the publication policy is asked in a ``pre_save``
        # receiver (``approval.signals``), before anything is written.
        if not self.fiscal_year:
            self.fiscal_year = self.fiscal_year_from(self.__dict__)
        return super().save(*args, **kwargs)

    @property
    def in_current_fiscal_year(self):
        return self.fiscal_year == fiscal_year()


def indicator_item(page):
    """The catalogue item of ``page`` when it is an indicator page, else None (read once per
    page object: the add-page screen asks for each of the ten page types)."""
    if page is None:
        return None
    if "_disclosure_item" not in page.__dict__:
        if isinstance(page, IndicatorPage):
            item = page.item
        else:
            item = CatalogueItem.objects.filter(indicator_pages=page.pk).first()
        page.__dict__["_disclosure_item"] = item
    return page.__dict__["_disclosure_item"]


def page_kinds_under(parent):
    """The page kinds that may be filed under ``parent``: its item's, or None (no rule) when
    ``parent`` is not an indicator page."""
    item = indicator_item(parent)
    return item.allowed_page_kinds if item is not None else None


class PageSource(Orderable):
    """A source cited at the end of the content (announcement rule: cite borrowed material)."""

    page = ParentalKey(DisclosurePage, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(_("title"), max_length=500)
    url = models.URLField(_("URL"), blank=True, max_length=1000)
    author = models.CharField(_("author or copyright holder"), max_length=255, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("author"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.title


class TransparencyHubPage(Page):
    """The public OIT index: every item of the edition with links to its content and when it was updated."""

    edition = models.ForeignKey(
        CatalogueEdition,
        verbose_name=_("catalogue edition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to follow the office's active edition."),
    )
    intro = RichTextField(_("introduction"), blank=True)
    # Set by ``disclosure_rollover`` on last year's hub: the public pages under it say "archived".
    archived_on = models.DateField(_("archived on"), null=True, blank=True, editable=False)

    content_panels = Page.content_panels + [FieldPanel("edition"), FieldPanel("intro")]
    settings_panels = BUDDHIST_SETTINGS_PANELS
    subpage_types = ["wagtail_disclosure.IndicatorPage"]
    max_count_per_parent = 1

    template = "wagtail_disclosure/pages/transparency_hub_page.html"

    class Meta:
        verbose_name = _("transparency hub")
        verbose_name_plural = _("transparency hubs")

    @cached_property
    def active_edition(self):
        if self.edition_id:
            return self.edition
        return edition_for_page(self)

    def archive_notice(self):
        """What the "archived" banner says on this hub and its indicator pages, or None."""
        if self.archived_on is None:
            return None
        return {
            "edition": self.active_edition,
            "archived_on": self.archived_on,
            "current": self.current_hub(),
        }

    def current_hub(self):
        """The hub that replaced this one, for an archive: the newest live hub beside it."""
        if self.archived_on is None:
            return self
        return (
            TransparencyHubPage.objects.live()
            .sibling_of(self, inclusive=False)
            .filter(archived_on__isnull=True)
            .order_by("-pk")
            .first()
        )

    def live_links(self, item_ids):
        """The links between these catalogue items and the office's live pages (under the hub's
        parent: after ``disclosure_rollover`` content that still counts stays under last year's
        archived hub and is linked to this year's items).

        Joins from the link table: SQLite turned the equivalent ``IN (subquery)`` into
        items × pages index probes (10× slower at 2,150 pages).
        """
        through = DisclosurePage.catalogue_items.through
        office = self.path[: -self.steplen]  # the office's pages: last year's archived hub's too
        return through.objects.filter(
            catalogueitem_id__in=item_ids,
            disclosurepage__live=True,
            disclosurepage__path__startswith=office,
            disclosurepage__depth__gt=self.depth,
        )

    def content_stats(self, item_ids):
        """``{item_id: {"count", "latest", "updated", "latest_fy"}}`` of the live pages under the
        hub, in one query: how many, the newest date, the newest publication, the newest fiscal
        year (what the freshness rule reads)."""
        return {
            row["catalogueitem_id"]: row
            for row in self.live_links(item_ids)
            .values("catalogueitem_id")
            .annotate(
                count=Count("disclosurepage_id"),
                latest=Max("disclosurepage__date"),
                updated=Max("disclosurepage__last_published_at"),
                latest_fy=Max("disclosurepage__fiscal_year"),
            )
        }

    def _ranked_links(self, item_ids, shown):
        """The figures and the newest pages of every item in one query: each item's figures are
        window aggregates over its links, carried on each of its newest rows (rank 1 always
        comes)."""
        per_item = {"partition_by": [F("catalogueitem_id")]}
        return (
            self.live_links(item_ids)
            .annotate(
                rank=Window(
                    RowNumber(),
                    order_by=[F("disclosurepage__date").desc(), F("disclosurepage_id").desc()],
                    **per_item,
                ),
                item_count=Window(Count("disclosurepage_id"), **per_item),
                item_latest=Window(Max("disclosurepage__date"), **per_item),
                item_updated=Window(Max("disclosurepage__last_published_at"), **per_item),
                item_latest_fy=Window(Max("disclosurepage__fiscal_year"), **per_item),
            )
            .filter(rank__lte=max(1, shown))
            .values(
                "catalogueitem_id",
                "disclosurepage_id",
                "disclosurepage__title",
                "disclosurepage__url_path",
                "disclosurepage__date",
                "rank",
                "item_count",
                "item_latest",
                "item_updated",
                "item_latest_fy",
            )
        )

    def get_hub_rows(self, request=None, today=None):
        """One row per catalogue item, built in a fixed number of queries whatever the page count.

        Each row: the item, its indicator page (``IndicatorLink``: pk, title, url; and
        ``indicator_url``), how many live pages answer it, the latest date, when its content was last updated, its ``freshness``
        (``catalogue.freshness.ItemFreshness`` on ``today``) and ``freshness_label``, and the
        newest few pages as ``HubLink`` (pk, title, url, date); the rest are on the indicator
        page. URLs are worked out from the hub's own URL, not page by page (``pageurl`` on 200
        links dominated the render time).
        The default template shows no internal status (readiness belongs to the admin reports);
        the freshness is there for an office's own template.
        """
        edition = self.active_edition
        if edition is None:
            return []
        items = edition.ordered_items()
        base_url = self.get_url(request) or ""
        prefix_length = len(self.url_path)

        def url_of(url_path):
            return base_url + url_path[prefix_length:]

        # Both queries are compiled once per hub and edition (``compiled``): building them cost
        # Django eight times what running them costs the database.
        indicators = {
            row["item_id"]: IndicatorLink(row["pk"], row["title"], url_of(row["url_path"]))
            for row in compiled.values(
                ("hub-indicators", self.pk, self.path, self.depth, edition.pk),
                lambda: (
                    IndicatorPage.objects.live()
                    .descendant_of(self)
                    .filter(item__edition=edition)
                    .order_by("path")  # of two indicator pages of an item, the last in the tree
                    .values("pk", "item_id", "title", "url_path")
                ),
            )
        }
        item_ids = tuple(item.pk for item in items)
        shown = conf.get("HUB_LATEST_PER_ITEM")
        latest, stats = {}, {}
        for link in compiled.values(
            ("hub-links", self.pk, self.path, self.depth, item_ids, shown),
            lambda: self._ranked_links(item_ids, shown),
        ):
            item_id = link["catalogueitem_id"]
            stats[item_id] = {
                "count": link["item_count"],
                "latest": link["item_latest"],
                "updated": link["item_updated"],
                "latest_fy": link["item_latest_fy"],
            }
            if link["rank"] > shown:
                continue
            latest.setdefault(item_id, []).append(
                HubLink(
                    link["disclosurepage_id"],
                    link["disclosurepage__title"],
                    url_of(link["disclosurepage__url_path"]),
                    link["disclosurepage__date"],
                )
            )
        for links_of_item in latest.values():
            links_of_item.sort(key=lambda link: (link.date, link.pk), reverse=True)
        today = today or timezone.localdate()
        with_parts = {item.parent_id for item in items if item.parent_id}
        rows = []
        for item in items:
            stat = stats.get(item.pk, {})
            freshness = freshness_of(item, stat.get("latest"), stat.get("latest_fy"), today)
            rows.append(
                {
                    "item": item,
                    "freshness": freshness,
                    "freshness_label": freshness.label,
                    "section": item.section,
                    "indicator": indicators.get(item.pk),
                    "indicator_url": indicators[item.pk].url if item.pk in indicators else None,
                    "count": stat.get("count", 0),
                    "latest_date": stat.get("latest"),
                    "updated_at": stat.get("updated"),
                    "latest": latest.get(item.pk, []),
                    # An item of parts (format 2) is answered by its parts, listed after it.
                    "has_parts": item.pk in with_parts,
                    "is_part": item.parent_id is not None,
                }
            )
        return rows

    def hub_cache_key(self):
        """What the hub's table depends on, read in one query: None when caching is off.

        Publishing, unpublishing, deleting or moving content in or out changes the count of live
        pages or their newest publication time; a catalogue reload changes ``loaded_at``; the date
        is part of the key because freshness depends on it. Other changes (an item edited in the
        admin) show when the entry expires (``HUB_CACHE_SECONDS``). The key is read from the
        database, so every worker process of a site sees the same one.
        """
        if not conf.get("HUB_CACHE_SECONDS"):
            return None
        state = Page.objects.filter(
            path__startswith=self.path[: -self.steplen], depth__gt=self.depth, live=True
        ).aggregate(count=Count("id"), last=Max("last_published_at"))
        edition = self.active_edition
        parts = [
            self.pk,
            edition.pk if edition else 0,
            edition.loaded_at.timestamp() if edition and edition.loaded_at else 0,
            state["count"],
            state["last"].timestamp() if state["last"] else 0,
            timezone.localdate().isoformat(),
            int(bool(conf.get("THAI_DIGITS"))),
        ]
        return ":".join(str(part) for part in parts)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: with the table in the cache, the rows are never built.
        rows = SimpleLazyObject(lambda: self.get_hub_rows(request))

        def sections():
            grouped = []
            for row in rows:
                if not grouped or grouped[-1]["section"].pk != row["section"].pk:
                    grouped.append({"section": row["section"], "rows": []})
                grouped[-1]["rows"].append(row)
            return grouped

        edition = self.active_edition
        context.update(
            archive=self.archive_notice(),
            # The items the office's online presence answers, by the edition's own codes (ITA
            # 2566's O9 and O18, ITA 2568's O10).
            presence_codes={
                item.answered_by: item.code for item in edition.ordered_items() if item.answered_by
            }
            if edition is not None
            else {},
            edition=edition,
            rows=rows,
            sections=SimpleLazyObject(sections),
            missing=SimpleLazyObject(lambda: [r for r in rows if not r["count"]]),
            today=timezone.localdate(),
            hub_cache_key=self.hub_cache_key(),
            hub_cache_seconds=conf.get("HUB_CACHE_SECONDS"),
        )
        return context


@dataclass(frozen=True)
class IndicatorLink:
    """An item's indicator page on the hub: its id, title and address (no page object)."""

    pk: int
    title: str
    url: str


@dataclass(frozen=True)
class HubLink:
    """A page listed on the hub: just what the link needs."""

    pk: int
    title: str
    url: str
    date: datetime.date


class IndicatorPage(CodedAdminTitleMixin, Page):
    """One catalogue item on the public site, holding the content that answers it."""

    item = models.ForeignKey(
        CatalogueItem,
        verbose_name=_("catalogue item"),
        on_delete=models.PROTECT,
        related_name="indicator_pages",
    )
    body = RichTextField(_("description"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("item"), FieldPanel("body")]
    settings_panels = BUDDHIST_SETTINGS_PANELS
    parent_page_types = ["wagtail_disclosure.TransparencyHubPage"]
    subpage_types = [
        "wagtail_disclosure.DocumentPage",
        "wagtail_disclosure.ProcurementSummaryPage",
        "wagtail_disclosure.ExecutiveProfilesPage",
        "wagtail_disclosure.ContactPage",
        "wagtail_disclosure.NewsPage",
        "wagtail_disclosure.QuestionBoardPage",
        "wagtail_disclosure.CorruptionComplaintPage",
        "wagtail_disclosure.FeedbackPage",
        "wagtail_disclosure.SatisfactionSurveyPage",
        "wagtail_disclosure.SubmissionStatisticsPage",
    ]

    search_fields = Page.search_fields + [
        index.SearchField("body"),
        index.RelatedFields("item", CATALOGUE_ITEM_SEARCH_FIELDS),
    ]

    template = "wagtail_disclosure/pages/indicator_page.html"

    class Meta:
        verbose_name = _("indicator page")
        verbose_name_plural = _("indicator pages")

    def freshness(self, today=None):
        """The item's ``ItemFreshness`` on ``today``, read from the live pages under the hub, as
        the hub's row for the item reads it."""
        return self._freshness_under(TransparencyHubPage.objects.parent_of(self).first(), today)

    def _freshness_under(self, hub, today=None):
        stat = hub.content_stats([self.item_id]).get(self.item_id, {}) if hub else {}
        return freshness_of(self.item, stat.get("latest"), stat.get("latest_fy"), today)

    def get_context(self, request, *args, **kwargs):
        """The pages answering the item, 20 at a time, and the item's ``freshness`` (not shown by
        the default template, like the hub's; there for an office's own)."""
        context = super().get_context(request, *args, **kwargs)
        # The pages under this indicator's hub only: every office's hub has an indicator page for
        # the same catalogue item, and one office's page must not list another office's content.
        hub = TransparencyHubPage.objects.parent_of(self).first()
        # The office's pages (its home and below), as the hub's table counts them: after
        # ``disclosure_rollover`` the content that still counts stays under last year's hub.
        office = hub.path[: -hub.steplen] if hub is not None else self.path
        # An item of parts (format 2) is answered by its parts: its page (the address the ITAS
        # export gives for the item) lists their content and links to each part's page.
        parts = IndicatorPage.objects.none()
        if hub is not None:
            parts = (
                IndicatorPage.objects.live()
                .child_of(hub)
                .filter(item__parent=self.item)
                .select_related("item")
                .order_by("item__sort_order")
            )
        item_ids = [self.item_id, *(p.item_id for p in parts)]
        pages = (
            DisclosurePage.objects.live()
            .filter(
                pk__in=DisclosurePage.catalogue_items.through.objects.filter(
                    catalogueitem_id__in=item_ids
                ).values("disclosurepage_id")
            )
            .filter(path__startswith=office, depth__gt=(hub or self).depth)
            .order_by("-date", "-pk")
            .only("id", "title", "url_path", "date", "fiscal_year", "path", "depth")
        )
        context["parts"] = list(parts)
        context["pages"] = Paginator(pages, 20).get_page(request.GET.get("page"))
        # Lazy: its query is made only by a template that shows it.
        context["freshness"] = SimpleLazyObject(lambda: self._freshness_under(hub))
        context["archive"] = hub.archive_notice() if hub is not None else None
        return context
