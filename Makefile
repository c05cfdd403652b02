# Two commands do all set-up on a fresh machine:
#   make demo   – the demo office on http://127.0.0.1:8000/ (embedded SQLite, Thai content, one user per role)
#   make test   – the whole test suite (SQLite unless DATABASE_URL is set)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) example_site/manage.py
STAMP := $(VENV)/.installed

.PHONY: demo test lint system-deps venv clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

# Debian packages the app and its tests use: PDF engine libraries, Thai fonts, Chromium, PostgreSQL, gettext.
system-deps:
	@bash scripts/system-deps.sh

demo: system-deps $(STAMP)
	$(MANAGE) migrate --noinput
	$(MANAGE) setup_demo
	$(MANAGE) runserver 127.0.0.1:8000

test: system-deps $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

# Style, then structure: the layers contract (import-linter, in pyproject.toml) and no import cycle.
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(PY) scripts/import_structure.py wagtail_disclosure

clean:
	rm -rf $(VENV) example_site/db.sqlite3 test-artifacts dist
