#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL 15 + PostGIS cluster.
#
#   scripts/with-postgres.sh .venv/bin/pytest -q -m postgres tests
#
# initdb + pg_ctl into a fresh temp dir, listening on a free loopback port and a unix
# socket inside that dir; creates database "frontlines_test" with the postgis extension,
# exports FRONTLINES_TEST_PG_DSN, runs the command, then stops the cluster and removes
# the dir, whatever the command's exit status. As root the server runs as the
# "postgres" user (PostgreSQL refuses to run as root).
# Needs: postgresql-15 and postgresql-15-postgis-3 (Debian), or PG_BIN pointing at the binaries.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]   (e.g. $0 .venv/bin/pytest -m postgres tests)" >&2
  exit 2
fi

PG_BIN=${PG_BIN:-}
if [ -z "$PG_BIN" ]; then
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [ -x "$d/initdb" ]; then PG_BIN=$d; break; fi
  done
fi
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  echo "with-postgres: initdb not found (install postgresql-15 postgresql-15-postgis-3, or set PG_BIN)" >&2
  exit 2
fi

RUN_AS=()
if [ "$(id -u)" -eq 0 ]; then
  PG_USER=${PG_USER:-postgres}
  if ! id "$PG_USER" >/dev/null 2>&1; then
    echo "with-postgres: running as root needs a '$PG_USER' user to run the server (create it or set PG_USER)" >&2
    exit 2
  fi
  RUN_AS=(runuser -u "$PG_USER" --)
fi

PGTMP=$(mktemp -d "${TMPDIR:-/tmp}/frontlines-pg.XXXXXX")
chmod 700 "$PGTMP"
if [ ${#RUN_AS[@]} -gt 0 ]; then chown "$PG_USER" "$PGTMP"; fi

cleanup() {
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PGTMP/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A free loopback port: bind to port 0 and read what the kernel gave.
PORT=${PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')}

"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$PGTMP/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
  >"$PGTMP/initdb.log" 2>&1 || { cat "$PGTMP/initdb.log" >&2; exit 2; }
"${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGTMP -c fsync=off -c full_page_writes=off" start >/dev/null \
  || { cat "$PGTMP/server.log" >&2; exit 2; }

psql_admin() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres "$@"; }
psql_admin -d postgres -c "CREATE DATABASE frontlines_test"
psql_admin -d frontlines_test -c "CREATE EXTENSION IF NOT EXISTS postgis" \
  || { echo "with-postgres: PostGIS is missing (apt-get install postgresql-15-postgis-3)" >&2; exit 2; }

export FRONTLINES_TEST_PG_DSN="postgresql://postgres@127.0.0.1:$PORT/frontlines_test"
export FRONTLINES_TEST_PG_ADMIN_DSN="postgresql://postgres@127.0.0.1:$PORT/postgres"
status=0
"$@" || status=$?
exit "$status"
