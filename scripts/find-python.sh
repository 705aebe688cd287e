#!/usr/bin/env bash
# Prints the path of a Python that Rasa 3.6 runs on (3.8 to 3.10, newest first):
# from PATH, then from pyenv's versions. Exits 1 with one line saying what to install.
set -u

supported() {
  "$1" -c 'import sys; sys.exit(0 if (3, 8) <= sys.version_info[:2] <= (3, 10) else 1)' >/dev/null 2>&1
}

candidates=()
for name in python3.10 python3.9 python3.8 python3 python; do
  found=$(command -v "$name" 2>/dev/null) && candidates+=("$found")
done
pyenv_root=$( (command -v pyenv >/dev/null && pyenv root) 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
for minor in 10 9 8; do
  for python in $(ls -d "$pyenv_root"/versions/3."$minor".*/bin/python 2>/dev/null | sort -rV); do
    candidates+=("$python")
  done
done

for python in "${candidates[@]}"; do
  if supported "$python"; then
    echo "$python"
    exit 0
  fi
done
echo "No Python 3.8-3.10 found (Rasa 3.6 needs one): install Python 3.10, e.g. 'pyenv install 3.10', then run this again." >&2
exit 1
