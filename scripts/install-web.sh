#!/usr/bin/env bash
# Installs what the web page loads (socket.io-client, topojson-client and us-atlas, from the
# npm registry) into node_modules/ exactly as package-lock.json says, with Debian's Node.js
# and npm when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v npm >/dev/null || scripts/apt-install.sh "the web chat needs Node.js and npm" nodejs npm
# --ignore-scripts: the page serves prebuilt files; no package needs to run code to install.
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
