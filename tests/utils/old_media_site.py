"""A site that kept its media in this app's former models, upgraded: run in its own process.

``python -m tests.utils.old_media_site`` on an EMPTY database (``DATABASE_URL``, and
``DJANGO_SETTINGS_MODULE`` naming the site's image and document models): migrates to the released
``0001_initial``, stores what such a site had (a photo with rights and a tag, a document with its
extracted text, a group allowed to choose images, and an image in the site's own model whose id
the old photo also has), migrates to the end and prints what the site then holds, as JSON.
"""

import json

import django
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

OLD = ("wagtail_disclosure", "0001_initial")


def seed(apps, image_string, document_string):
    collection = apps.get_model("wagtailcore", "Collection").objects.get(depth=1)
    image_model = apps.get_model(image_string)
    # Uploaded to the site's own model before the switch: its id 1 is the old photo's id too.
    image_model.objects.create(
        id=1, title="ภาพเดิมของเว็บไซต์", file="original_images/site.png", width=4, height=3,
        collection=collection,
    )  # fmt: skip
    old_image = apps.get_model("wagtail_disclosure", "DisclosureImage")
    photo = old_image.objects.create(
        id=1, title="ภาพกิจกรรม", file="original_images/activity.png", width=4, height=3,
        collection=collection, source="งานประชาสัมพันธ์", licence="own", shows_people=True,
        consent_obtained=True, consent_recorded_by="นางสาวสุดา ใจดี", official_pr_purpose=True,
    )  # fmt: skip
    old_image.objects.create(
        id=2, title="แผนภาพ", file="original_images/chart.png", width=4, height=3,
        collection=collection, source="สำนักงาน ป.ป.ช.", licence="cc-by",
    )  # fmt: skip
    tag = apps.get_model("taggit", "Tag").objects.create(name="อบรม", slug="training")
    content_type = apps.get_model("contenttypes", "ContentType")
    old_type = content_type.objects.get_or_create(
        app_label="wagtail_disclosure", model="disclosureimage"
    )[0]
    apps.get_model("taggit", "TaggedItem").objects.create(
        tag=tag, content_type=old_type, object_id=photo.pk
    )
    old_document = apps.get_model("wagtail_disclosure", "DisclosureDocument")
    old_document.objects.create(
        id=7, title="ประกาศ", file="documents/notice.pdf", collection=collection,
        source="กลุ่มอำนวยการ", licence="own", extracted_text="ประกาศสำนักงาน",
    )  # fmt: skip
    permission = apps.get_model("auth", "Permission")
    choose = permission.objects.get_or_create(
        content_type=old_type, codename="choose_image", defaults={"name": "Can choose image"}
    )[0]
    change = permission.objects.get_or_create(
        content_type=old_type,
        codename="change_disclosureimage",
        defaults={"name": "Can change image"},
    )[0]
    group = apps.get_model("auth", "Group").objects.create(name="ผู้เขียน")
    for granted in (choose, change):
        apps.get_model("wagtailcore", "GroupCollectionPermission").objects.create(
            group=group, collection=collection, permission=granted
        )


def report():
    from django.contrib.auth.models import Group
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import GroupCollectionPermission

    from wagtail_disclosure.models import rights_of, text_of

    images = get_image_model().objects.order_by("pk")
    documents = get_document_model().objects.order_by("pk")
    group = Group.objects.get(name="ผู้เขียน")
    return {
        "images": [
            {
                "id": image.pk,
                "title": image.title,
                "file": image.file.name,
                "tags": sorted(t.name for t in image.tags.all()),
                "source": rights_of(image).source,
                "licence": rights_of(image).licence,
                "consent_missing": [str(m) for m in rights_of(image).consent_missing],
                "shows_people": getattr(rights_of(image), "shows_people", None),
            }
            for image in images
        ],
        "documents": [
            {
                "id": document.pk,
                "title": document.title,
                "url": document.url,
                "source": rights_of(document).source,
                "text": text_of(document),
            }
            for document in documents
        ],
        "permissions": sorted(
            f"{p.permission.content_type.app_label}.{p.permission.codename}"
            for p in GroupCollectionPermission.objects.filter(group=group)
        ),
        "image_model": get_image_model()._meta.label,
    }


def main():
    django.setup()
    from wagtail.documents import get_document_model_string
    from wagtail.images import get_image_model_string

    image_string, document_string = get_image_model_string(), get_document_model_string()
    call_command("migrate", *OLD, verbosity=0)
    for app in {image_string.split(".")[0], document_string.split(".")[0]}:
        call_command("migrate", app, verbosity=0)
    executor = MigrationExecutor(connection)
    graph = executor.loader.graph
    state = executor.loader.project_state(
        [key for key in executor.loader.applied_migrations if key in graph.nodes]
    )
    seed(state.apps, image_string, document_string)
    call_command("migrate", verbosity=0)
    print(json.dumps(report(), ensure_ascii=False))


if __name__ == "__main__":
    main()
