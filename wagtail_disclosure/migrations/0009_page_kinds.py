# Which page types answer a catalogue item (the catalogue's `pages` list).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('wagtail_disclosure', '0008_rollover_appointments'),
    ]

    operations = [
        migrations.AddField(
            model_name='catalogueitem',
            name='page_kinds',
            field=models.JSONField(blank=True, default=list, help_text='Empty: those of its family.', verbose_name='page types that answer it'),
        ),
        migrations.AddField(
            model_name='historicalcatalogueitem',
            name='page_kinds',
            field=models.JSONField(blank=True, default=list, help_text='Empty: those of its family.', verbose_name='page types that answer it'),
        ),
    ]
