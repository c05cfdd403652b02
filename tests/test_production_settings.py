"""The production settings refuse to start without a secret, and pass Django's deploy check."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECRET = "t9R-2vQm8Lx_Wd4ZpK7sYb1NfH6cJ0eGa3UoTi5ErBkMnVhXyCqD"  # 52 characters, many distinct


def _manage(*args, **env):
    base = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    base.update(
        DJANGO_SETTINGS_MODULE="example_site.settings_production",
        PYTHONPATH=f"{ROOT}{os.pathsep}{ROOT / 'example_site'}",
    )
    base.update(env)
    return subprocess.run(
        [sys.executable, str(ROOT / "example_site" / "manage.py"), *args],
        capture_output=True,
        text=True,
        env=base,
        timeout=300,
        check=False,
    )


def test_deploy_check_gives_no_warning():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY=SECRET,
        DJANGO_ALLOWED_HOSTS="oit.example-office.go.th",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_refuses_to_start_without_a_secret_key():
    for env in ({}, {"DJANGO_SECRET_KEY": "short"}):
        result = _manage("check", DJANGO_ALLOWED_HOSTS="oit.example-office.go.th", **env)
        assert result.returncode != 0
        assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_debug_is_off_unless_asked_for():
    code = (
        "from django.conf import settings;"
        "print(settings.DEBUG, settings.SESSION_COOKIE_SECURE, settings.SECURE_HSTS_SECONDS)"
    )
    result = _manage(
        "shell",
        "-c",
        code,
        DJANGO_SECRET_KEY=SECRET,
        DJANGO_ALLOWED_HOSTS="oit.example-office.go.th",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == ["False", "True", "31536000"]
