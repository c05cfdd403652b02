"""An edition's items, read once per process while the edition stays the same."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail_disclosure.catalogue.loader import load
from wagtail_disclosure.models import CatalogueEdition, CatalogueItem, TransparencyHubPage


def read(edition_pk):
    """The items as a request reads them: through a new edition object."""
    with CaptureQueriesContext(connection) as captured:
        items = CatalogueEdition.objects.get(pk=edition_pk).ordered_items()
    return items, len(captured) - 1  # the edition's own query aside


@pytest.mark.django_db
def test_inside_a_transaction_items_are_kept_on_the_edition_object_only(demo):
    edition = demo["hub"].active_edition
    items = edition.ordered_items()
    assert [item.code for item in items[:3]] == ["O1", "O2", "O3"]
    assert [item.sort_order for item in items] == sorted(item.sort_order for item in items)
    with CaptureQueriesContext(connection) as captured:
        assert edition.ordered_items() is items
        assert items[0].section.code  # the section came with the item
    assert len(captured) == 0
    # Another object, another request: read again (this transaction may yet be rolled back).
    assert read(edition.pk)[1] == 1


@pytest.fixture
def outside_transactions(django_db_serialized_rollback, transactional_db):
    """Autocommit, as a site's requests run: what is read is kept for the process."""


def test_a_process_reads_the_items_once_until_they_change(outside_transactions):
    edition = TransparencyHubPage.objects.get().active_edition
    edition_pk = edition.pk
    first, queries = read(edition_pk)
    assert queries == 1
    again, queries = read(edition_pk)
    assert queries == 0 and again is first

    # An item saved in this process (a receiver forgets at once).
    item = CatalogueItem.objects.get(edition_id=edition_pk, code="O1")
    item.name_th = "โครงสร้างหน่วยงาน (แก้ไข)"
    item.save()
    changed, queries = read(edition_pk)
    assert queries == 1 and changed[0].name_th == "โครงสร้างหน่วยงาน (แก้ไข)"

    # Another process changed them: ``update()`` sends no signal, but a reload of the edition
    # sets ``loaded_at``, which every process reads with the edition.
    CatalogueItem.objects.filter(edition_id=edition_pk, code="O1").update(name_th="เปลี่ยนในที่อื่น")
    assert read(edition_pk)[0][0].name_th == "โครงสร้างหน่วยงาน (แก้ไข)"  # not yet known here
    load(edition.slug)
    reloaded, queries = read(edition_pk)
    assert queries == 1
    assert reloaded[0].name_th == first[0].name_th  # the file's name again
