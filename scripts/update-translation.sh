#!/usr/bin/env bash
# Refresh the Thai catalogue from the code, then compile it.
#   bash scripts/update-translation.sh          # extract + compile
#   bash scripts/update-translation.sh compile  # compile only
# Maintainers edit locale/th/LC_MESSAGES/django.po (English is the source language), then run this.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
PO=locale/th/LC_MESSAGES/django.po
if [ "${1:-}" != "compile" ]; then
  # makemessages works on an app's own locale/ folder: point it at the top-level one for the run.
  ln -sfn ../locale wagtail_disclosure/locale
  trap 'rm -f wagtail_disclosure/locale' EXIT
  (cd wagtail_disclosure && "../$PY" ../example_site/manage.py makemessages -l th --no-obsolete --no-wrap \
     --ignore "locale/*" >/dev/null)
  rm -f wagtail_disclosure/locale
  trap - EXIT
fi
msgfmt --check-format -o locale/th/LC_MESSAGES/django.mo "$PO"
"$PY" - "$PO" <<'PYEOF'
import sys, polib
po = polib.pofile(sys.argv[1])
print(f"{len(po.translated_entries())} translated, {len(po.untranslated_entries())} untranslated, {len(po.fuzzy_entries())} fuzzy")
PYEOF
