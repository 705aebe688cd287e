#!/usr/bin/env bash
# Makes sure Debian's PostgreSQL and Redis are installed for the scale-out test
# (tests/test_scale.py starts its own throwaway instances; nothing runs as a system service).
set -euo pipefail
missing=()
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
[ ${#missing[@]} -eq 0 ] || "$(dirname "$0")/apt-install.sh" "the scale-out test needs Debian's PostgreSQL and Redis" "${missing[@]}"
