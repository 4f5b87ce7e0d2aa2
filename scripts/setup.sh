#!/usr/bin/env bash
# Prepare this checkout on Debian 12: system packages + .venv with the project installed.
#
#   scripts/setup.sh                 what the tests need (Qt libs, fonts, poppler, PostgreSQL)
#   scripts/setup.sh --app           only what running the app needs (no PostgreSQL/LibreOffice)
#   scripts/setup.sh --with-office   also LibreOffice Calc (big; opens exported .xlsx in tests)
#                                    (same as SETUP_OFFICE=1)
#
# Idempotent and quick on a second run: apt is only touched when a package is missing,
# pip only when pyproject.toml changed since the last install.
set -euo pipefail

cd "$(dirname "$0")/.."

MODE=full
OFFICE=${SETUP_OFFICE:-0}
for arg in "$@"; do
  case $arg in
    --app) MODE=app ;;
    --with-office) OFFICE=1 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown option: $arg" >&2; exit 2 ;;
  esac
done

say() { printf 'setup: %s\n' "$*"; }

# ---- Python: the project needs >= 3.11 (pyproject requires-python) ----------------------
PYTHON=${PYTHON:-python3}
if ! command -v "$PYTHON" >/dev/null; then
  echo "setup: $PYTHON not found; install Python 3.11+ (Debian 12: apt-get install python3 python3-venv)" >&2
  exit 1
fi
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "setup: Python 3.11 or newer is required, but $PYTHON is $("$PYTHON" -V 2>&1)." >&2
  echo "setup: install a newer python3 (Debian 12 ships 3.11) or run with PYTHON=/path/to/python3.11" >&2
  exit 1
fi

# ---- Debian packages ------------------------------------------------------------------
# Qt's offscreen platform (tests) and its xcb platform (a real window, also under Xvfb).
PKGS=(libgl1 libegl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3
      xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
      libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0
      fonts-wqy-microhei   # CJK glyphs for the UI (PDFs use the copy in resources/fonts)
      fonts-noto-color-emoji  # emoji customers type show on screen, not as boxes
      poppler-utils)       # pdftoppm/pdftotext: look at generated PDFs
if [ "$MODE" = full ]; then
  PKGS+=(postgresql postgresql-contrib)   # tests run a private server; contrib = pg_trgm
fi
if [ "$OFFICE" = 1 ]; then
  PKGS+=(libreoffice-calc-nogui)          # tests open exported .xlsx files in real Calc
fi

missing=()
if command -v dpkg >/dev/null; then
  for p in "${PKGS[@]}"; do
    dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$p")
  done
else
  say "not a Debian system: make sure the equivalents of these are installed: ${PKGS[*]}"
fi

if [ ${#missing[@]} -gt 0 ]; then
  say "installing missing Debian packages: ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null && { [ -t 0 ] || sudo -n true 2>/dev/null; }; then
    as_root=(sudo)   # only when it can work: a password prompt needs a terminal
  else
    say "WARNING: not root and no usable sudo; carrying on without them. As root, run:"
    say "  apt-get update && apt-get install --no-install-recommends ${missing[*]}"
    missing=()
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    "${as_root[@]}" apt-get update -q
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
fi

# ---- virtualenv -----------------------------------------------------------------------
# A .venv copied from another machine (or from a removed Python) has a dead interpreter:
# rebuild it rather than fail later with a confusing error.
if [ -d .venv ] && ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  say ".venv is broken or too old; recreating it"
  rm -rf .venv
fi
if [ ! -x .venv/bin/python ]; then
  say "creating .venv with $("$PYTHON" -V 2>&1)"
  "$PYTHON" -m venv .venv
fi

# pip only when pyproject.toml changed since the last successful install (stamp = its hash).
STAMP=.venv/.setup-pyproject.sha256
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ "$(cat "$STAMP" 2>/dev/null)" != "$want" ]; then
  say "installing the project and dev tools into .venv (pip install -e '.[dev]')"
  .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[dev]'
  echo "$want" > "$STAMP"
fi

# ---- translations: every resources/translations/*_zh_CN.ts → .qm (only when stale) --------
# The app also rebuilds a missing/stale .qm at start (ui/i18n.py); this keeps a read-only
# install and the first start quick.
for ts in resources/translations/*_zh_CN.ts; do
  [ -e "$ts" ] || continue
  qm=${ts%.ts}.qm
  if [ ! -e "$qm" ] || [ "$ts" -nt "$qm" ]; then
    say "compiling $(basename "$ts")"
    .venv/bin/pyside6-lrelease -silent "$ts" -qm "$qm"
  fi
done
# ---- byte-code: compiled once here, so no start pays for it (Python would write it at the
# first start anyway, unless PYTHONDONTWRITEBYTECODE is set or the folder is read-only).
.venv/bin/python -m compileall -q advisor ui reports main.py >/dev/null

say "ready ($MODE$([ "$OFFICE" = 1 ] && echo ', with office'))"
