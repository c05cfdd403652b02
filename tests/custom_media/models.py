from django.db import models
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class OfficeImage(AbstractImage):
    photographer = models.CharField(max_length=255, blank=True)

    admin_form_fields = Image.admin_form_fields + ("photographer",)


class OfficeRendition(AbstractRendition):
    image = models.ForeignKey(OfficeImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class OfficeDocument(AbstractDocument):
    register_number = models.CharField(max_length=50, blank=True)

    admin_form_fields = Document.admin_form_fields + ("register_number",)
