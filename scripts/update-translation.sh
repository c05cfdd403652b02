#!/usr/bin/env bash
# Refresh the Thai catalogue from the code, then compile it.
#   bash scripts/update-translation.sh          # extract + compile
#   bash scripts/update-translation.sh compile  # compile only
# Maintainers edit locale/th/LC_MESSAGES/django.po (English is the source language) and, for the
# Wagtail admin messages our screens show, locale/th/LC_MESSAGES/wagtail_supplement.po, then run
# this. Both are compiled into the one django.mo that Django reads (wagtail_disclosure/i18n/supplement.py).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
DIR=locale/th/LC_MESSAGES
PO=$DIR/django.po
if [ "${1:-}" != "compile" ]; then
  # makemessages works on an app's own locale/ folder: point it at the top-level one for the run.
  ln -sfn ../locale wagtail_disclosure/locale
  trap 'rm -f wagtail_disclosure/locale' EXIT
  (cd wagtail_disclosure && "../$PY" ../example_site/manage.py makemessages -l th --no-obsolete --no-wrap \
     --ignore "locale/*" >/dev/null)
  rm -f wagtail_disclosure/locale
  trap - EXIT
fi
MERGED=$(mktemp --suffix=.po)
trap 'rm -f "$MERGED"' EXIT
msgfmt --check-format -o /dev/null "$DIR/wagtail_supplement.po"
"$PY" -m wagtail_disclosure.i18n.supplement "$DIR" "$MERGED"
msgfmt --check-format -o "$DIR/django.mo" "$MERGED"
# The Wagtail admin scripts' Thai (wagtail_disclosure/i18n/supplement.py): a static script.
msgfmt --check-format -o /dev/null "$DIR/wagtail_supplement_js.po"
"$PY" -m wagtail_disclosure.i18n.supplement --js "$DIR/wagtail_supplement_js.po" \
  wagtail_disclosure/static/wagtail_disclosure/js/wagtail-supplement.th.js
"$PY" - "$PO" "$DIR/wagtail_supplement.po" "$DIR/wagtail_supplement_js.po" <<'PYEOF'
import sys, polib
for path in sys.argv[1:]:
    po = polib.pofile(path)
    print(f"{path}: {len(po.translated_entries())} translated, {len(po.untranslated_entries())} untranslated, {len(po.fuzzy_entries())} fuzzy")
PYEOF
