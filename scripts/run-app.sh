#!/usr/bin/env bash
# Start Service Advisor from this checkout; arguments go to main.py
# (e.g. --database postgresql://user:pass@host/db).
set -euo pipefail

cd "$(dirname "$0")/.."

# Only what the app needs: no PostgreSQL server, no LibreOffice.
scripts/setup.sh --app

# Qt aborts with a cryptic "could not connect to display" without a screen: say what to do.
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  cat >&2 <<'MSG'
run-app: no screen found (neither DISPLAY nor WAYLAND_DISPLAY is set).
  On a machine without a desktop, run it on a virtual X screen:
      xvfb-run -a ./scripts/run-app.sh
  or with no window at all: QT_QPA_PLATFORM=offscreen ./scripts/run-app.sh
MSG
  exit 1
fi

exec .venv/bin/python main.py "$@"
