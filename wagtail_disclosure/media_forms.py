"""Base forms for the image and document library: every upload path goes through them.

Wagtail builds the add, edit, multiple-upload, chooser-upload and API v3 forms from these
(``WAGTAILIMAGES_IMAGE_FORM_BASE`` / ``WAGTAILDOCS_DOCUMENT_FORM_BASE``), so each upload is
checked by content and each photo loses its GPS and camera serial data before it is stored.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from wagtail_disclosure.uploads import (
    DOCUMENT_KINDS,
    IMAGE_KINDS,
    check_and_clean,
)


def _checked(file, kinds):
    cleaned, _kind = check_and_clean(file, kinds)
    if cleaned is not file:
        for attribute in ("image",):  # Wagtail's image field annotates the upload
            if hasattr(file, attribute):
                setattr(cleaned, attribute, getattr(file, attribute))
    return cleaned


class DisclosureImageForm(BaseImageForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            file = _checked(file, IMAGE_KINDS)
        return file

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("shows_people")
            and cleaned.get("consent_obtained")
            and "consent_recorded_by" in self.fields
            and not cleaned.get("consent_recorded_by")
        ):
            self.add_error(
                "consent_recorded_by", _("Say who recorded the consent of the people shown.")
            )
        return cleaned


class DisclosureDocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            file = _checked(file, DOCUMENT_KINDS)
        return file
