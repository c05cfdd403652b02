"""The rights of the site's own images and documents: source, licence, holder, consent.

The records sit BESIDE whatever image and document models the site uses (Wagtail's own or the
office's custom ones, ``get_image_model()`` / ``get_document_model()``), one-to-one, so installing
the app switches no model: the office's existing media, their URLs and the rich text that embeds
them stay as they were. The announcements ask that pictures and files not infringe copyright and
that activity photos of people be for official PR only, with consent (สพป.สมุทรปราการ เขต 2,
31 พ.ค. 2561, items 4–7; สพป.ชุมพร เขต 1, 2565, item 2.3).

Read them through ``rights_of(image_or_document)`` only: it answers an empty record for media
uploaded before the app was installed, so no caller meets a missing row.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model, get_document_model_string
from wagtail.images import get_image_model_string

# The reverse accessor of both side records on the image and document models.
RIGHTS = "disclosure_rights"
TEXT = "disclosure_text"


class Licence(models.TextChoices):
    OWN_WORK = "own", _("The office's own work")
    CC_BY = "cc-by", _("Creative Commons BY")
    CC_BY_SA = "cc-by-sa", _("Creative Commons BY-SA")
    CC_BY_NC = "cc-by-nc", _("Creative Commons BY-NC")
    CC_BY_ND = "cc-by-nd", _("Creative Commons BY-ND")
    CC0 = "cc0", _("Creative Commons CC0")
    PERMISSION = "permission", _("Used with permission")
    PUBLIC_DOMAIN = "public-domain", _("Public domain")
    OTHER = "other", _("Other")


class RightsMixin(models.Model):
    """Where a file came from and under what terms it may be published."""

    source = models.CharField(
        _("source or credit"),
        max_length=500,
        blank=True,
        help_text=_("Who made it, or where it was taken from."),
    )
    licence = models.CharField(_("licence"), max_length=20, choices=Licence.choices, blank=True)
    copyright_holder = models.CharField(_("copyright holder"), max_length=255, blank=True)

    rights_fields = ("source", "licence", "copyright_holder")

    class Meta:
        abstract = True

    @property
    def has_rights_data(self):
        return bool(self.source and self.licence)

    @property
    def consent_missing(self):
        """What a photo of people lacks (empty for documents and for photos without people)."""
        return []


class ImageRights(RightsMixin):
    """The rights of one image and, for photos of people, the record of their consent (PDPA)."""

    image = models.OneToOneField(
        get_image_model_string(), on_delete=models.CASCADE, related_name=RIGHTS
    )
    shows_people = models.BooleanField(_("shows identifiable people"), default=False)
    consent_obtained = models.BooleanField(_("consent of the people shown obtained"), default=False)
    consent_recorded_by = models.CharField(_("consent recorded by"), max_length=255, blank=True)
    official_pr_purpose = models.BooleanField(
        _("for official public relations only"),
        default=False,
        help_text=_("Not commercial, defames no one (announcement rules on activity photos)."),
    )

    rights_fields = RightsMixin.rights_fields + (
        "shows_people",
        "consent_obtained",
        "consent_recorded_by",
        "official_pr_purpose",
    )

    class Meta:
        verbose_name = _("image rights")
        verbose_name_plural = _("image rights")

    def __str__(self):
        return str(self.image)

    @property
    def consent_missing(self):
        if not self.shows_people:
            return []
        missing = []
        if not self.consent_obtained:
            missing.append(_("consent of the people shown"))
        if not self.consent_recorded_by:
            missing.append(_("who recorded the consent"))
        if not self.official_pr_purpose:
            missing.append(_("confirmation that it is for official PR only"))
        return missing


class DocumentRights(RightsMixin):
    """The rights of one document."""

    document = models.OneToOneField(
        get_document_model_string(), on_delete=models.CASCADE, related_name=RIGHTS
    )

    class Meta:
        verbose_name = _("document rights")
        verbose_name_plural = _("document rights")

    def __str__(self):
        return str(self.document)


class DocumentText(models.Model):
    """The text extracted from a document's file, for the content checks and the site search."""

    document = models.OneToOneField(
        get_document_model_string(), on_delete=models.CASCADE, related_name=TEXT
    )
    text = models.TextField(_("extracted text"), blank=True)

    class Meta:
        verbose_name = _("extracted text")
        verbose_name_plural = _("extracted texts")

    def __str__(self):
        return str(self.document)


def rights_model_for(obj):
    """``DocumentRights`` for a document, ``ImageRights`` for an image."""
    return DocumentRights if isinstance(obj, get_document_model()) else ImageRights


def _media_field(model):
    return "document" if model is DocumentRights else "image"


def rights_of(obj):
    """The rights record of an image or document: the stored one, or an empty unsaved one."""
    try:
        return getattr(obj, RIGHTS)
    except ObjectDoesNotExist:
        model = rights_model_for(obj)
        return model(**{_media_field(model): obj})


def save_rights(obj, values):
    """Store ``values`` (field name -> value) as the rights of image or document ``obj``."""
    model = rights_model_for(obj)
    values = {name: value for name, value in values.items() if name in model.rights_fields}
    record, _created = model.objects.update_or_create(**{_media_field(model): obj}, defaults=values)
    setattr(obj, RIGHTS, record)  # later reads of this object see what was just stored
    return record


def text_of(document):
    """The stored extracted text of a document; ``""`` when none was extracted yet."""
    try:
        return getattr(document, TEXT).text
    except ObjectDoesNotExist:
        return ""


def store_text(document, text):
    """Keep ``text`` as the extracted text of ``document`` (PostgreSQL text refuses NUL)."""
    record, _created = DocumentText.objects.update_or_create(
        document=document, defaults={"text": text.replace("\x00", "")}
    )
    setattr(document, TEXT, record)
    return record
