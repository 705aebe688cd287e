#!/usr/bin/env bash
# Installs Debian packages the project needs, as root; otherwise says what to run.
#   scripts/apt-install.sh "the browser tests need Debian's Chromium" chromium
set -euo pipefail
reason=$1
shift
if [ "$(id -u)" -ne 0 ]; then
  echo "$reason: run 'sudo apt-get install $*', then again." >&2
  exit 1
fi
echo "Installing Debian's $* ($reason)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "$@" >/dev/null
