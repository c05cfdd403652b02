"""Base forms for the image and document library: every upload path goes through them.

Wagtail builds the add, edit, multiple-upload, chooser-upload and API v3 forms of whatever image
and document models the site uses from these (``WAGTAILIMAGES_IMAGE_FORM_BASE`` /
``WAGTAILDOCS_DOCUMENT_FORM_BASE``), so each upload is checked by content, each photo loses its
GPS and camera serial data before it is stored, and the rights fields (source, licence, holder,
consent) are shown and saved to the side record (``models.media``) without a model switch.
"""

from django.core.exceptions import ValidationError
from django.dispatch import Signal
from django.forms.models import fields_for_model
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from wagtail_disclosure.models.media import (
    DocumentRights,
    ImageRights,
    rights_of,
    save_rights,
)
from wagtail_disclosure.uploads import (
    DOCUMENT_KINDS,
    IMAGE_KINDS,
    check_and_clean,
)

# Sent before an existing image's or document's file is replaced (``instance``); receivers return
# a reason to refuse, or None. The approval service connects the freeze of approved attachments
# here, so the form refuses before Wagtail deletes the old file.
file_replacement = Signal()


def _refuse_replacement(form):
    if form.instance.pk:
        for _receiver, reason in file_replacement.send(type(form.instance), instance=form.instance):
            if reason:
                raise ValidationError(reason)


def _checked(file, kinds):
    cleaned, _kind = check_and_clean(file, kinds)
    if cleaned is not file:
        for attribute in ("image",):  # Wagtail's image field annotates the upload
            if hasattr(file, attribute):
                setattr(cleaned, attribute, getattr(file, attribute))
    return cleaned


class RightsFormMixin:
    """The side record's fields on the library's form: filled from it, saved to it."""

    rights_model = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.rights_model.rights_fields
        self.fields.update(fields_for_model(self.rights_model, fields=fields))
        if self.instance.pk:
            record = rights_of(self.instance)
            for name in self.rights_model.rights_fields:
                self.initial.setdefault(name, getattr(record, name))

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            _refuse_replacement(self)
            file = _checked(file, self.upload_kinds)
        return file

    def _rights_posted(self):
        # A form posted without any rights field (an API client, the first step of a multiple
        # upload) leaves a stored record as it is.
        return any(self.add_prefix(name) in self.data for name in self.rights_model.rights_fields)

    def _save_m2m(self):
        # Django calls this after saving the instance, and offers it as ``save_m2m`` to views
        # that save with ``commit=False``: the record follows the image or document either way.
        super()._save_m2m()
        if self._rights_posted():
            save_rights(
                self.instance,
                {n: self.cleaned_data.get(n) for n in self.rights_model.rights_fields},
            )


class DisclosureImageForm(RightsFormMixin, BaseImageForm):
    rights_model = ImageRights
    upload_kinds = IMAGE_KINDS

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("shows_people")
            and cleaned.get("consent_obtained")
            and not (cleaned.get("consent_recorded_by") or "").strip()
        ):
            self.add_error(
                "consent_recorded_by", _("Say who recorded the consent of the people shown.")
            )
        return cleaned


class DisclosureDocumentForm(RightsFormMixin, BaseDocumentForm):
    rights_model = DocumentRights
    upload_kinds = DOCUMENT_KINDS
