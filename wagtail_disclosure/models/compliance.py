"""What the compliance checks found, who overrode a warning and why, and each office's rule settings."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from wagtail_disclosure.compliance.registry import rule_choices
from wagtail_disclosure.thai.dates import format_admin_date


class Severity(models.TextChoices):
    BLOCK = "block", _("Blocks submission, approval and publication")
    WARN = "warn", _("Warning for a human to judge")


class ComplianceRun(models.Model):
    """One run of the checks at submission, an approval step or publication: the audit record."""

    class Stage(models.TextChoices):
        SAVE = "save", _("Save")
        SUBMIT = "submit", _("Submission")
        APPROVE = "approve", _("Approval")
        PUBLISH = "publish", _("Publication")

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    task_state = models.ForeignKey(
        "wagtailcore.TaskState",
        verbose_name=_("workflow step"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("run at"), auto_now_add=True)
    passed = models.BooleanField(_("passed"), help_text=_("No blocking problem was found."))
    results = models.JSONField(_("results"), default=list, blank=True)
    overrides = models.JSONField(
        _("warnings overridden"), default=list, blank=True, help_text=_("Overrides in force.")
    )

    class Meta:
        verbose_name = _("check run")
        verbose_name_plural = _("check runs")
        ordering = ["-created_at", "-pk"]
        permissions = [
            ("override_check_warning", "Can override a compliance warning, with a reason"),
        ]

    def __str__(self):
        return f"{self.get_stage_display()} #{self.page_id} {format_admin_date(self.created_at)}"


class ComplianceOverride(models.Model):
    """A reviewer's decision that a warning does not stop this page, and the reason for it.

    Keyed by the finding (rule code and a fingerprint of what was found), so it holds for later
    revisions as long as the same finding is there, and lapses when the content changes.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    code = models.CharField(_("rule"), max_length=50)
    key = models.CharField(_("finding"), max_length=64)
    summary = models.CharField(_("what was found"), max_length=500, blank=True)
    reason = models.TextField(_("reason"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("overridden by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("overridden at"), auto_now_add=True)

    class Meta:
        verbose_name = _("check override")
        verbose_name_plural = _("check overrides")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "code", "key"], name="disclosure_check_override_unique"
            )
        ]

    def __str__(self):
        return f"{self.code} #{self.page_id}"


@register_setting(icon="warning")
class ComplianceSettings(ClusterableModel, BaseSiteSetting):
    """The office's own choices: rules switched off or set to another severity, and its word list."""

    extra_words = models.TextField(
        _("words to flag"),
        blank=True,
        help_text=_("One word or phrase a line, added to the built-in profanity list."),
    )
    ignored_words = models.TextField(
        _("words never to flag"),
        blank=True,
        help_text=_("One a line: words of the built-in list this office uses innocently."),
    )

    panels = [
        InlinePanel("rules", heading=_("Rule settings"), label=_("rule")),
        FieldRowPanel([FieldPanel("extra_words"), FieldPanel("ignored_words")]),
    ]

    class Meta:
        verbose_name = _("compliance checks")

    @staticmethod
    def word_list(text):
        return [w.strip() for w in (text or "").splitlines() if w.strip()]


class ComplianceRuleSetting(Orderable):
    settings = ParentalKey(ComplianceSettings, on_delete=models.CASCADE, related_name="rules")
    code = models.CharField(_("rule"), max_length=50, choices=rule_choices)
    enabled = models.BooleanField(_("enabled"), default=True)
    severity = models.CharField(
        _("severity"),
        max_length=10,
        choices=Severity.choices,
        blank=True,
        help_text=_("Leave empty for the rule's default."),
    )

    panels = [FieldRowPanel([FieldPanel("code"), FieldPanel("enabled"), FieldPanel("severity")])]

    class Meta(Orderable.Meta):
        verbose_name = _("rule setting")
        verbose_name_plural = _("rule settings")
