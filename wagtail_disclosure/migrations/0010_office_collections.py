"""Each office gets its collection in Wagtail's image and document library.

``OfficeProfile.collection``: a collection under the root, named after the office, made here for
every office (every Wagtail ``Site``) the install has. Wagtail's permissions on the library now
count only inside the collections of the offices a user acts for, once the install hosts several
offices (``models.offices.OfficeMediaPermissionPolicy``); with one office they are Wagtail's own.

- One office: nothing moves. Every image and document stays in its collection, with its file and
  its URL; the office's people keep every permission they had.
- Several offices already: an image or document in the root collection whose uploader acts for
  exactly one office moves into that office's collection (its file, URL and rich-text embeds do
  not change: only its collection does), so that its office's editors keep it. The rest stays
  where it is, for a superuser to place (README, "Several offices on one install").
"""

import django.db.models.deletion
from django.db import migrations, models

from wagtail_disclosure.migrations._media import media_dependencies

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's, as Wagtail's Collection uses it
STEPLEN = 4


def _step(number):
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEPLEN, "0")


def _add_child(collection_model, parent, name):
    """A new last child of ``parent`` (historical models have none of treebeard's methods)."""
    children = collection_model.objects.filter(
        path__startswith=parent.path, depth=parent.depth + 1
    ).order_by("-path")
    last = children.values_list("path", flat=True).first()
    number = int(last[-STEPLEN:], len(ALPHABET)) + 1 if last else 1
    child = collection_model.objects.create(
        name=name, path=parent.path + _step(number), depth=parent.depth + 1, numchild=0
    )
    collection_model.objects.filter(pk=parent.pk).update(numchild=models.F("numchild") + 1)
    return child


def _name(profile, site, taken):
    name = profile.short_name or profile.name or site.site_name or site.hostname
    return name if name not in taken else f"{name} ({site.hostname})"


def office_collections(apps, schema_editor):
    from wagtail.documents import get_document_model_string
    from wagtail.images import get_image_model_string

    site_model = apps.get_model("wagtailcore", "Site")
    collection_model = apps.get_model("wagtailcore", "Collection")
    profile_model = apps.get_model("wagtail_disclosure", "OfficeProfile")
    person_model = apps.get_model("wagtail_disclosure", "Person")
    root = collection_model.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    sites = list(site_model.objects.order_by("pk"))
    taken = set(
        collection_model.objects.filter(depth=2, path__startswith=root.path).values_list(
            "name", flat=True
        )
    )
    collections = {}
    for site in sites:
        profile = profile_model.objects.filter(site=site).first()
        if profile is None:
            profile = profile_model.objects.create(site=site)
        if profile.collection_id is None:
            name = _name(profile, site, taken)
            taken.add(name)
            profile.collection = _add_child(collection_model, root, name)
            profile.save(update_fields=["collection"])
        collections[site.pk] = profile.collection_id
    if len(sites) < 2:
        return  # one office: nothing moves
    offices_of_user = {}
    for user_id, site_id in person_model.objects.filter(active=True, user__isnull=False).values_list(
        "user_id", "site_id"
    ):
        offices_of_user.setdefault(user_id, set()).add(site_id)
    by_office = {}
    for user_id, office_ids in offices_of_user.items():
        if len(office_ids) == 1:
            by_office.setdefault(next(iter(office_ids)), []).append(user_id)
    for label in (get_image_model_string(), get_document_model_string()):
        media_model = apps.get_model(label)
        for site_id, user_ids in by_office.items():
            media_model.objects.filter(
                collection=root, uploaded_by_user_id__in=user_ids
            ).update(collection_id=collections[site_id])


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_disclosure", "0009_page_kinds"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        *media_dependencies(),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalofficeprofile",
            name="collection",
            field=models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="wagtailcore.collection", verbose_name="collection of images and documents"),
        ),
        migrations.AddField(
            model_name="officeprofile",
            name="collection",
            field=models.OneToOneField(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="wagtailcore.collection", verbose_name="collection of images and documents"),
        ),
        migrations.RunPython(office_collections, migrations.RunPython.noop),
    ]
