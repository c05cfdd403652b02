"""The disclosure catalogue: what an office must publish, as data.

An *edition* is one list (ITA 2566's O1–O43, or an office's own measures); it has *sections*, and
sections have *items*. Editions change every year, so they are loaded from files
(``load_disclosure_catalogue``), never written in code. An edition may name the one it follows
(``previous``) and map its items to that one's (``previous_items``: one new item from several old
ones, or several new ones from one), so that ``disclosure_rollover`` can carry content over.

An item's rules (format 2 of the files, ``docs/catalogue-format.md``) say what content counts:
``scope`` (which period), ``min_count``, ``formats``, ``languages``; an item may have *parts*
(items with ``parent`` set) that are each assessed, all of them required or, for alternatives,
any one. An office changes an item's flags only through ``ItemOverride``, a separate record
confirmed by its director, so that a reload of the edition never loses it.
"""

import time

from django.conf import settings
from django.db import connections, models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class BilingualNameMixin(models.Model):
    """Thai and English names; ``name`` follows the active language, Thai first."""

    name_th = models.CharField(_("name (Thai)"), max_length=500)
    name_en = models.CharField(_("name (English)"), max_length=500, blank=True)

    class Meta:
        abstract = True

    @property
    def name(self):
        if (get_language() or "th").startswith("en") and self.name_en:
            return self.name_en
        return self.name_th


class CatalogueEdition(BilingualNameMixin):
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    framework = models.SlugField(
        _("framework"), max_length=50, help_text=_("e.g. ita, obec-measures")
    )
    year = models.PositiveIntegerField(_("fiscal year (B.E.)"), null=True, blank=True)
    source = models.TextField(_("source"), blank=True)
    loaded_from = models.CharField(_("loaded from"), max_length=500, blank=True)
    loaded_at = models.DateTimeField(_("loaded at"), null=True, blank=True)
    previous = models.ForeignKey(
        "self",
        verbose_name=_("previous edition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_editions",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("catalogue edition")
        verbose_name_plural = _("catalogue editions")
        ordering = ["-year", "slug"]
        permissions = [
            (
                "rollover_catalogueedition",
                _("Can move an office's hub to a new edition (rollover)"),
            )
        ]

    def __str__(self):
        return self.name

    def ordered_items(self):
        """The edition's items in catalogue order, each with its section (a tuple).

        Read once per process while the edition stays the same, and shared by its requests: the
        public hub read the same forty-odd rows on every request. Items change only when
        ``load_disclosure_catalogue`` loads the edition again (it sets ``loaded_at``; the admin
        shows items read-only), so ``loaded_at`` tells every worker process when to read them
        again; a save or delete of an item, a section or an edition in this process
        (``forget_items``, connected in ``receivers``) counts at once, and a change made by hand
        elsewhere shows within ``ITEMS_MEMO_SECONDS``. What is read inside a transaction is kept
        on this object only: the transaction may yet be rolled back. Model objects, because an
        office's own hub template may show any field of an item.
        """
        stamp = (self.pk, self.loaded_at, _item_changes[0])
        now = time.monotonic()
        for entry in (self.__dict__.get("_ordered_items"), _items_memo.get(self.pk)):
            if entry is not None and entry[0] == stamp and entry[1] > now:
                return entry[2]
        items = tuple(self.items.select_related("section").order_by("sort_order"))
        entry = (stamp, now + ITEMS_MEMO_SECONDS, items)
        self.__dict__["_ordered_items"] = entry
        if not connections[self.items.db].in_atomic_block:
            _items_memo[self.pk] = entry
        return entry[2]


# How long a process keeps an edition's items at most (``CatalogueEdition.ordered_items``).
ITEMS_MEMO_SECONDS = 300
_items_memo = {}
_item_changes = [0]


def forget_items(**kwargs):
    """Every edition's items are read again (a signal receiver; tests call it between tests)."""
    _item_changes[0] += 1


class CatalogueSection(BilingualNameMixin):
    edition = models.ForeignKey(CatalogueEdition, on_delete=models.CASCADE, related_name="sections")
    code = models.CharField(_("code"), max_length=50)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent section"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="subsections",
    )
    sort_order = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("catalogue section")
        verbose_name_plural = _("catalogue sections")
        ordering = ["edition", "sort_order"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "code"], name="disclosure_section_code_unique"
            )
        ]

    def __str__(self):
        return f"{self.code} {self.name}"


class Scope(models.TextChoices):
    """Which content counts for an item, by its date or fiscal year (``catalogue.rules``)."""

    ANY = "", _("Any time")
    CURRENT_FY = "current_fy", _("The current fiscal year")
    PREVIOUS_FY = "previous_fy", _("The previous fiscal year")
    ACADEMIC_YEAR = "academic_year", _("The current academic year")
    FIRST_HALF_FY = "first_half_fy", _("The first six months of the fiscal year")
    MONTHLY = "monthly", _("One per month for 12 months")


class AnsweredBy(models.TextChoices):
    """Items the site itself answers when the office provides them (Settings → Online presence)."""

    CONTENT = "", _("Its content pages")
    SOCIAL_LINKS = "social_links", _("The office's social network links")
    E_SERVICES = "e_services", _("The office's e-services")


class PartsRule(models.TextChoices):
    ALL = "all", _("Every part")
    ANY = "any", _("Any one part (alternatives)")


class PageKind(models.TextChoices):
    """The kinds of content page that can answer an item (each content page type has one:
    ``page_kind``); an item takes those its file lists (``pages:``), else its family's."""

    DOCUMENT = "document", _("document or announcement")
    PROCUREMENT_SUMMARY = "procurement_summary", _("monthly procurement summary")
    EXECUTIVES = "executives", _("executive profiles")
    CONTACT = "contact", _("contact")
    NEWS = "news", _("news or activity")
    QUESTIONS = "questions", _("Q&A board")
    COMPLAINTS = "complaints", _("corruption complaint form")
    FEEDBACK = "feedback", _("feedback form")
    SURVEY = "survey", _("satisfaction survey")
    STATISTICS = "statistics", _("submission statistics")


class CatalogueItem(BilingualNameMixin):
    """One thing that must be published, e.g. ``O21`` the monthly procurement summary."""

    Scope = Scope
    PartsRule = PartsRule
    AnsweredBy = AnsweredBy

    class Family(models.TextChoices):
        DOCUMENT = "document", _("Document or announcement")
        PROCUREMENT = "procurement", _("Procurement")
        EXECUTIVES = "executives", _("Executives")
        CONTACT = "contact", _("Contact")
        NEWS = "news", _("News and activities")
        INTERACTIVE = "interactive", _("Interactive channel")

    PageKind = PageKind
    # The page kinds of an item whose file names none: a document answers every family (offices
    # often publish the evidence as a PDF), and each family adds its own page types.
    FAMILY_PAGE_KINDS = {
        Family.DOCUMENT: [PageKind.DOCUMENT],
        Family.PROCUREMENT: [PageKind.PROCUREMENT_SUMMARY, PageKind.DOCUMENT],
        Family.EXECUTIVES: [PageKind.EXECUTIVES, PageKind.DOCUMENT],
        Family.CONTACT: [PageKind.CONTACT, PageKind.DOCUMENT],
        Family.NEWS: [PageKind.NEWS, PageKind.DOCUMENT],
        Family.INTERACTIVE: [
            PageKind.QUESTIONS,
            PageKind.COMPLAINTS,
            PageKind.FEEDBACK,
            PageKind.SURVEY,
            PageKind.STATISTICS,
            PageKind.DOCUMENT,
        ],
    }

    edition = models.ForeignKey(CatalogueEdition, on_delete=models.CASCADE, related_name="items")
    section = models.ForeignKey(CatalogueSection, on_delete=models.CASCADE, related_name="items")
    code = models.CharField(_("code"), max_length=50)
    needs_approval = models.BooleanField(
        _("needs approval"),
        default=True,
        help_text=_("Publication goes through the request-memo approval chain."),
    )
    fiscal_year_bound = models.BooleanField(_("must be in the current fiscal year"), default=False)
    default_group_code = models.SlugField(
        _("responsible work group (code)"), max_length=50, blank=True
    )
    family = models.CharField(
        _("category family"), max_length=20, choices=Family.choices, default=Family.DOCUMENT
    )
    page_kinds = models.JSONField(
        _("page types that answer it"),
        default=list,
        blank=True,
        help_text=_("Empty: those of its family."),
    )
    update_months = models.PositiveSmallIntegerField(
        _("expected update every (months)"), null=True, blank=True
    )
    evidence = models.TextField(_("evidence expected"), blank=True)
    scope = models.CharField(
        _("period that counts"), max_length=20, choices=Scope.choices, blank=True
    )
    min_count = models.PositiveSmallIntegerField(_("at least this many pages"), default=1)
    formats = models.JSONField(_("required file formats"), default=list, blank=True)
    languages = models.JSONField(_("required languages"), default=list, blank=True)
    group_codes = models.JSONField(_("responsible work groups (codes)"), default=list, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="parts",
    )
    answered_by = models.CharField(
        _("answered by"), max_length=20, choices=AnsweredBy.choices, blank=True
    )
    parts_rule = models.CharField(
        _("parts required"), max_length=3, choices=PartsRule.choices, default=PartsRule.ALL
    )
    previous_items = models.ManyToManyField(
        "self",
        verbose_name=_("items of the previous edition"),
        symmetrical=False,
        blank=True,
        related_name="next_items",
    )
    sort_order = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("catalogue item")
        verbose_name_plural = _("catalogue items")
        ordering = ["edition", "sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "code"], name="disclosure_item_code_unique")
        ]

    def __str__(self):
        return f"{self.code} {self.name}"

    @property
    def allowed_page_kinds(self):
        """The kinds of content page that may be filed under this item's indicator page."""
        return list(self.page_kinds) or [
            str(kind) for kind in self.FAMILY_PAGE_KINDS.get(self.family, [PageKind.DOCUMENT])
        ]


class ItemOverride(models.Model):
    """An office's own change to one item's flags, with its reason.

    Approval requirements are policy (the สพป.สมุทรปราการ เขต 2 announcement of 31 พ.ค. 2561 has the
    director sign which categories need approval), so the override takes effect only once the
    director, or someone with ``confirm_itemoverride``, confirms it, and never by the person who
    asked for it. The edition itself stays as its file says; a reload keeps this record.
    """

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("site"), on_delete=models.CASCADE, related_name="+"
    )
    item = models.ForeignKey(
        CatalogueItem, verbose_name=_("item"), on_delete=models.CASCADE, related_name="overrides"
    )
    needs_approval = models.BooleanField(_("needs approval"), null=True, blank=True)
    default_group_code = models.SlugField(
        _("responsible work group (code)"), max_length=50, blank=True
    )
    update_months = models.PositiveSmallIntegerField(
        _("expected update every (months)"), null=True, blank=True
    )
    reason = models.TextField(_("reason"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("item override")
        verbose_name_plural = _("item overrides")
        ordering = ["site", "item__sort_order", "-requested_at"]
        permissions = [("confirm_itemoverride", _("Can confirm an office's item override"))]

    def __str__(self):
        return f"{self.item.code}: {self.reason[:60]}"

    @property
    def confirmed(self):
        return self.confirmed_at is not None
