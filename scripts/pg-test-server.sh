#!/usr/bin/env bash
# A private, throwaway PostgreSQL server for the test suite.
#
#   scripts/pg-test-server.sh start DIR   create a cluster in the empty dir DIR, start it on
#                                         127.0.0.1 (free port from 54329 up), create
#                                         database advisor_test with pg_trgm, and print
#                                         "export ADVISOR_TEST_DATABASE_URL=..." for eval
#   scripts/pg-test-server.sh env DIR     print that export line again
#   scripts/pg-test-server.sh stop DIR    stop the server (if running) and delete DIR
#
# Uses Debian's binaries (/usr/lib/postgresql/<newest>/bin), never the system cluster on
# 5432. initdb/postgres refuse to run as root, so as root everything runs as the
# `postgres` OS user; otherwise as yourself. Trust auth, fsync off: test data only.
set -euo pipefail

die() { echo "pg-test-server: $*" >&2; exit 1; }

[ $# = 2 ] || die "usage: $0 start|env|stop DIR"
cmd=$1
DIR=$(realpath -m "$2")
[ "$DIR" != / ] || die "refusing to use / as DIR"

# Run a PostgreSQL tool as the cluster's owner; cd into DIR because the postgres user may
# not be allowed into the caller's working directory (e.g. /root/project).
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    (cd "$DIR" && runuser -u postgres -- "$@")
  else
    (cd "$DIR" && "$@")
  fi
}

url() { echo "postgresql://postgres@127.0.0.1:$(cat "$DIR/port")/advisor_test"; }

case $cmd in
start)
  bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  [ -x "$bindir/initdb" ] || die "no PostgreSQL server binaries under /usr/lib/postgresql (run scripts/setup.sh)"
  [ -d "$DIR" ] || mkdir -p "$DIR"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || die "no 'postgres' OS user (is the postgresql package installed?)"
    chown postgres: "$DIR"
    as_owner test -w "$DIR" || die "user postgres cannot write $DIR (its parent dirs must be searchable)"
  fi
  echo "$bindir" > "$DIR/bindir"

  # First free port from 54329 up (5432 is left to any system cluster).
  port=$(python3 - <<'EOF'
import socket
for port in range(54329, 54429):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            continue
        print(port)
        break
EOF
)
  [ -n "$port" ] || die "no free port in 54329..54428"
  echo "$port" > "$DIR/port"

  # Explicit UTF8/C.UTF-8: CI may run with no LANG, which would give SQL_ASCII.
  as_owner "$bindir/initdb" -D "$DIR/data" -U postgres -A trust \
    --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
  cat >>"$DIR/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 50
EOF
  as_owner "$bindir/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 start >/dev/null \
    || { cat "$DIR/server.log" >&2; die "server did not start"; }

  psql=("$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres)
  "${psql[@]}" -d postgres -c 'CREATE DATABASE advisor_test' >&2
  "${psql[@]}" -d advisor_test -c 'CREATE EXTENSION IF NOT EXISTS pg_trgm' >&2
  echo "pg-test-server: PostgreSQL $(basename "$(dirname "$bindir")") on 127.0.0.1:$port, data in $DIR" >&2
  echo "export ADVISOR_TEST_DATABASE_URL=$(url)"
  ;;
env)
  echo "export ADVISOR_TEST_DATABASE_URL=$(url)"
  ;;
stop)
  [ -d "$DIR" ] || exit 0
  if [ -f "$DIR/data/postmaster.pid" ]; then
    bindir=$(cat "$DIR/bindir")
    pid=$(head -n1 "$DIR/data/postmaster.pid" 2>/dev/null || true)
    as_owner "$bindir/pg_ctl" -D "$DIR/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_owner "$bindir/pg_ctl" -D "$DIR/data" -m immediate -w -t 10 stop >/dev/null 2>&1 \
      || true
    # pg_ctl returns once the pid file is gone; wait for the postmaster itself to exit
    # (a zombie awaiting its reaper counts as gone), and kill it as a last resort, so
    # that no server outlives the test run.
    alive() { [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = postgres ] \
                && ! grep -q '^State:.*Z' "/proc/$pid/status" 2>/dev/null; }
    for _ in $(seq 50); do alive || break; sleep 0.1; done
    if alive; then kill -9 "$pid" 2>/dev/null || true; fi
  fi
  rm -rf "$DIR"
  ;;
*)
  die "unknown command: $cmd (start|env|stop)"
  ;;
esac
