"""The content page types, one per family of disclosure category, all ``DisclosurePage``s.

They sit under an indicator page (``pages.IndicatorPage``) and answer its catalogue item.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page
from wagtail.search import index

from wagtail_disclosure.fields import (
    SanitisedRichTextField as RichTextField,  # every save goes through bleach
)
from wagtail_disclosure.models.catalogue import PageKind
from wagtail_disclosure.models.media import TEXT
from wagtail_disclosure.models.pages import DisclosurePage, DisclosurePageForm
from wagtail_disclosure.thai.dates import thai_month_name


class DocumentPage(DisclosurePage):
    """A document or announcement: the text, its attachments, its number and date."""

    page_kind = PageKind.DOCUMENT

    number = models.CharField(_("number (ที่)"), max_length=100, blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = (
        Page.content_panels
        + [FieldPanel("summary"), FieldPanel("number"), FieldPanel("body")]
        + [InlinePanel("attachments", heading=_("Attachments"), label=_("attachment"))]
        + DisclosurePage.disclosure_panels
        + DisclosurePage.sources_panels
    )
    parent_page_types = ["wagtail_disclosure.IndicatorPage"]
    subpage_types = []
    search_fields = DisclosurePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("number"),
        index.AutocompleteField("number"),
        # The text of attached PDF/DOCX files, extracted by the search.jobs background job.
        index.RelatedFields(
            "attachments",
            [
                index.SearchField("title"),
                index.RelatedFields(
                    "document",
                    [
                        index.SearchField("title"),
                        index.RelatedFields(TEXT, [index.SearchField("text")]),
                    ],
                ),
            ],
        ),
    ]

    template = "wagtail_disclosure/pages/document_page.html"

    class Meta:
        verbose_name = _("document or announcement")
        verbose_name_plural = _("documents and announcements")


class DocumentAttachment(Orderable):
    page = ParentalKey(DocumentPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField(
        _("title"), max_length=255, blank=True, help_text=_("Defaults to the document's title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    @property
    def display_title(self):
        return self.title or self.document.title


class ExecutiveProfilesPage(DisclosurePage):
    """The office's executives (O2): names, positions, photos, contacts."""

    page_kind = PageKind.EXECUTIVES

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("intro"),
            InlinePanel("executives", heading=_("Executives"), label=_("executive")),
        ]
        + DisclosurePage.disclosure_panels
        + DisclosurePage.sources_panels
    )
    parent_page_types = ["wagtail_disclosure.IndicatorPage"]
    subpage_types = []
    search_fields = DisclosurePage.search_fields + [
        index.SearchField("intro"),
        index.RelatedFields(
            "executives", [index.SearchField("name"), index.SearchField("position")]
        ),
    ]

    template = "wagtail_disclosure/pages/executive_profiles_page.html"

    class Meta:
        verbose_name = _("executive profiles")
        verbose_name_plural = _("executive profiles")


class ExecutiveProfile(Orderable):
    page = ParentalKey(ExecutiveProfilesPage, on_delete=models.CASCADE, related_name="executives")
    name = models.CharField(_("name"), max_length=255)
    position = models.CharField(_("position"), max_length=255)
    photo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("photo"),
        FieldPanel("phone"),
        FieldPanel("email"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("executive")
        verbose_name_plural = _("executives")

    def __str__(self):
        return f"{self.name}, {self.position}"


class ContactPage(DisclosurePage):
    """How to reach the office (O5)."""

    page_kind = PageKind.CONTACT

    address = models.TextField(_("address"))
    phone = models.CharField(_("phone"), max_length=100, blank=True)
    fax = models.CharField(_("fax"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    map_url = models.URLField(_("map link"), blank=True, max_length=1000)
    office_hours = models.CharField(_("office hours"), max_length=255, blank=True)

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("address"),
            FieldRowPanel([FieldPanel("phone"), FieldPanel("fax")]),
            FieldPanel("email"),
            FieldPanel("map_url"),
            FieldPanel("office_hours"),
        ]
        + DisclosurePage.disclosure_panels
    )
    parent_page_types = ["wagtail_disclosure.IndicatorPage"]
    subpage_types = []
    search_fields = DisclosurePage.search_fields + [
        index.SearchField("address"),
        index.SearchField("phone"),
        index.SearchField("email"),
        index.SearchField("office_hours"),
    ]

    template = "wagtail_disclosure/pages/contact_page.html"

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")


class ProcurementSummaryForm(DisclosurePageForm):
    """A month has rows, or says explicitly that there was no procurement; never both, never neither."""

    def clean(self):
        cleaned = super().clean()
        rows = self.formsets.get("rows")
        live_rows = 0
        # The page form is cleaned before its formsets: clean each row form first, so that
        # its DELETE box can be read (the formset reports the rows' own errors later).
        for i, form in enumerate(rows.forms if rows is not None else []):
            form.is_valid()
            if rows.can_delete and rows._should_delete_form(form):
                continue
            if i < rows.initial_form_count() or form.has_changed():
                live_rows += 1
        if cleaned.get("no_procurement") and live_rows:
            self.add_error(
                "no_procurement", _("Untick “no procurement” or remove the rows: not both.")
            )
        elif not cleaned.get("no_procurement") and not live_rows:
            self.add_error(
                "no_procurement",
                _(
                    "Add the month's procurement rows, or tick “no procurement this month” to say so explicitly."
                ),
            )
        return cleaned


class ProcurementSummaryPage(DisclosurePage):
    """Monthly procurement summary in the shape of แบบ สขร.๑ (O21).

    A month without procurement must say so explicitly rather than stay silent.
    """

    page_kind = PageKind.PROCUREMENT_SUMMARY

    month = models.PositiveSmallIntegerField(
        _("month"),
        choices=list(MONTHS.items()),
    )
    year = models.PositiveIntegerField(_("year (B.E.)"))
    no_procurement = models.BooleanField(_("no procurement this month"), default=False)
    note = models.TextField(_("note"), blank=True)

    content_panels = (
        Page.content_panels
        + [
            FieldRowPanel([FieldPanel("month"), FieldPanel("year")]),
            FieldPanel("no_procurement"),
            InlinePanel("rows", heading=_("Procurement (แบบ สขร.๑)"), label=_("row")),
            FieldPanel("note"),
        ]
        + DisclosurePage.disclosure_panels
        + DisclosurePage.sources_panels
    )
    parent_page_types = ["wagtail_disclosure.IndicatorPage"]
    subpage_types = []
    base_form_class = ProcurementSummaryForm
    search_fields = DisclosurePage.search_fields + [
        index.SearchField("note"),
        index.RelatedFields(
            "rows",
            [
                index.SearchField(name)
                for name in ("work", "method", "bidders", "selected", "reason", "contract")
            ],
        ),
    ]

    template = "wagtail_disclosure/pages/procurement_summary_page.html"

    class Meta:
        verbose_name = _("monthly procurement summary")
        verbose_name_plural = _("monthly procurement summaries")

    @classmethod
    def fiscal_year_from(cls, values):
        """October to December count in the next fiscal year: ตุลาคม ๒๕๖๖ is in FY ๒๕๖๗."""
        month, year = values.get("month"), values.get("year")
        if not month or not year:
            return super().fiscal_year_from(values)
        return int(year) + (1 if int(month) >= 10 else 0)

    def clean(self):
        if self.year and self.year < 2400:
            raise ValidationError({"year": _("Give the year in Buddhist Era (e.g. 2566).")})
        super().clean()

    @property
    def month_name(self):
        return thai_month_name(self.month)


class ProcurementRow(Orderable):
    """One line of แบบ สขร.๑."""

    page = ParentalKey(ProcurementSummaryPage, on_delete=models.CASCADE, related_name="rows")
    work = models.CharField(_("work procured"), max_length=500)
    budget = models.DecimalField(_("budget (baht)"), max_digits=14, decimal_places=2)
    reference_price = models.DecimalField(
        _("reference price (baht)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    method = models.CharField(_("procurement method"), max_length=255)
    bidders = models.TextField(_("bidders and prices offered"))
    selected = models.TextField(_("selected bidder and agreed price"))
    reason = models.TextField(_("reason for selection"))
    contract = models.CharField(_("contract or agreement number and date"), max_length=255)

    panels = [
        FieldPanel("work"),
        FieldRowPanel([FieldPanel("budget"), FieldPanel("reference_price")]),
        FieldPanel("method"),
        FieldPanel("bidders"),
        FieldPanel("selected"),
        FieldPanel("reason"),
        FieldPanel("contract"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("procurement row")
        verbose_name_plural = _("procurement rows")


class NewsPage(DisclosurePage):
    """News and activities (O7), with photos."""

    page_kind = PageKind.NEWS

    body = RichTextField(_("body"))

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("summary"),
            FieldPanel("body"),
            InlinePanel("photos", heading=_("Photos"), label=_("photo")),
        ]
        + DisclosurePage.disclosure_panels
        + DisclosurePage.sources_panels
    )
    parent_page_types = ["wagtail_disclosure.IndicatorPage"]
    subpage_types = []
    search_fields = DisclosurePage.search_fields + [
        index.SearchField("body"),
        index.RelatedFields("photos", [index.SearchField("caption")]),
    ]

    template = "wagtail_disclosure/pages/news_page.html"

    class Meta:
        verbose_name = _("news or activity")
        verbose_name_plural = _("news and activities")


class NewsPhoto(Orderable):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
