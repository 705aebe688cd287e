#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests (Playwright
# drives it; it downloads no browser of its own).
set -euo pipefail
[ -x /usr/bin/chromium ] || "$(dirname "$0")/apt-install.sh" "the browser tests need Debian's Chromium" chromium
