"""Shared set-up of the search benchmarks: Django inside a throw-away test database."""

from _benchdb import settings, test_database

# Both backends are indexed on demand only, so building the content indexes nothing twice.
settings.WAGTAILSEARCH_BACKENDS = {
    "thai": {"BACKEND": "wagtail_disclosure.search.backends", "AUTO_UPDATE": False},
    "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False},
}
BACKENDS = [
    ("default", "Wagtail database backend (modelsearch)"),
    ("thai", "wagtail_disclosure Thai backend"),
]
__all__ = ["BACKENDS", "docx_bytes", "reindex", "test_database"]


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
