"""The rights and extracted text of images and documents, beside the site's own media models.

The one-to-one keys name whatever model the settings name (``WAGTAILIMAGES_IMAGE_MODEL``,
``WAGTAILDOCS_DOCUMENT_MODEL``, Wagtail's own by default), as ``AUTH_USER_MODEL`` is named:
a site with its own image or document model gets its keys pointed there, and ``makemigrations``
finds nothing to write into this package.
"""

import django.db.models.deletion
from django.db import migrations, models
from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model_string

from wagtail_disclosure.migrations._media import media_dependencies

LICENCES = [
    ("own", "The office's own work"),
    ("cc-by", "Creative Commons BY"),
    ("cc-by-sa", "Creative Commons BY-SA"),
    ("cc-by-nc", "Creative Commons BY-NC"),
    ("cc-by-nd", "Creative Commons BY-ND"),
    ("cc0", "Creative Commons CC0"),
    ("permission", "Used with permission"),
    ("public-domain", "Public domain"),
    ("other", "Other"),
]


def rights_fields():
    return [
        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
        ("source", models.CharField(blank=True, help_text="Who made it, or where it was taken from.", max_length=500, verbose_name="source or credit")),
        ("licence", models.CharField(blank=True, choices=LICENCES, max_length=20, verbose_name="licence")),
        ("copyright_holder", models.CharField(blank=True, max_length=255, verbose_name="copyright holder")),
    ]  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [("wagtail_disclosure", "0001_initial"), *media_dependencies()]

    operations = [
        migrations.CreateModel(
            name="DocumentRights",
            fields=[
                *rights_fields(),
                ("document", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="disclosure_rights", to=get_document_model_string())),
            ],
            options={"verbose_name": "document rights", "verbose_name_plural": "document rights"},
        ),
        migrations.CreateModel(
            name="DocumentText",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("text", models.TextField(blank=True, verbose_name="extracted text")),
                ("document", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="disclosure_text", to=get_document_model_string())),
            ],
            options={"verbose_name": "extracted text", "verbose_name_plural": "extracted texts"},
        ),
        migrations.CreateModel(
            name="ImageRights",
            fields=[
                *rights_fields(),
                ("shows_people", models.BooleanField(default=False, verbose_name="shows identifiable people")),
                ("consent_obtained", models.BooleanField(default=False, verbose_name="consent of the people shown obtained")),
                ("consent_recorded_by", models.CharField(blank=True, max_length=255, verbose_name="consent recorded by")),
                ("official_pr_purpose", models.BooleanField(default=False, help_text="Not commercial, defames no one (announcement rules on activity photos).", verbose_name="for official public relations only")),
                ("image", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="disclosure_rights", to=get_image_model_string())),
            ],
            options={"verbose_name": "image rights", "verbose_name_plural": "image rights"},
        ),
    ]  # fmt: skip
