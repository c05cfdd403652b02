"""Each office's part of the image and document library (``OfficeProfile.collection``): made by
the set-up and by the migration, and the library of an install's first office kept when a
second office arrives."""

import json

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site

from tests.utils.offices import png
from tests.utils.site_process import run_site
from wagtail_disclosure.models import OfficeProfile
from wagtail_disclosure.office_setup import office_collection


def _media(title, collection):
    image = get_image_model().objects.create(
        title=title, file=ContentFile(png(), name=f"{title}.png"), collection=collection
    )
    document = get_document_model().objects.create(
        title=title,
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name=f"{title}.pdf"),
        collection=collection,
    )
    return image, document


def test_a_second_office_leaves_the_first_its_library(demo):
    """One office, its library in the root collection and a collection of its own; a second
    office is set up: the first office's images, documents and collections move into its
    collection, with their files and URLs; the second starts empty. Run again: nothing moves."""
    first = Site.objects.get(is_default_site=True)
    root = Collection.get_first_root_node()
    own = root.add_child(instance=Collection(name="ภาพกิจกรรมเดิม"))
    image, document = _media("ภาพเดิม", root)
    in_own, _ = _media("ในคอลเลกชันเดิม", own)
    urls = (image.file.name, document.url)

    second = Site.objects.create(
        hostname="office2.localhost", port=80, root_page=Page.objects.get(depth=2)
    )
    profile = OfficeProfile.for_site(second)
    profile.short_name = "สพป.ตัวอย่าง เขต ๒"
    profile.save()
    collection, adopted = office_collection(second)

    assert adopted == first
    first_collection = OfficeProfile.for_site(first).collection
    assert collection.name == "สพป.ตัวอย่าง เขต ๒" and collection.get_parent() == root
    image.refresh_from_db(), document.refresh_from_db()
    assert image.collection == document.collection == first_collection
    assert (image.file.name, document.url) == urls
    own.refresh_from_db()
    assert own.get_parent() == first_collection
    assert get_image_model().objects.filter(collection=collection).count() == 0
    # Idempotent: the second run adopts nothing and makes no collection.
    count = Collection.objects.count()
    assert office_collection(second) == (collection, None)
    assert office_collection(first) == (first_collection, None)
    assert Collection.objects.count() == count


def test_one_office_keeps_wagtail_s_library_as_it_was(demo):
    """With one office nothing moves: what is in the root stays there, and the office's people
    keep every permission Wagtail gave them."""
    root = Collection.get_first_root_node()
    image, _ = _media("ภาพเดิม", root)
    office_collection(Site.objects.get(is_default_site=True))
    image.refresh_from_db()
    assert image.collection == root


@pytest.mark.django_db
def test_the_migration_gives_each_office_a_collection_and_its_uploads(empty_database):
    """An install with two offices before collections: each office gets one, named after it; an
    upload whose uploader acts for one office only moves into that office's collection; the rest
    (someone of both offices, nobody) stays in the root for a superuser to place. No file moves."""
    result = run_site(
        "example_site.settings", "-m", "tests.utils.two_office_site", database_url=empty_database
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    site = json.loads(result.stdout.strip().splitlines()[-1])
    offices = site["offices"]
    assert offices["localhost"] == {"name": "สพป.ก", "depth": 2}
    assert offices["b.example"] == {"name": "b.example", "depth": 2}
    items = site["items"]
    for kind in ("image", "document"):
        assert items[f"{kind} a_only"]["collection"] == "สพป.ก"
        assert items[f"{kind} b_only"]["collection"] == "b.example"
        assert items[f"{kind} both"]["root"] and items[f"{kind} None"]["root"]
    assert items["image a_only"]["file"] == "original_images/a_only.png"
    assert items["document b_only"]["file"] == "documents/b_only.pdf"
    assert site["collections"] == 3
