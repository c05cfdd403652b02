"""Django inside a throw-away test database, for the benches that run in one process.

Importing this sets up Django with the example site's settings. ``test_database()`` creates a new
test database (SQLite in memory, or ``test_<name>`` next to DATABASE_URL's on PostgreSQL) and a
temporary media folder, and drops both afterwards: a bench leaves the database it is pointed at
as it found it.
"""

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


@contextmanager
def test_database():
    """A new test database and media folder, dropped afterwards; yields the connection."""
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    media = tempfile.TemporaryDirectory(prefix="bench-media-")
    settings.MEDIA_ROOT = Path(media.name)  # a Path, as the settings have it
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield connection
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
        media.cleanup()
