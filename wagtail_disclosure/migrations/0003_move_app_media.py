"""Images and documents of this app's former models move to the site's own models.

A site that followed the former install steps kept its media in ``DisclosureImage`` and
``DisclosureDocument``. Once its settings no longer name them, each row moves to the site's image
or document model (Wagtail's own by default) with its id, file, collection, uploader and tags;
its rights go to the side record, its extracted text beside it. The keys of this app's pages, the
reference index ("usage") and the groups' permissions on them follow, so rich-text embeds, document
URLs (``/documents/<id>/<file>``) and choosers keep pointing at the same files.

An id already taken in the site's model (media uploaded there before the switch) cannot be kept:
that row gets a new id, this app's own keys follow it, and the ids are listed in the output so an
editor can check the rich text that named the old id. Renditions are not moved: Wagtail makes
them again on first use. Nothing to move (a new install) makes this a no-op.
"""

import sys

from django.core.management.color import no_style
from django.db import migrations
from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model_string

from wagtail_disclosure.migrations._media import media_dependencies

IMAGE_RIGHTS = (
    "source",
    "licence",
    "copyright_holder",
    "shows_people",
    "consent_obtained",
    "consent_recorded_by",
    "official_pr_purpose",
)
DOCUMENT_RIGHTS = ("source", "licence", "copyright_holder")
# This app's own keys to the moved media: (model, field).
IMAGE_KEYS = (("NewsPhoto", "image"), ("ExecutiveProfile", "photo"))
DOCUMENT_KEYS = (("DocumentAttachment", "document"),)


def _content_type(apps, model):
    content_type = apps.get_model("contenttypes", "ContentType")
    meta = model._meta
    return content_type.objects.get_or_create(app_label=meta.app_label, model=meta.model_name)[0]


def _free_taken_ids(source, target, keys, apps):
    """Give the rows whose id the site's model already uses a new id, in the old tables.

    Done before the copy, while this app's keys still point at the old model, so every key is
    consistent at each commit; returns {old id: new id}.
    """
    ids = list(source.objects.values_list("pk", flat=True))
    taken = sorted(target.objects.filter(pk__in=ids).values_list("pk", flat=True))
    if not taken:
        return {}
    top = max(max(ids), target.objects.order_by("-pk").values_list("pk", flat=True).first())
    moved = {old: top + number for number, old in enumerate(taken, start=1)}
    if source._meta.model_name == "disclosureimage":
        apps.get_model("wagtail_disclosure", "DisclosureRendition").objects.all().delete()
    for old, new in moved.items():
        source.objects.filter(id=old).update(id=new)
        for model_name, field in keys:
            model = apps.get_model("wagtail_disclosure", model_name)
            model.objects.filter(**{f"{field}_id": old}).update(**{f"{field}_id": new})
    return moved


def _copy_rows(schema_editor, source, target, rights_fields):
    """Insert every row of ``source`` into ``target`` with its id."""
    target_fields = {f.attname for f in target._meta.concrete_fields}
    shared = [
        f.attname
        for f in source._meta.concrete_fields
        if f.attname in target_fields and f.name not in rights_fields and f.name != "extracted_text"
    ]
    rows = [target(**{name: getattr(row, name) for name in shared}) for row in source.objects.all()]
    target.objects.bulk_create(rows)
    # ``created_at`` is set on add (auto_now_add): the upload date comes back in a second step.
    dated = [name for name in ("created_at",) if name in shared]
    if dated:
        target.objects.bulk_update(rows, dated, batch_size=500)
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [target]):
            cursor.execute(sql)


def _move(apps, schema_editor, kind, source_name, target_string, rights_name, rights_fields, keys):
    source = apps.get_model("wagtail_disclosure", source_name)
    if not source.objects.exists():
        return
    target = apps.get_model(target_string)
    moved = _free_taken_ids(source, target, keys, apps)
    _copy_rows(schema_editor, source, target, rights_fields)
    rights = apps.get_model("wagtail_disclosure", rights_name)
    rights.objects.bulk_create(
        rights(**{f"{kind}_id": row.pk}, **{n: getattr(row, n) for n in rights_fields})
        for row in source.objects.all()
    )
    if kind == "document":
        text = apps.get_model("wagtail_disclosure", "DocumentText")
        text.objects.bulk_create(
            text(document_id=row.pk, text=row.extracted_text)
            for row in source.objects.exclude(extracted_text="")
        )
    _follow_generic_rows(apps, source, target, moved)
    _follow_permissions(apps, source, target)
    if moved:
        sys.stdout.write(
            f"\n  {source_name}: ids already taken in {target_string}, moved to new ids "
            f"(check rich text that names the old id): {moved}\n"
        )


def _follow_generic_rows(apps, source, target, moved):
    """Tags and reference-index rows name the media by content type and id."""
    old_type, new_type = _content_type(apps, source), _content_type(apps, target)
    tagged = apps.get_model("taggit", "TaggedItem")
    references = apps.get_model("wagtailcore", "ReferenceIndex")
    for old, new in moved.items():  # new ids are above every old one
        tagged.objects.filter(content_type=old_type, object_id=old).update(
            content_type=new_type, object_id=new
        )
        references.objects.filter(to_content_type=old_type, to_object_id=str(old)).update(
            to_content_type=new_type, to_object_id=str(new)
        )
        references.objects.filter(content_type=old_type, object_id=str(old)).update(
            content_type=new_type, base_content_type=new_type, object_id=str(new)
        )
    tagged.objects.filter(content_type=old_type).update(content_type=new_type)
    references.objects.filter(to_content_type=old_type).update(to_content_type=new_type)
    references.objects.filter(content_type=old_type).update(
        content_type=new_type, base_content_type=new_type
    )


def _follow_permissions(apps, source, target):
    """Who could add, change, choose or delete the old media may do so on the new model."""
    permission = apps.get_model("auth", "Permission")
    group = apps.get_model("auth", "Group")
    collection_permission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    old_type, new_type = _content_type(apps, source), _content_type(apps, target)
    old_name, new_name = source._meta.model_name, target._meta.model_name

    def counterpart(old):
        codename = old.codename
        if codename.endswith("_" + old_name):
            codename = codename.removesuffix(old_name) + new_name
        return permission.objects.get_or_create(
            content_type=new_type, codename=codename, defaults={"name": old.name}
        )[0]

    for old in permission.objects.filter(content_type=old_type):
        new = counterpart(old)
        for holder in group.objects.filter(permissions=old):
            holder.permissions.add(new)
        for row in collection_permission.objects.filter(permission=old):
            collection_permission.objects.get_or_create(
                group_id=row.group_id, collection_id=row.collection_id, permission=new
            )


def move_images(apps, schema_editor):
    _move(
        apps, schema_editor, "image", "DisclosureImage", get_image_model_string(),
        "ImageRights", IMAGE_RIGHTS, IMAGE_KEYS,
    )  # fmt: skip


def move_documents(apps, schema_editor):
    _move(
        apps, schema_editor, "document", "DisclosureDocument", get_document_model_string(),
        "DocumentRights", DOCUMENT_RIGHTS, DOCUMENT_KEYS,
    )  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_disclosure", "0002_rights_beside_media"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        *media_dependencies(),
    ]

    operations = [
        migrations.RunPython(move_images, migrations.RunPython.noop, elidable=False),
        migrations.RunPython(move_documents, migrations.RunPython.noop, elidable=False),
    ]
