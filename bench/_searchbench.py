"""Shared set-up of the search benchmarks: Django inside a throw-away test database."""

import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "example_site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

# Both backends are indexed on demand only, so building the content indexes nothing twice.
settings.WAGTAILSEARCH_BACKENDS = {
    "thai": {"BACKEND": "wagtail_disclosure.search.backends", "AUTO_UPDATE": False},
    "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False},
}
BACKENDS = [
    ("default", "Wagtail database backend (modelsearch)"),
    ("thai", "wagtail_disclosure Thai backend"),
]


@contextmanager
def test_database():
    """A new test database (SQLite in memory, or test_<name> on PostgreSQL), dropped afterwards."""
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    media = tempfile.TemporaryDirectory(prefix="searchbench-media-")
    settings.MEDIA_ROOT = Path(media.name)  # a Path, as the settings have it
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield connection
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
        media.cleanup()


def reindex(backend_name):
    """Empty the shared index table, then index every page with one backend; seconds taken.

    Pages are loaded per specific type with their related rows prefetched, as ``update_index``
    does, so the time is the backend's and not the ORM's.
    """
    import time

    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend(backend_name)
    backend.get_index_for_model(Page).reset()
    started = time.perf_counter()
    by_type = {}
    for pk, content_type in Page.objects.values_list("pk", "content_type"):
        by_type.setdefault(content_type, []).append(pk)
    from django.contrib.contenttypes.models import ContentType

    for content_type, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type).model_class()
        for start in range(0, len(ids), 500):
            chunk = list(model.get_indexed_objects().filter(pk__in=ids[start : start + 500]))
            backend.add_bulk(model, chunk)
    return time.perf_counter() - started


def docx_bytes(text):
    import io

    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
