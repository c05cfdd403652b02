"""A site run in its own process on its own database: for migrations from an earlier state, which
cannot run inside the suite's test database."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import connection

REPO = Path(__file__).resolve().parent.parent.parent


def run_site(settings_module, *args, database_url=None):
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE=settings_module,
        PYTHONPATH=os.pathsep.join([str(REPO), str(REPO / "example_site")]),
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    return subprocess.run(
        [sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=900
    )


@pytest.fixture
def empty_database(tmp_path):
    """A new empty database of the kind the suite runs on (SQLite file, or one on PostgreSQL)."""
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'site.sqlite3'}"
        return
    name = f"wdsite_{uuid.uuid4().hex[:8]}"
    server = connection.settings_dict
    address = f"{server['USER']}@{server['HOST']}:{server['PORT']}"
    with psycopg.connect(f"postgresql://{address}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        yield f"postgres://{address}/{name}"
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
