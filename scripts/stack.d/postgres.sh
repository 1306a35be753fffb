# shellcheck shell=bash
# scripts/stack.d/postgres.sh — the stack's PostgreSQL 15: initdb, start as the postgres
# user with the jobq roles and database, and stop.

PGBIN=/usr/lib/postgresql/15/bin

pgrun() {  # run a PostgreSQL binary as postgres
  (cd / && runuser -u postgres -- env -i PATH="$CLEAN_PATH" LANG=C.UTF-8 LC_ALL=C.UTF-8 "$@") 9>&-
}

# psql_admin ARGS...: psql as postgres on this stack (SQL on stdin unless ARGS say otherwise).
# shellcheck disable=SC2120  # every caller today feeds SQL on stdin; ARGS stay possible
psql_admin() {
  PGCONNECT_TIMEOUT=10 timeout 60 "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres "$@"
}


pg_start() {
  local sockdir="$P"
  install -d -o postgres -g postgres -m 700 "$P"
  if [[ ! -f "$P/data/PG_VERSION" ]]; then
    rm -rf "$P/data"
    pgrun "$PGBIN/initdb" -D "$P/data" -U postgres -A trust -E UTF8 --no-sync \
      >"$P/initdb.log" 2>&1 || { cat "$P/initdb.log" >&2; die "initdb failed"; }
  fi
  # A postmaster killed hard may linger as a zombie, and pg_ctl refuses to start while the
  # PID in postmaster.pid exists: give it a moment to be reaped.
  local old
  old=$(head -n1 "$P/data/postmaster.pid" 2>/dev/null | tr -dc '0-9') || true
  [[ -z "$old" ]] || proc_wait_gone "$old" 10 || true
  # Unix socket paths are limited to 107 bytes; beyond that, TCP only.
  (( ${#sockdir} + 20 < 107 )) || sockdir=""
  local opts="-p $PG_PORT -c listen_addresses=127.0.0.1 -k '$sockdir' -c fsync=on -c max_connections=400"
  if ! pgrun timeout -k 5 75 "$PGBIN/pg_ctl" -D "$P/data" -l "$P/postgres.log" -w -t 60 \
       -o "$opts" start </dev/null >"$P/pg_ctl.out" 2>&1; then
    cat "$P/pg_ctl.out" >&2; tail -n 15 "$P/postgres.log" >&2 || true
    echo "stack: PostgreSQL did not start" >&2
    return 1
  fi
  psql_admin >/dev/null <<'SQL' || { echo "stack: creating role/database jobq failed" >&2; return 1; }
SELECT 'CREATE ROLE jobq LOGIN PASSWORD ''jobq'' CREATEDB'
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq') \gexec
SELECT 'CREATE ROLE jobq_consumer LOGIN PASSWORD ''jobq_consumer'''
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_consumer') \gexec
SELECT 'CREATE ROLE jobq_cli LOGIN PASSWORD ''jobq_cli'''
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_cli') \gexec
-- the web console (jobq-web): reads, and cancels/retries/pauses through the CLI's functions
SELECT 'CREATE ROLE jobq_web LOGIN PASSWORD ''jobq_web'''
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_web') \gexec
-- applications: jobq_producer may call the SQL API only; jobq_app logs in as a member of it
SELECT 'CREATE ROLE jobq_producer NOLOGIN'
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_producer') \gexec
SELECT 'CREATE ROLE jobq_app LOGIN PASSWORD ''jobq_app'' IN ROLE jobq_producer'
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'jobq_app') \gexec
-- lets jobq (owning the tests' databases) set the SQL API's payload limit per database
GRANT SET ON PARAMETER jobq.max_payload TO jobq;
-- lets the tests' DROP DATABASE ... WITH (FORCE) end an autovacuum worker in the way
GRANT pg_signal_backend TO jobq;
SELECT 'CREATE DATABASE jobq OWNER jobq'
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'jobq') \gexec
SQL
}

pg_stop() {
  local pid
  if pid=$(pg_pid); then
    pgrun timeout -k 5 70 "$PGBIN/pg_ctl" -D "$P/data" -m fast -w -t 60 stop >/dev/null 2>&1 ||
      { echo "stack: pg_ctl stop failed; sending TERM to $pid" >&2; proc_terminate "$pid" 20; }
    say "stopped PostgreSQL (pid $pid)"
  else
    say "PostgreSQL was not running"
  fi
}

