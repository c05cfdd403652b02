"""Records of the request-memo approval chain: the office's chain, delegations, memos, decisions,
emergency publications.

Wagtail's own ``WorkflowState``/``TaskState`` say *that* a task was approved; these records say what
the office's paperwork says: which chain the office set itself, the memo, who decided, acting as
whom, on whose behalf, under which order.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class DelegationQuerySet(models.QuerySet):
    def in_force(self, on=None):
        """Delegations valid on date ``on`` (today by default)."""
        on = on or timezone.localdate()
        return self.filter(active=True, valid_from__lte=on, valid_until__gte=on)


class Delegation(models.Model):
    """An order (คำสั่ง) by which a deputy acts on the director's behalf (ปฏิบัติราชการแทน) for a period."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("site"), on_delete=models.CASCADE, related_name="+"
    )
    delegator = models.ForeignKey(
        "wagtail_disclosure.Person",
        verbose_name=_("on behalf of (director)"),
        on_delete=models.CASCADE,
        related_name="delegations_given",
    )
    delegate = models.ForeignKey(
        "wagtail_disclosure.Person",
        verbose_name=_("acting (deputy)"),
        on_delete=models.CASCADE,
        related_name="delegations_received",
    )
    order_number = models.CharField(
        _("order number"), max_length=100, help_text=_("e.g. คำสั่ง สพป.ตัวอย่าง เขต ๑ ที่ ๑๒๓/๒๕๖๖")
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))
    scope = models.CharField(_("scope"), max_length=255, blank=True)
    active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()
    objects = DelegationQuerySet.as_manager()

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["-valid_from"]

    def __str__(self):
        return f"{self.delegate} → {self.delegator} ({self.order_number})"

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError(
                {"valid_until": _("The end date must not be before the start date.")}
            )
        if self.delegator_id and self.delegate_id and self.delegator_id == self.delegate_id:
            raise ValidationError({"delegate": _("Nobody can act on their own behalf.")})

    def covers(self, on=None):
        on = on or timezone.localdate()
        return self.active and self.valid_from <= on <= self.valid_until


class RequestMemo(models.Model):
    """The request memo (บันทึกข้อความ ขออนุญาตเผยแพร่) filed for one revision of a page."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="disclosure_memos",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    workflow_state = models.ForeignKey(
        "wagtailcore.WorkflowState",
        verbose_name=_("workflow"),
        on_delete=models.CASCADE,
        related_name="disclosure_memos",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    work_unit = models.CharField(_("government unit (ส่วนราชการ)"), max_length=255)
    number = models.CharField(_("number (ที่)"), max_length=100)
    date = models.DateField(_("date"), default=timezone.localdate)
    subject = models.CharField(_("subject (เรื่อง)"), max_length=500)
    addressee = models.CharField(_("to (เรียน)"), max_length=255)
    body = models.TextField(_("purpose"), blank=True)
    attachments = models.TextField(_("attachments"), blank=True, help_text=_("One per line."))
    certified = models.BooleanField(
        _("certified"),
        default=False,
        help_text=_(
            "The author certifies the content was checked against the Official Information Act "
            "B.E. 2540 and the office's measures."
        ),
    )
    created_at = models.DateTimeField(_("filed at"), auto_now_add=True)
    pdf = models.FileField(_("memo PDF"), upload_to="disclosure/memos/%Y/", blank=True)

    class Meta:
        verbose_name = _("request memo")
        verbose_name_plural = _("request memos")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.number} {self.subject}"

    @property
    def attachment_list(self):
        return [line.strip() for line in self.attachments.splitlines() if line.strip()]


class ApprovalChain(models.Model):
    """The steps an office's publication requests go through, and who takes each, as the office's
    own announcement sets them (the five announcements differ: ``approval/presets.yaml``).

    The order is the offices' own: the author's step, the group director, the deputy director,
    the director's order, then the publisher; a chain leaves out what its announcement does not
    have. Like an override of the catalogue's approval flags, a chain is policy: it is proposed
    with its reason and is in force once the office's director (or a holder of
    ``confirm_approvalchain``) other than the proposer confirms it. The newest confirmed chain of
    a site is in force (``approval.chains``); the older ones stay as the record of which chain
    a request filed at a given time had to pass.
    """

    class FirstStep(models.TextChoices):
        MEMO = "memo", _("The author files a request memo")
        VERIFICATION = "verification", _("The author verifies the content and asks for approval")

    class Publication(models.TextChoices):
        NONE = "", _("No publication step: the chain publishes when the director orders it")
        PUBLISHER = "publisher", _("The publisher (ICT group) puts it online")
        GROUP_OFFICER = "group_officer", _("A web officer of the page's work group puts it online")
        EITHER = (
            "either",
            _("A web officer of the page's work group or the publisher puts it online"),
        )

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        related_name="disclosure_chains",
    )
    preset = models.CharField(_("preset"), max_length=50, blank=True)
    first_step = models.CharField(
        _("first step"), max_length=20, choices=FirstStep.choices, default=FirstStep.MEMO
    )
    group_review = models.BooleanField(
        _("the group director reviews"),
        default=True,
        help_text=_(
            "The director of the page's work group allows it, or returns it with a reason."
        ),
    )
    deputy_endorsement = models.BooleanField(
        _("a deputy director endorses"),
        default=False,
        help_text=_(
            "A deputy director who oversees the page's work group proposes it to the director "
            "(เรียน เสนอ ผอ.), or returns it with a reason."
        ),
    )
    on_behalf = models.BooleanField(
        _("a deputy may order on the director's behalf"),
        default=True,
        help_text=_(
            "Under a delegation order in force (ปฏิบัติราชการแทน). Untick it when only the "
            "director in person orders publication."
        ),
    )
    publication = models.CharField(
        _("publication step"),
        max_length=20,
        choices=Publication.choices,
        default=Publication.NONE,
        blank=True,
    )
    reason = models.TextField(
        _("reason"),
        help_text=_("e.g. the office's announcement, with its date, that sets this chain"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("proposed at"), default=timezone.now)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("in force from"), null=True, blank=True)
    workflow = models.ForeignKey(
        "wagtailcore.Workflow",
        verbose_name=_("workflow"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("approval chain")
        verbose_name_plural = _("approval chains")
        ordering = ["site", "-requested_at", "-pk"]
        permissions = [("confirm_approvalchain", _("Can confirm an office's approval chain"))]

    def __str__(self):
        return self.preset or str(_("custom chain"))

    @property
    def confirmed(self):
        return self.confirmed_at is not None

    def settings(self):
        """What the chain is, without who proposed it: two chains with equal settings are one."""
        return (
            self.first_step,
            self.group_review,
            self.deputy_endorsement,
            self.on_behalf,
            self.publication,
        )


class ApprovalDecision(models.Model):
    """One step of the approval as the office records it: who, acting as whom, when, decision, reason."""

    class Step(models.TextChoices):
        MEMO = "memo", _("Request memo")
        VERIFICATION = "verification", _("Author's verification")
        GROUP_REVIEW = "group_review", _("Group director review")
        DEPUTY_ENDORSEMENT = "deputy_endorsement", _("Deputy director's endorsement")
        DIRECTOR_ORDER = "director_order", _("Director's order")
        PUBLICATION = "publication", _("Publication")
        EMERGENCY = "emergency", _("Emergency publication")
        EMERGENCY_REVIEW = "emergency_review", _("Review of an emergency publication")

    class Decision(models.TextChoices):
        FILED = "filed", _("Filed")
        ALLOWED = "allowed", _("Allowed")
        REFUSED = "refused", _("Not allowed")
        BLOCKED = "blocked", _("Stopped by the compliance checks")
        PUBLISHED = "published", _("Published")

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="disclosure_decisions",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    workflow_state = models.ForeignKey(
        "wagtailcore.WorkflowState",
        verbose_name=_("workflow"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="disclosure_decisions",
    )
    task_state = models.ForeignKey(
        "wagtailcore.TaskState",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    step = models.CharField(_("step"), max_length=30, choices=Step.choices)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    reason = models.TextField(_("reason or opinion"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    acting_as = models.ForeignKey(
        "wagtail_disclosure.Person",
        verbose_name=_("acting as"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    on_behalf_of = models.ForeignKey(
        "wagtail_disclosure.Person",
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    delegation = models.ForeignKey(
        Delegation,
        verbose_name=_("delegation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    created_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("approval decision")
        verbose_name_plural = _("approval decisions")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_step_display()}: {self.get_decision_display()}"


class EmergencyPublication(models.Model):
    """A page put online before its chain finished, by a configured role, to be reviewed afterwards."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="disclosure_emergencies",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(_("published at"), auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_confirmed = models.BooleanField(_("confirmed"), null=True, blank=True)
    review_reason = models.TextField(_("review reason"), blank=True)

    class Meta:
        verbose_name = _("emergency publication")
        verbose_name_plural = _("emergency publications")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.page} ({self.created_at:%Y-%m-%d})"

    @property
    def pending_review(self):
        return self.reviewed_at is None
