"""Follow-up records the office keeps by hand: other channels, tracking forms, the calendar.

The website counts itself (its pages); what went out on Facebook, LINE groups, newsletters,
newspapers, radio and TV only the PR unit knows, so it logs it here. Tracking forms
(แบบติดตามผลการดำเนินงาน) and the operating calendar are the office's own statements, so their
history is kept.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wagtail_disclosure.thai.dates import fiscal_year, thai_month_name


class Channel(models.TextChoices):
    """Where an item was published (the สพป.ชุมพร เขต 1 announcement of 2565 counts results per channel)."""

    WEBSITE = "website", _("Website")
    FACEBOOK = "facebook", _("Facebook")
    LINE = "line", _("LINE groups")
    NEWSLETTER = "newsletter", _("Newsletter")
    NEWSPAPER = "newspaper", _("Newspaper")
    RADIO = "radio", _("Radio")
    TV = "tv", _("Television")


# Channels the PR unit logs by hand; the website is counted from its pages.
LOGGED_CHANNELS = [c for c in Channel if c != Channel.WEBSITE]

FISCAL_MONTHS = (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)


class DisclosureReports(models.Model):
    """No table: holds the permission to see the disclosure reports (``view_reports``)."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_reports", _("Can view disclosure reports"))]
        verbose_name = _("disclosure reports")


class ChannelLog(models.Model):
    """Items published on a channel other than the website, as the PR unit records them.

    One row may stand for one post or for a count over a period (สพป.ชุมพร เขต 1, 2565: "facebook 198 ข่าว").
    """

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("site"), on_delete=models.CASCADE, related_name="+"
    )
    channel = models.CharField(
        _("channel"), max_length=20, choices=[(c.value, c.label) for c in LOGGED_CHANNELS]
    )
    outlet = models.CharField(
        _("outlet"),
        max_length=255,
        blank=True,
        help_text=_("Which LINE group, newspaper or station, e.g. “กลุ่มไลน์ประชาสัมพันธ์”."),
    )
    date = models.DateField(_("date published"))
    quantity = models.PositiveIntegerField(
        _("number of items"), default=1, validators=[MinValueValidator(1)]
    )
    title = models.CharField(_("title"), max_length=500, blank=True)
    work_group = models.ForeignKey(
        "wagtail_disclosure.WorkGroup",
        verbose_name=_("work group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    catalogue_item = models.ForeignKey(
        "wagtail_disclosure.CatalogueItem",
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page on the website"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    url = models.URLField(_("link"), blank=True, max_length=1000)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("channel log entry")
        verbose_name_plural = _("channel log")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.get_channel_display()} {self.date:%Y-%m-%d} ×{self.quantity}"


class TrackingForm(models.Model):
    """แบบติดตามผลการดำเนินงาน: one per work group and round of a fiscal year (สพม.พะเยา, 1 เม.ย. 2565; สพป.ชุมพร เขต 1, 2565)."""

    class Round(models.IntegerChoices):
        FIRST = 1, _("Round 1 (October – March)")
        SECOND = 2, _("Round 2 (April – September)")

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("site"), on_delete=models.CASCADE, related_name="+"
    )
    work_group = models.ForeignKey(
        "wagtail_disclosure.WorkGroup",
        verbose_name=_("work group"),
        on_delete=models.CASCADE,
        related_name="tracking_forms",
    )
    fiscal_year = models.PositiveIntegerField(_("fiscal year (B.E.)"), default=fiscal_year)
    round = models.PositiveSmallIntegerField(_("round"), choices=Round.choices)
    responsible_people = models.TextField(
        _("responsible people"), blank=True, help_text=_("One per line: name and position.")
    )
    results = models.TextField(_("results"), blank=True)
    improvements = models.TextField(_("improvements from the evaluation"), blank=True)
    help_wanted = models.TextField(_("help wanted from the office"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tracking form")
        verbose_name_plural = _("tracking forms")
        ordering = ["-fiscal_year", "round", "work_group__sort_order"]
        constraints = [
            models.UniqueConstraint(
                fields=["work_group", "fiscal_year", "round"],
                name="disclosure_trackingform_unique",
            )
        ]

    def __str__(self):
        return f"{self.work_group} {self.fiscal_year}/{self.round}"

    def clean(self):
        super().clean()
        if self.work_group_id and self.site_id and self.work_group.site_id != self.site_id:
            raise ValidationError({"work_group": _("This work group belongs to another site.")})

    @property
    def people(self):
        return [line.strip() for line in self.responsible_people.splitlines() if line.strip()]


class MonthsField(models.CharField):
    """Months of the fiscal year a task runs in, kept as "10,11,3" and edited as tick boxes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("max_length", None)
        kwargs.pop("blank", None)
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if isinstance(value, list):
            return value
        if not value:
            return []
        return [int(v) for v in str(value).split(",") if v.strip()]

    def get_prep_value(self, value):
        if isinstance(value, list | tuple):
            return ",".join(str(int(v)) for v in value)
        return value or ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        if not self.blank and not value:
            raise ValidationError(self.error_messages["blank"], code="blank")
        invalid = [m for m in value if m not in FISCAL_MONTHS]
        if invalid:
            raise ValidationError(_("Not a month: %(value)s") % {"value": invalid})

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=lambda: [(m, thai_month_name(m)) for m in FISCAL_MONTHS],
            coerce=int,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )


class CalendarEntry(models.Model):
    """A row of the operating calendar: a task and the months of the fiscal year it runs in."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("site"), on_delete=models.CASCADE, related_name="+"
    )
    fiscal_year = models.PositiveIntegerField(_("fiscal year (B.E.)"), default=fiscal_year)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    title = models.CharField(_("task"), max_length=500)
    months = MonthsField(_("months"))
    responsible = models.CharField(_("responsible"), max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("operating calendar task")
        verbose_name_plural = _("operating calendar")
        ordering = ["-fiscal_year", "sort_order", "pk"]

    def __str__(self):
        return self.title
