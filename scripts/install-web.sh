#!/usr/bin/env bash
# Installs the web page's chat widget (rasa-webchat, from the npm registry) into
# node_modules/ exactly as package-lock.json says, with Debian's Node.js and npm when
# they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v npm >/dev/null || scripts/apt-install.sh "the web chat needs Node.js and npm" nodejs npm
# --ignore-scripts: the widget's bundle is prebuilt; no package needs to run code to install.
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
