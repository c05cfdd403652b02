#!/usr/bin/env bash
# Install axe-core (Deque, MPL-2.0) from npm for the accessibility test (tests/browser/test_a11y.py).
# Nothing is vendored: the package goes to a cache outside the work tree, shared by every checkout
# on the machine, and is installed again only when the pinned version is missing.
# Prints the path of axe.min.js; the test finds it there, or where AXE_CORE_JS points.
set -euo pipefail
VERSION="${AXE_CORE_VERSION:-4.11.1}"
DIR="${AXE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/wagtail-disclosure/axe}"
JS="$DIR/node_modules/axe-core/axe.min.js"
installed() { node -e "process.exit(require('$DIR/node_modules/axe-core/package.json').version === '$VERSION' ? 0 : 1)" 2>/dev/null; }
if ! { [ -f "$JS" ] && installed; }; then
  command -v npm >/dev/null || { echo "npm is missing: run scripts/system-deps.sh" >&2; exit 1; }
  mkdir -p "$DIR"
  npm install --prefix "$DIR" --no-audit --no-fund --no-save --silent "axe-core@$VERSION" >&2
fi
echo "$JS"
