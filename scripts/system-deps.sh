#!/usr/bin/env bash
# Install the Debian packages the app and its tests need, only when one is missing.
set -euo pipefail
PKGS="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-tlwg-laksaman fonts-thai-tlwg fontconfig chromium postgresql gettext poppler-utils nginx-light redis-server curl"
# Printed documents embed the Sarabun the package ships (no font package); the accessibility test
# installs axe-core with npm (scripts/install-axe.sh).
command -v npm >/dev/null || PKGS="$PKGS nodejs npm"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "Installing Debian packages:$missing"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
