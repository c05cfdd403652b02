"""What the public sends through the office's website: questions (O8), corruption complaints (O28),
feedback (O30) and satisfaction survey answers (O17); and the office's online presence, the social
network and e-service links (O9, O18).

Each submission model names the fields a person fills in on the public form (``PUBLIC_FIELDS``) and
the fields that hold personal data (``PERSONAL_FIELDS``), so that the PDPA purge and the per-person
export (``submissions/privacy.py``) know exactly what to blank and report, and the field its
retention period counts from (``RETENTION_FROM``). Complaints carry no Django model permissions and
no history/search registration: who may see them is decided by
``submissions.permissions.can_see_complaints`` alone.
"""

import re
import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from wagtail_disclosure import conf
from wagtail_disclosure.thai.dates import fiscal_year
from wagtail_disclosure.thai.digits import to_arabic_digits

# A complaint's reference: its fiscal year and number ("2569-00012").
REFERENCE_FORMAT = "%d-%05d"
REFERENCE_SHAPE = re.compile(r"\d{4}\s*-\s*\d{5,}")

# --- O9 / O18: links shown on the hub -------------------------------------------------------


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(
        label=_("platform"),
        choices=[
            ("facebook", "Facebook"),
            ("line", "LINE"),
            ("youtube", "YouTube"),
            ("x", "X"),
            ("tiktok", "TikTok"),
            ("instagram", "Instagram"),
            ("other", _("Other")),
        ],
    )
    label = blocks.CharBlock(label=_("label"), max_length=120, required=False)
    url = blocks.URLBlock(label=_("URL"))

    class Meta:
        icon = "link"
        label = _("Social network link")


class EServiceBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"), max_length=200)
    url = blocks.URLBlock(label=_("URL"))
    description = blocks.CharBlock(label=_("description"), max_length=300, required=False)

    class Meta:
        icon = "link-external"
        label = _("E-service")


@register_setting(icon="link")
class OnlinePresence(BaseSiteSetting):
    """The office's social networks (O9) and online services (O18), listed on the hub."""

    social_links = StreamField(
        [("link", SocialLinkBlock())], blank=True, verbose_name=_("social network links (O9)")
    )
    e_services = StreamField(
        [("service", EServiceBlock())], blank=True, verbose_name=_("e-services (O18)")
    )

    panels = [FieldPanel("social_links"), FieldPanel("e_services")]

    class Meta:
        verbose_name = _("online presence")
        verbose_name_plural = _("online presence")


# --- Submissions ---------------------------------------------------------------------------


class Submission(models.Model):
    """What every public submission has: site, time of receipt, fiscal year, PDPA state."""

    FORM_NAME = ""
    PUBLIC_FIELDS = ()
    PERSONAL_FIELDS = ()
    RETENTION_FROM = "received_at"

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("site"), on_delete=models.CASCADE, related_name="+"
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    fiscal_year = models.PositiveIntegerField(_("fiscal year (B.E.)"), editable=False)
    anonymised_at = models.DateTimeField(
        _("personal data removed"), null=True, blank=True, editable=False
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.fiscal_year = fiscal_year(self.received_at)
        super().save(*args, **kwargs)

    def anonymise(self):
        """Blank every personal field (PDPA); the figures the office reports stay countable."""
        for name in self.PERSONAL_FIELDS:
            field = self._meta.get_field(name)
            setattr(self, name, None if field.null else "")
        self.anonymised_at = timezone.now()
        self.save()


class Question(Submission):
    """A question on the Q&A board (O8): answered by an officer, published after moderation."""

    FORM_NAME = "question"
    PUBLIC_FIELDS = ("subject", "body", "name", "email")
    PERSONAL_FIELDS = ("name", "email")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ANSWERED = "answered", _("Answered, waiting for moderation")
        PUBLISHED = "published", _("Published")
        REFUSED = "refused", _("Not published")

    page = models.ForeignKey(
        "wagtail_disclosure.QuestionBoardPage",
        verbose_name=_("Q&A board"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    tracking_hash = models.CharField(max_length=64, unique=True, editable=False)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("question"))
    name = models.CharField(_("name"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    refusal_reason = models.TextField(_("reason for not publishing"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-received_at"]
        permissions = [
            ("answer_question", _("Can answer questions on the Q&A board")),
            ("moderate_question", _("Can publish or refuse answered questions")),
        ]

    def __str__(self):
        return self.subject

    def set_answer(self, user, text):
        if self.status == self.Status.PUBLISHED:
            raise ValidationError(_("A published answer cannot be changed here."))
        self.answer = text
        self.answered_by = user
        self.answered_at = timezone.now()
        self.status = self.Status.ANSWERED
        self.refusal_reason = ""
        self.save()

    def publish(self, user):
        """Publish question and answer; the one who answered may not approve their own answer."""
        if self.status != self.Status.ANSWERED or not self.answer.strip():
            raise ValidationError(_("Only an answered question can be published."))
        if self.answered_by_id == user.pk:
            raise ValidationError(
                _("You wrote this answer: another moderator must approve it for publication.")
            )
        now = timezone.now()
        self.status = self.Status.PUBLISHED
        self.moderated_by, self.moderated_at, self.published_at = user, now, now
        self.save()

    def refuse(self, user, reason):
        if not (reason or "").strip():
            raise ValidationError(_("Give the reason for not publishing."))
        if self.status == self.Status.PUBLISHED:
            raise ValidationError(_("This question is already published."))
        self.status = self.Status.REFUSED
        self.refusal_reason = reason
        self.moderated_by, self.moderated_at = user, timezone.now()
        self.save()


def _private_root():
    root = conf.get("PRIVATE_MEDIA_ROOT")
    return Path(root) if root else Path(settings.MEDIA_ROOT).parent / "private-media"


class PrivateStorage(FileSystemStorage):
    """Files with no public URL, under PRIVATE_MEDIA_ROOT (read per call, so tests can move it)."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return _private_root()

    @property
    def location(self):
        return str(Path(self.base_location).resolve())

    def url(self, name):
        raise ValueError("Private files have no public URL.")

    def deconstruct(self):
        return ("wagtail_disclosure.models.submissions.PrivateStorage", (), {})


private_storage = PrivateStorage()


def _evidence_path(instance, filename):
    # The stored name says nothing about the complainant or the original file name.
    return f"complaint-evidence/{uuid.uuid4().hex}{Path(filename).suffix.lower()[:8]}"


class CorruptionComplaint(Submission):
    """A complaint about corruption by officials (O28), separate from general feedback.

    Only the integrity group sees it (``submissions.permissions``); the complainant follows its
    status with the tracking code they got on filing. Personal data is kept until the retention
    period after the complaint is concluded: an open investigation keeps what it needs.
    """

    FORM_NAME = "complaint"
    PUBLIC_FIELDS = (
        "complaint_type",
        "subject",
        "details",
        "accused",
        "incident_date",
        "incident_place",
        "anonymous",
        "complainant_name",
        "complainant_phone",
        "complainant_email",
    )
    PERSONAL_FIELDS = ("complainant_name", "complainant_phone", "complainant_email")
    RETENTION_FROM = "concluded_at"

    class Type(models.TextChoices):
        BRIBERY = "bribery", _("Bribery or demanding benefits")
        PROCUREMENT = "procurement", _("Procurement irregularities")
        ABUSE = "abuse", _("Abuse of position or power")
        FUNDS = "funds", _("Misuse of public money or property")
        CONFLICT = "conflict", _("Conflict of interest")
        OTHER = "other", _("Other misconduct")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        INVESTIGATING = "investigating", _("Under investigation")
        CONCLUDED = "concluded", _("Concluded")

    class Outcome(models.TextChoices):
        SUBSTANTIATED = "substantiated", _("Substantiated: action taken")
        UNSUBSTANTIATED = "unsubstantiated", _("Not substantiated")
        REFERRED = "referred", _("Referred to the competent agency")
        OUT_OF_REMIT = "out_of_remit", _("Outside the office's remit")

    page = models.ForeignKey(
        "wagtail_disclosure.CorruptionComplaintPage",
        verbose_name=_("complaint form"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="complaints",
    )
    reference = models.CharField(_("reference"), max_length=30, blank=True, editable=False)
    tracking_hash = models.CharField(max_length=64, unique=True, editable=False)
    complaint_type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    subject = models.CharField(_("subject"), max_length=200)
    details = models.TextField(_("details"))
    accused = models.CharField(_("person or unit complained about"), max_length=300, blank=True)
    incident_date = models.DateField(_("date of the incident"), null=True, blank=True)
    incident_place = models.CharField(_("place of the incident"), max_length=300, blank=True)
    anonymous = models.BooleanField(_("anonymous"), default=True)
    complainant_name = models.CharField(_("complainant's name"), max_length=150, blank=True)
    complainant_phone = models.CharField(_("complainant's phone"), max_length=30, blank=True)
    complainant_email = models.EmailField(_("complainant's e-mail"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    concluded_at = models.DateTimeField(_("concluded"), null=True, blank=True)

    class Meta:
        verbose_name = _("corruption complaint")
        verbose_name_plural = _("corruption complaints")
        ordering = ["-received_at"]
        default_permissions = ()  # no generic admin may offer them; see submissions.permissions

    def __str__(self):
        return self.reference or str(_("complaint"))

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if not self.reference:
            self.reference = REFERENCE_FORMAT % (self.fiscal_year, self.pk)
            type(self).objects.filter(pk=self.pk).update(reference=self.reference)

    @staticmethod
    def looks_like_reference(text):
        """Whether ``text`` has the shape of a reference ("2569-00012", Thai digits too).

        The reference is a running number for the office's own correspondence: it never opens a
        complaint in the public tracker (anyone could count through them), only the secret code does.
        """
        return bool(REFERENCE_SHAPE.fullmatch(to_arabic_digits((text or "").strip())))

    def anonymise(self):
        for evidence in self.evidence.all():
            evidence.file.delete(save=False)
        self.evidence.all().delete()
        self.anonymous = True
        super().anonymise()

    def change_status(self, user, status, outcome="", public_note="", internal_note=""):
        """Move the complaint on; the trail is kept in ``history`` for the complainant to follow."""
        if status == self.Status.CONCLUDED and not outcome:
            raise ValidationError({"outcome": _("Give the outcome when concluding a complaint.")})
        if status != self.Status.CONCLUDED:
            outcome = ""
        self.status, self.outcome = status, outcome
        self.concluded_at = timezone.now() if status == self.Status.CONCLUDED else None
        self.save()
        return self.history.create(
            status=status,
            outcome=outcome,
            public_note=public_note,
            internal_note=internal_note,
            changed_by=user,
        )


class ComplaintStatusChange(models.Model):
    """One step of a complaint's status history; ``public_note`` is what the complainant reads."""

    complaint = models.ForeignKey(
        CorruptionComplaint, on_delete=models.CASCADE, related_name="history"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CorruptionComplaint.Status.choices
    )
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=CorruptionComplaint.Outcome.choices, blank=True
    )
    public_note = models.TextField(_("note to the complainant"), blank=True)
    internal_note = models.TextField(_("internal note"), blank=True)
    changed_at = models.DateTimeField(_("date"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("complaint status change")
        verbose_name_plural = _("complaint status changes")
        ordering = ["changed_at", "pk"]
        default_permissions = ()


class ComplaintEvidence(models.Model):
    """A file the complainant attached, kept outside public media."""

    complaint = models.ForeignKey(
        CorruptionComplaint, on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(_("file"), storage=private_storage, upload_to=_evidence_path)
    original_name = models.CharField(_("file name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        default_permissions = ()


class Feedback(Submission):
    """An opinion or suggestion (O30: participation); general complaints come here, not to O28."""

    FORM_NAME = "feedback"
    PUBLIC_FIELDS = ("topic", "message", "name", "email")
    PERSONAL_FIELDS = ("name", "email")

    class Topic(models.TextChoices):
        SUGGESTION = "suggestion", _("Suggestion")
        PLAN = "plan", _("Opinion on a plan, project or policy")
        SERVICE = "service", _("Service")
        COMPLAINT = "complaint", _("General complaint")
        PRAISE = "praise", _("Praise")
        OTHER = "other", _("Other")

    page = models.ForeignKey(
        "wagtail_disclosure.FeedbackPage",
        verbose_name=_("feedback form"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback",
    )
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    message = models.TextField(_("message"))
    name = models.CharField(_("name"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    response = models.TextField(_("response"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-received_at"]

    def __str__(self):
        return str(self.get_topic_display())


RATING_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


class SurveyResponse(Submission):
    """One answer to the service satisfaction survey (O17), rated 1 (very poor) to 5 (excellent)."""

    FORM_NAME = "survey"
    ASPECTS = ("overall", "staff", "process", "timeliness", "information")
    PUBLIC_FIELDS = ("service", "respondent", *ASPECTS, "comment")
    PERSONAL_FIELDS = ("comment",)  # free text may name people

    class Respondent(models.TextChoices):
        PUBLIC = "public", _("Member of the public")
        PARENT = "parent", _("Parent or student")
        TEACHER = "teacher", _("Teacher or school staff")
        SCHOOL = "school", _("School administrator")
        AGENCY = "agency", _("Other agency")
        OTHER = "other", _("Other")

    page = models.ForeignKey(
        "wagtail_disclosure.SatisfactionSurveyPage",
        verbose_name=_("survey"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responses",
    )
    service = models.CharField(_("service used"), max_length=200)
    respondent = models.CharField(
        _("you are"), max_length=20, choices=Respondent.choices, default=Respondent.PUBLIC
    )
    overall = models.PositiveSmallIntegerField(
        _("overall satisfaction"), validators=RATING_VALIDATORS
    )
    staff = models.PositiveSmallIntegerField(
        _("courtesy and helpfulness of staff"), validators=RATING_VALIDATORS
    )
    process = models.PositiveSmallIntegerField(
        _("clarity of the procedure"), validators=RATING_VALIDATORS
    )
    timeliness = models.PositiveSmallIntegerField(
        _("speed of service"), validators=RATING_VALIDATORS
    )
    information = models.PositiveSmallIntegerField(
        _("information provided"), validators=RATING_VALIDATORS
    )
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        ordering = ["-received_at"]

    def __str__(self):
        return self.service
