"""Orders (คำสั่ง) that appoint an office's web officers, one or more per work group, and the
committee that oversees them.

The สพป.ชุมพร เขต 1 measures of 2565 rest on such an order: คำสั่งที่ 62/2565 of 21 เมษายน 2565 (replacing
116/2562) names a board of advisers (the director as chair, the deputies, the head of the ICT group
as secretary, the PR officer as assistant secretary) and one web officer in each of the ten work
groups, with their duties. Who keeps a group's pages current is therefore a matter of record: the
order's number and date, in force from a day until it ends or a later order replaces it.
``AppointmentOrder.objects.in_force(site, day)`` is the one rule of "in force"; the report of groups
without an officer (``reports.appointments``) and the printed order (``print/appointment_order``)
read it.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from simple_history.models import HistoricalRecords
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Orderable

from wagtail_disclosure.forms.dates import use_be_dates
from wagtail_disclosure.models.organisation import Person, WorkGroup

DEFAULT_SUBJECT = "แต่งตั้งเจ้าหน้าที่ดูแลเว็บไซต์ประจำกลุ่ม"
DEFAULT_OFFICER_DUTIES = (
    "มีหน้าที่ ปรับปรุงข้อมูล เผยแพร่ข่าวสาร และกิจกรรมต่าง ๆ ของกลุ่ม ลงในเว็บไซต์ให้เป็นปัจจุบันอยู่เสมอ "
    "และรายงานผลการดำเนินงานปรับปรุงข้อมูลของกลุ่ม"
)
DEFAULT_COMMITTEE_DUTIES = (
    "มีหน้าที่ ควบคุม กำกับ ดูแล ให้คำแนะนำ ปรึกษา การดำเนินการพัฒนาระบบข้อมูลเว็บไซต์ของสำนักงาน "
    "ตลอดจนช่วยแก้ไขปัญหาต่าง ๆ ที่อาจเกิดขึ้น"
)


class AppointmentOrderQuerySet(models.QuerySet):
    def in_force(self, site, day=None):
        """The orders of ``site`` in force on ``day`` (today): in effect from their date until
        their end date, if any, and not replaced by a later order already in effect."""
        day = day or timezone.localdate()
        started = Q(effective_from__lte=day) & (
            Q(effective_until__isnull=True) | Q(effective_until__gte=day)
        )
        replaced = Q(
            replaced_by__in=AppointmentOrder.objects.filter(site=site, effective_from__lte=day)
        )
        return self.filter(site=site).filter(started).exclude(replaced)


class AppointmentOrderForm(WagtailAdminModelForm):
    """Dates in Buddhist Era; every group and person named belongs to the order's office."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        use_be_dates(self, ["date", "effective_from", "effective_until"])

    def clean(self):
        cleaned = super().clean()
        site = cleaned.get("site") or getattr(self.instance, "site", None)
        formset = self.formsets.get("appointments")
        if site is None or formset is None:
            return cleaned
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            for name in ("work_group", "person"):
                value = data.get(name)
                if value is not None and value.site_id != site.pk:
                    form.add_error(name, _("This belongs to another office."))
        return cleaned


class AppointmentOrder(ClusterableModel):
    """One order of the office: its number and date, what it appoints, from when."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("site"), on_delete=models.CASCADE, related_name="+"
    )
    number = models.CharField(
        _("order number"), max_length=50, help_text=_("As printed after “ที่”, e.g. 62/2565.")
    )
    date = models.DateField(_("date of the order"), help_text=_("The day it was signed."))
    subject = models.CharField(_("subject"), max_length=500, default=DEFAULT_SUBJECT)
    preamble = models.TextField(
        _("preamble"), blank=True, help_text=_("Why the office makes the appointment.")
    )
    committee_duties = models.TextField(
        _("duties of the committee"), blank=True, default=DEFAULT_COMMITTEE_DUTIES
    )
    officer_duties = models.TextField(
        _("duties of the web officers"), blank=True, default=DEFAULT_OFFICER_DUTIES
    )
    effective_from = models.DateField(
        _("in force from"), help_text=_("Usually the date of the order (“ตั้งแต่บัดนี้เป็นต้นไป”).")
    )
    effective_until = models.DateField(_("in force until"), null=True, blank=True)
    replaces = models.ForeignKey(
        "self",
        verbose_name=_("replaces order"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaced_by",
    )
    signed_by = models.CharField(_("signed by"), max_length=255, blank=True)
    signer_position = models.CharField(_("position of the signer"), max_length=255, blank=True)

    history = HistoricalRecords()
    objects = AppointmentOrderQuerySet.as_manager()
    base_form_class = AppointmentOrderForm

    class Meta:
        verbose_name = _("appointment order")
        verbose_name_plural = _("appointment orders")
        ordering = ["site", "-date", "-pk"]

    def __str__(self):
        return _("Order %(number)s: %(subject)s") % {"number": self.number, "subject": self.subject}

    def clean(self):
        super().clean()
        if (
            self.effective_until
            and self.effective_from
            and self.effective_until < self.effective_from
        ):
            raise ValidationError(
                {"effective_until": _("The end comes before the day the order takes effect.")}
            )
        if self.replaces_id and (
            self.replaces_id == self.pk or self.replaces.site_id != self.site_id
        ):
            raise ValidationError(
                {"replaces": _("An order can replace only another order of the same office.")}
            )


class Appointment(Orderable):
    """One person appointed by an order: a committee role, or web officer of a work group."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair of the committee")
        VICE_CHAIR = "vice_chair", _("Vice-chair of the committee")
        MEMBER = "member", _("Committee member")
        SECRETARY = "secretary", _("Committee member and secretary")
        ASSISTANT_SECRETARY = "assistant_secretary", _("Committee member and assistant secretary")
        WEB_OFFICER = "web_officer", _("Web officer of the work group")

    COMMITTEE = (
        Role.CHAIR,
        Role.VICE_CHAIR,
        Role.MEMBER,
        Role.SECRETARY,
        Role.ASSISTANT_SECRETARY,
    )

    order = ParentalKey(
        AppointmentOrder,
        verbose_name=_("order"),
        on_delete=models.CASCADE,
        related_name="appointments",
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    work_group = models.ForeignKey(
        WorkGroup,
        verbose_name=_("work group"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appointments",
        help_text=_("Required for a web officer."),
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appointments",
        help_text=_("Their record among the office's people, if they have one."),
    )
    full_name = models.CharField(_("full name as printed"), max_length=255, blank=True)
    position = models.CharField(_("position as printed"), max_length=255, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"

    @property
    def name(self):
        return self.full_name or (self.person.full_name if self.person_id else "")

    @property
    def shown_position(self):
        return self.position or (self.person.position if self.person_id else "")

    @property
    def is_committee(self):
        return self.role in self.COMMITTEE

    def clean(self):
        super().clean()
        if self.role == self.Role.WEB_OFFICER and not self.work_group_id:
            raise ValidationError({"work_group": _("Name the work group of the web officer.")})
        if not self.full_name and not self.person_id:
            raise ValidationError(
                {"full_name": _("Give the name as printed, or choose the person.")}
            )
