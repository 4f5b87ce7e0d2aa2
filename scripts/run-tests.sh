#!/usr/bin/env bash
# Run the whole test suite twice: (a) on SQLite, (b) on a private PostgreSQL server that
# this script starts and always removes again. Extra arguments go to pytest (e.g. -k foo).
#
#   SKIP_POSTGRES=1   skip run (b)
#
# Exits non-zero if either run fails, or if pytest ran no tests at all.
set -euo pipefail

cd "$(dirname "$0")/.."

# Everything the tests need, LibreOffice included (CI starts from a bare machine).
SETUP_OFFICE=1 scripts/setup.sh

export QT_QPA_PLATFORM=offscreen   # no screen in CI; Qt must not look for one

TMP=$(mktemp -d "/tmp/advisor-tests.XXXXXX")
chmod 711 "$TMP"   # as root, the server runs as user postgres, which must get into $TMP/pg
PG_DIR=$TMP/pg
cleanup() {
  # Always runs (EXIT trap): no server and no temp dir survive a failure or a Ctrl-C.
  [ -d "$PG_DIR" ] && scripts/pg-test-server.sh stop "$PG_DIR" || true
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT     # turn signals into a normal exit so the EXIT trap runs
trap 'exit 143' TERM

declare -A RESULT COUNTS

# run_pytest NAME [pytest args...]: records RESULT[NAME] and COUNTS[NAME].
run_pytest() {
  local name=$1; shift
  local xml=$TMP/$name.xml rc=0
  echo
  echo "=============== run-tests: $name ==============="
  .venv/bin/python -m pytest --junitxml="$xml" "$@" || rc=$?
  case $rc in
    0) RESULT[$name]=passed ;;
    5) RESULT[$name]="FAILED (no tests ran)"
       echo "run-tests: ERROR: pytest collected/ran no tests on $name: no tests ran" >&2 ;;
    *) RESULT[$name]="FAILED (pytest exit $rc)" ;;
  esac
  # passed/failed/skipped from the JUnit XML, for the closing line.
  COUNTS[$name]=$(.venv/bin/python - "$xml" <<'EOF' 2>/dev/null || echo "0 0 0"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
s = root if root.tag == "testsuite" else root.find("testsuite")
t, f, e, sk = (int(s.get(k, 0)) for k in ("tests", "failures", "errors", "skipped"))
print(t - f - e - sk, f + e, sk)
EOF
)
}

# (0) Static checks: lint and types (seconds; a failure fails the run, after the tests).
echo "=============== run-tests: static checks ==============="
static_rc=0
.venv/bin/ruff check . || static_rc=1
.venv/bin/ruff format --check . || static_rc=1  # the formatter's layout, tables excepted (# fmt: skip)
.venv/bin/mypy advisor reports ui || static_rc=1
RESULT[static]=$([ $static_rc = 0 ] && echo passed || echo "FAILED (ruff/format/mypy)")

# (a) SQLite: the default when no test database URL is set.
unset ADVISOR_TEST_DATABASE_URL
run_pytest sqlite "$@"

# (b) PostgreSQL on a private server.
if [ "${SKIP_POSTGRES:-0}" = 1 ]; then
  RESULT[postgres]="skipped (SKIP_POSTGRES=1)"
else
  pg_env=$(scripts/pg-test-server.sh start "$PG_DIR")   # fails the script if it fails
  eval "$pg_env"   # export ADVISOR_TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:PORT/advisor_test
  run_pytest postgres "$@"
  scripts/pg-test-server.sh stop "$PG_DIR"
fi

# Closing lines: per run, then the totals alone on the last line.
total_p=0 total_f=0 total_s=0 status=0 summary=""
for name in static sqlite postgres; do
  summary+="${summary:+; }$name ${RESULT[$name]}"
  [[ ${RESULT[$name]} == passed || ${RESULT[$name]} == skipped* ]] || status=1
  if [ -n "${COUNTS[$name]:-}" ]; then
    read -r p f s <<<"${COUNTS[$name]}"
    total_p=$((total_p + p)) total_f=$((total_f + f)) total_s=$((total_s + s))
  fi
done
echo
echo "run-tests: $summary"
echo "run-tests: $total_p passed, $total_f failed, $total_s skipped"
exit $status
