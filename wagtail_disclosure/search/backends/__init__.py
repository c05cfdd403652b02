"""Wagtail's database search backend, with Thai word segmentation on SQLite and PostgreSQL.

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail_disclosure.search.backends"}}``

It subclasses modelsearch's own SQLite (FTS5) and PostgreSQL backends: the same tables, ranking,
filters and admin integration, with indexed text and queries passed through ``search.segment``.
Run ``manage.py update_index`` after switching to it. Other databases get the plain backend.
"""

import logging

from django.db import connection

logger = logging.getLogger(__name__)


_SQLITE_FTS = None


def _sqlite_fts():
    """Whether SQLite has FTS5 and its index table; checked once, as modelsearch does."""
    global _SQLITE_FTS
    if _SQLITE_FTS is None:
        from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

        _SQLITE_FTS = fts5_available() and fts_table_exists()
    return _SQLITE_FTS


def SearchBackend(params):  # noqa: N802 – the name Wagtail looks up in a backend module
    """The Thai backend for the default database's vendor (as modelsearch's ``database`` does)."""
    # The two imports below are for the vendor in use only, as modelsearch's own dispatch does:
    # the PostgreSQL module needs psycopg (through django.contrib.postgres), optional on SQLite.
    if connection.vendor == "postgresql":
        from wagtail_disclosure.search.backends.postgres import ThaiPostgresSearchBackend

        return ThaiPostgresSearchBackend(params)
    if connection.vendor == "sqlite" and _sqlite_fts():
        from wagtail_disclosure.search.backends.sqlite import ThaiSQLiteSearchBackend

        return ThaiSQLiteSearchBackend(params)
    from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

    logger.warning(
        "Thai search needs SQLite with FTS5 or PostgreSQL; %s gets unsegmented search.",
        connection.vendor,
    )
    return DatabaseSearchBackend(params)
