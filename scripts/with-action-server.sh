#!/usr/bin/env bash
# Runs a command with the action server started in the background, and stops the
# action server when the command ends (however it ends).
#   scripts/with-action-server.sh .venv/bin/python -m rasa_server shell
# ACTION_SERVER_PORT picks its port (default 5055, as endpoints.yml says).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p logs
port=${ACTION_SERVER_PORT:-5055}
.venv/bin/python -m actions.server --actions actions --port "$port" >logs/action-server.log 2>&1 &
action_server=$!
trap 'kill "$action_server" 2>/dev/null; wait "$action_server" 2>/dev/null || true' EXIT
if ! scripts/wait-for-port.sh "$port" health 60; then
  echo "The action server did not start; its log (logs/action-server.log) ends with:" >&2
  tail -n 5 logs/action-server.log >&2
  exit 1
fi
"$@"
