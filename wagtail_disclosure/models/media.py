"""Images and documents that carry their rights: source, licence, holder, consent.

Offices point ``WAGTAILIMAGES_IMAGE_MODEL`` and ``WAGTAILDOCS_DOCUMENT_MODEL`` here so that every
picture and file on a disclosure page can show where it came from and that it may be published.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.search import index


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

    class Meta:
        abstract = True

    @property
    def has_rights_data(self):
        return bool(self.source and self.licence)


class DisclosureImage(RightsMixin, AbstractImage):
    """An image with rights data and, for photos of people, a record of consent (PDPA)."""

    shows_people = models.BooleanField(_("shows identifiable people"), default=False)
    consent_obtained = models.BooleanField(_("consent of the people shown obtained"), default=False)
    consent_recorded_by = models.CharField(_("consent recorded by"), max_length=255, blank=True)
    official_pr_purpose = models.BooleanField(
        _("for official public relations only"),
        default=False,
        help_text=_("Not commercial, defames no one (announcement rules on activity photos)."),
    )

    admin_form_fields = Image.admin_form_fields + (
        "source",
        "licence",
        "copyright_holder",
        "shows_people",
        "consent_obtained",
        "consent_recorded_by",
        "official_pr_purpose",
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]


class DisclosureRendition(AbstractRendition):
    image = models.ForeignKey(DisclosureImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class DisclosureDocument(RightsMixin, AbstractDocument):
    """A document with rights data, and its extracted text (for checks and search)."""

    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)

    admin_form_fields = Document.admin_form_fields + ("source", "licence", "copyright_holder")
    search_fields = AbstractDocument.search_fields + [index.SearchField("extracted_text")]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("choose_document", "Can choose document")]


def uses_disclosure_media():
    """True when the site stores images and documents in this app's models."""
    return (
        getattr(settings, "WAGTAILIMAGES_IMAGE_MODEL", "") == "wagtail_disclosure.DisclosureImage"
        and getattr(settings, "WAGTAILDOCS_DOCUMENT_MODEL", "")
        == "wagtail_disclosure.DisclosureDocument"
    )
