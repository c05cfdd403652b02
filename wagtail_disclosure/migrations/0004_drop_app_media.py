"""This app's former image and document models go; its pages' keys name the site's own models.

The keys are written with ``get_image_model_string()`` / ``get_document_model_string()`` (see
``_media.py``), so a site with its own image or document model gets no migration written here.
Their rows moved in the previous migration.
"""

import django.db.models.deletion
from django.db import migrations, models
from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model_string

from wagtail_disclosure.migrations._media import media_dependencies


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_disclosure", "0003_move_app_media"),
        *media_dependencies(),
    ]

    operations = [
        migrations.AlterField(
            model_name="documentattachment",
            name="document",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to=get_document_model_string(), verbose_name="document"),
        ),
        migrations.AlterField(
            model_name="newsphoto",
            name="image",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to=get_image_model_string(), verbose_name="image"),
        ),
        migrations.AlterField(
            model_name="executiveprofile",
            name="photo",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=get_image_model_string(), verbose_name="photo"),
        ),
        migrations.AlterUniqueTogether(name="disclosurerendition", unique_together=None),
        migrations.DeleteModel(name="DisclosureRendition"),
        migrations.DeleteModel(name="DisclosureDocument"),
        migrations.DeleteModel(name="DisclosureImage"),
    ]  # fmt: skip
