#!/usr/bin/env bash
# Waits until something answers HTTP on http://localhost:PORT/PATH (default 120 s).
set -u
port=$1 path=${2:-} seconds=${3:-120}
cd "$(dirname "$0")/.."
exec .venv/bin/python - "$port" "$path" "$seconds" <<'PY'
import sys, time, urllib.request
port, path, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3])
deadline = time.monotonic() + seconds
while time.monotonic() < deadline:
    try:
        urllib.request.urlopen(f"http://localhost:{port}/{path}", timeout=2)
        sys.exit(0)
    except Exception:
        time.sleep(0.5)
print(f"Nothing answered on port {port} after {seconds} s.", file=sys.stderr)
sys.exit(1)
PY
