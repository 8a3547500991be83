#!/usr/bin/env bash
# Stops the daemons that up.sh started (dockerd with its containerd, the registry) and removes
# .env so that tests report the testbed as down. Installed packages, images and registry
# storage stay, so the next up.sh is quick.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
state=${TESTBED_STATE_DIR:-/var/lib/aianalysis-e2e-testbed}

stop() { # name
  local pid_file=$state/$1.pid pid waited=0
  pid=$(cat "$pid_file" 2>/dev/null) || return 0
  if kill "$pid" 2>/dev/null; then
    printf 'testbed: stopping %s (pid %s)\n' "$1" "$pid" >&2
    # dockerd stops its containers and containerd first: give it time before insisting.
    while kill -0 "$pid" 2>/dev/null && ((waited < 100)); do
      sleep 0.2
      waited=$((waited + 1))
    done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pid_file"
}

rm -f "$here/.env"
stop registry
stop dockerd
