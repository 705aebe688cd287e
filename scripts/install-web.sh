#!/usr/bin/env bash
# Installs the web page's chat widget (rasa-webchat, from the npm registry) into
# node_modules/ exactly as package-lock.json says. Needs Node.js and npm: as root it
# installs Debian's packages when they are missing; otherwise it says what to run.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "The web chat needs Node.js and npm: run 'sudo apt-get install nodejs npm', then again." >&2
    exit 1
  fi
  echo "Installing Debian's nodejs and npm packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
# --ignore-scripts: the widget's bundle is prebuilt; no package needs to run code to install.
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
