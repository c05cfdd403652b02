"""The disclosure catalogue: what an office must publish, as data.

An *edition* is one list (ITA 2566's O1–O43, or an office's own measures); it has *sections*, and
sections have *items*. Editions change every year, so they are loaded from files
(``load_disclosure_catalogue``), never written in code.
"""

from django.db import models
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

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("catalogue edition")
        verbose_name_plural = _("catalogue editions")
        ordering = ["-year", "slug"]

    def __str__(self):
        return self.name


class CatalogueSection(BilingualNameMixin):
    edition = models.ForeignKey(CatalogueEdition, on_delete=models.CASCADE, related_name="sections")
    code = models.CharField(_("code"), max_length=50)
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


class CatalogueItem(BilingualNameMixin):
    """One thing that must be published, e.g. ``O21`` the monthly procurement summary."""

    class Family(models.TextChoices):
        DOCUMENT = "document", _("Document or announcement")
        PROCUREMENT = "procurement", _("Procurement")
        EXECUTIVES = "executives", _("Executives")
        CONTACT = "contact", _("Contact")
        NEWS = "news", _("News and activities")
        INTERACTIVE = "interactive", _("Interactive channel")

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
    update_months = models.PositiveSmallIntegerField(
        _("expected update every (months)"), null=True, blank=True
    )
    evidence = models.TextField(_("evidence expected"), blank=True)
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
