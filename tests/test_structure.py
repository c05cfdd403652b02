"""The package's import structure as CI checks it: layers (import-linter) and no import cycle."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "import_structure.py"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def structure(package):
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(package)], capture_output=True, text=True, check=False
    )


def test_the_package_has_no_cycle_and_few_function_level_imports():
    result = structure(ROOT / "wagtail_disclosure")
    assert result.returncode == 0, result.stdout
    assert " 0 import cycles" in result.stdout


def test_a_cycle_behind_a_function_level_import_is_found(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "low.py").write_text("def f():\n    from pkg import high\n")
    (package / "high.py").write_text("from pkg import low\n")
    result = structure(package)
    assert result.returncode == 1
    assert "cycle: pkg.high, pkg.low" in result.stdout


def _copy(tmp_path):
    shutil.copytree(
        ROOT / "wagtail_disclosure",
        tmp_path / "wagtail_disclosure",
        ignore=shutil.ignore_patterns("__pycache__", "locale", "templates", "static", "*.yaml"),
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")


def _lint(tmp_path):
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_layers_hold_and_an_upward_import_breaks_them(tmp_path):
    _copy(tmp_path)
    assert _lint(tmp_path).returncode == 0
    models = tmp_path / "wagtail_disclosure" / "models" / "pages.py"
    models.write_text(models.read_text() + "\nfrom wagtail_disclosure.approval import policy\n")
    result = _lint(tmp_path)
    assert result.returncode == 1
    assert "wagtail_disclosure.models is not allowed to import" in result.stdout
