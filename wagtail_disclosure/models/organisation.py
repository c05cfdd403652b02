"""The office behind a site: its profile, its work groups and its people.

Everything hangs off a Wagtail ``Site``, so one install can host several offices.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from wagtail_disclosure import conf

# The ten work groups an Educational Service Area Office typically has (DOMAIN.md).
DEFAULT_WORK_GROUPS = [
    ("admin", "กลุ่มอำนวยการ", "Administration"),
    ("policy", "กลุ่มนโยบายและแผน", "Policy and Planning"),
    ("finance", "กลุ่มบริหารงานการเงินและสินทรัพย์", "Finance and Assets"),
    ("personnel", "กลุ่มบริหารงานบุคคล", "Personnel"),
    ("promotion", "กลุ่มส่งเสริมการจัดการศึกษา", "Education Promotion"),
    ("development", "กลุ่มพัฒนาครูและบุคลากรทางการศึกษา", "Teacher and Staff Development"),
    ("legal", "กลุ่มกฎหมายและคดี", "Legal Affairs"),
    (
        "ict",
        "กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร",
        "Distance Education and ICT",
    ),
    ("supervision", "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา", "Supervision and Evaluation"),
    ("audit", "หน่วยตรวจสอบภายใน", "Internal Audit"),
]


@register_setting(icon="site")
class OfficeProfile(BaseSiteSetting):
    """Who the office is, per Wagtail Site."""

    name = models.CharField(_("office name"), max_length=255, blank=True)
    short_name = models.CharField(
        _("short name"), max_length=100, blank=True, help_text=_("e.g. สพป.ชุมพร เขต ๑")
    )
    parent_agency = models.CharField(
        _("parent agency"), max_length=255, blank=True, default="สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน"
    )
    website = models.URLField(_("website"), blank=True)
    active_edition = models.ForeignKey(
        "wagtail_disclosure.CatalogueEdition",
        verbose_name=_("active catalogue edition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    use_thai_digits = models.BooleanField(_("use Thai digits"), default=False)
    # The office's part of the image and document library (``models.offices``): made by
    # ``disclosure_setup_office``, never chosen in the profile's form (pointing it at another
    # office's collection would hand that office's media over).
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("collection of images and documents"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = HistoricalRecords()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("short_name"),
                FieldPanel("parent_agency"),
                FieldPanel("website"),
            ],
            heading=_("Office"),
        ),
        FieldPanel("active_edition"),
        FieldPanel("use_thai_digits"),
    ]

    class Meta:
        verbose_name = _("office profile")
        verbose_name_plural = _("office profiles")

    def __str__(self):
        return self.short_name or self.name or str(self.site)

    @classmethod
    def wants_thai_digits(cls, site, request=None):
        """The office's choice of digits for ``site``: its profile's box, or the install default.

        The box can only switch Thai digits on: an install that defaults to Thai digits
        (``THAI_DIGITS``) keeps them for every office.
        """
        if site is None:
            return conf.get("THAI_DIGITS")
        profile = cls.for_site_in_request(site, request)
        return bool(profile.use_thai_digits or conf.get("THAI_DIGITS"))

    @classmethod
    def for_site_in_request(cls, site, request=None):
        """The profile of ``site``; read once per request when ``site`` is the request's own
        (Wagtail's ``for_request`` keeps it on the request: the middleware and the screen share it).
        """
        if request is not None:
            host = Site.find_for_request(request)
            if host is not None and site is not None and host.pk == site.pk:
                return cls.for_request(request)
        return cls.for_site(site)


class WorkGroup(models.Model):
    """A work group (กลุ่มงาน) of an office; owns content and has its own directors."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        related_name="work_groups",
    )
    code = models.SlugField(_("code"), max_length=50)
    name_th = models.CharField(_("name (Thai)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("work group")
        verbose_name_plural = _("work groups")
        ordering = ["site", "sort_order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "code"], name="disclosure_workgroup_code_unique"
            )
        ]

    def __str__(self):
        from django.utils.translation import get_language

        if (get_language() or "th").startswith("en") and self.name_en:
            return self.name_en
        return self.name_th

    @classmethod
    def create_defaults(cls, site):
        """Create the ten typical groups for ``site``; existing ones are left as they are."""
        for order, (code, name_th, name_en) in enumerate(DEFAULT_WORK_GROUPS):
            cls.objects.get_or_create(
                site=site,
                code=code,
                defaults={"name_th": name_th, "name_en": name_en, "sort_order": order},
            )


class Person(models.Model):
    """Someone of the office, with a position and the roles they play in disclosure."""

    class Role(models.TextChoices):
        AUTHOR = "author", _("Group web officer (author)")
        GROUP_DIRECTOR = "group_director", _("Group director")
        DEPUTY = "deputy", _("Deputy director")
        DIRECTOR = "director", _("Director of the office")
        PUBLISHER = "publisher", _("Publisher (ICT group)")
        PR = "pr", _("Public relations unit")
        SUPERVISOR = "supervisor", _("Adviser or supervisor")
        INTEGRITY = "integrity", _("Integrity group")

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        related_name="disclosure_people",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="disclosure_people",
    )
    full_name = models.CharField(_("full name"), max_length=255)
    position = models.CharField(_("position"), max_length=255, blank=True)
    work_group = models.ForeignKey(
        WorkGroup,
        verbose_name=_("work group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    oversees = models.ManyToManyField(
        WorkGroup,
        verbose_name=_("work groups overseen"),
        blank=True,
        related_name="overseen_by",
        help_text=_(
            "For a deputy director: the work groups in their line (สายงาน). Where the approval "
            "chain has a deputy's endorsement, it goes to the deputy who oversees the page's group."
        ),
    )
    active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["site", "work_group__sort_order", "full_name"]

    def __str__(self):
        return f"{self.full_name} ({self.position})" if self.position else self.full_name


class Agency(models.Model):
    """A level above the offices that monitors them: the supervising agency (สพฐ.), a province or
    a region, with the named set of offices it supervises and the people who look on its behalf.

    The announcement of the supervising agency asks supervisors at every level to monitor their
    offices' disclosure; members see the readiness of these offices side by side
    (``views.reports.agency``) and never an office's submissions, personal data or drafts.
    """

    class Level(models.TextChoices):
        AGENCY = "agency", _("Supervising agency")
        REGION = "region", _("Region")
        PROVINCE = "province", _("Province")

    name = models.CharField(_("name"), max_length=255)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    offices = models.ManyToManyField(
        "wagtailcore.Site", verbose_name=_("offices"), related_name="disclosure_agencies"
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("members"),
        blank=True,
        related_name="disclosure_agencies",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("level"),
        FieldPanel("offices", widget=forms.CheckboxSelectMultiple),
        FieldPanel("members"),
    ]

    class Meta:
        verbose_name = _("supervising agency")
        verbose_name_plural = _("supervising agencies")
        ordering = ["level", "name"]

    def __str__(self):
        return self.name
