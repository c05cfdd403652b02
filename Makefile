# Two commands do all set-up on a fresh machine:
#   make demo   – the demo office on http://127.0.0.1:8000/ (embedded SQLite, Thai content, one user per role)
#   make test   – the whole test suite (SQLite unless DATABASE_URL is set), on Wagtail 8
# and one for the other supported Wagtail line:
#   make test-wagtail74 – the same suite on Wagtail 7.4 LTS, in its own venv (.venv74)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) example_site/manage.py
STAMP := $(VENV)/.installed
VENV74 := .venv74
STAMP74 := $(VENV74)/.installed

.PHONY: demo test test-wagtail74 lint system-deps venv venv74 clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

# The same checkout (editable) with the Wagtail 7.4 LTS line and what it resolves to.
$(STAMP74): pyproject.toml
	$(PYTHON) -m venv $(VENV74)
	$(VENV74)/bin/python -m pip install --quiet --upgrade pip
	$(VENV74)/bin/python -m pip install --quiet -e '.[test]' 'wagtail>=7.4,<7.5'
	touch $(STAMP74)

venv74: $(STAMP74)

# Debian packages the app and its tests use: PDF engine libraries, Thai fonts, Chromium, PostgreSQL, gettext.
system-deps:
	@bash scripts/system-deps.sh

demo: system-deps $(STAMP)
	$(MANAGE) migrate --noinput
	$(MANAGE) setup_demo
	$(MANAGE) runserver 127.0.0.1:8000

test: system-deps $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

test-wagtail74: system-deps $(STAMP74)
	$(VENV74)/bin/python -m pytest $(PYTEST_ARGS)

# Style, then structure: the layers contract (import-linter, in pyproject.toml) and no import cycle.
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(PY) scripts/import_structure.py wagtail_disclosure

clean:
	rm -rf $(VENV) $(VENV74) example_site/db.sqlite3 test-artifacts dist
