"""An install that already hosted two offices before office collections, upgraded: run in its own
process.

``python -m tests.utils.two_office_site`` on an EMPTY database (``DATABASE_URL``): migrates to
``0009_page_kinds``, stores two sites with their people and an image and a document in the root
collection from each kind of uploader (one office's, the other's, someone of both, nobody),
migrates to the end (``0010_office_collections``) and prints where each item then lies, as JSON.
"""

import json

import django
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = ("wagtail_disclosure", "0009_page_kinds")
UPLOADERS = ("a_only", "b_only", "both", None)


def seed(apps):
    from wagtail.documents import get_document_model_string
    from wagtail.images import get_image_model_string

    root = apps.get_model("wagtailcore", "Collection").objects.get(depth=1)
    site_model = apps.get_model("wagtailcore", "Site")
    page_root = apps.get_model("wagtailcore", "Page").objects.get(depth=1)
    site_a = site_model.objects.get(is_default_site=True)
    site_b = site_model.objects.create(hostname="b.example", port=80, root_page=page_root)
    profile = apps.get_model("wagtail_disclosure", "OfficeProfile")
    profile.objects.create(site=site_a, name="สำนักงานเขตพื้นที่ ก", short_name="สพป.ก")
    user_model = apps.get_model("auth", "User")
    person = apps.get_model("wagtail_disclosure", "Person")
    users = {}
    for name, sites in (("a_only", [site_a]), ("b_only", [site_b]), ("both", [site_a, site_b])):
        users[name] = user_model.objects.create(username=name)
        for site in sites:
            person.objects.create(site=site, user=users[name], full_name=name, role="author")
    image_model = apps.get_model(get_image_model_string())
    document_model = apps.get_model(get_document_model_string())
    for name in UPLOADERS:
        user = users.get(name)
        image_model.objects.create(
            title=f"image {name}", file=f"original_images/{name}.png", width=4, height=3,
            collection=root, uploaded_by_user=user,
        )  # fmt: skip
        document_model.objects.create(
            title=f"document {name}", file=f"documents/{name}.pdf", collection=root,
            uploaded_by_user=user,
        )  # fmt: skip


def report():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection, Site

    from wagtail_disclosure.models import OfficeProfile

    offices = {
        site.hostname: OfficeProfile.for_site(site).collection for site in Site.objects.all()
    }
    return {
        "offices": {
            host: {"name": c.name, "depth": c.depth} if c else None for host, c in offices.items()
        },
        "items": {
            item.title: {
                "collection": item.collection.name,
                "root": item.collection.depth == 1,
                "file": item.file.name,
            }
            for model in (get_image_model(), get_document_model())
            for item in model.objects.all()
        },
        "collections": Collection.objects.count(),
    }


def main():
    django.setup()
    call_command("migrate", *BEFORE, verbosity=0)
    executor = MigrationExecutor(connection)
    graph = executor.loader.graph
    state = executor.loader.project_state(
        [key for key in executor.loader.applied_migrations if key in graph.nodes]
    )
    seed(state.apps)
    call_command("migrate", verbosity=0)
    print(json.dumps(report(), ensure_ascii=False))


if __name__ == "__main__":
    main()
