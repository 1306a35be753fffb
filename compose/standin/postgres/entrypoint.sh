#!/bin/sh
# Entry point of the PostgreSQL stand-in image (compose/standin/postgres/Dockerfile): as root,
# on an empty $PGDATA makes the cluster (superuser $POSTGRES_USER with $POSTGRES_PASSWORD,
# database $POSTGRES_DB, password logins over TCP from anywhere, trust on the local socket),
# then runs the server as postgres (exec: it gets the stop signal). The cluster is made
# with the server offline (initdb, then single-user mode for the database), so nothing answers
# on TCP before it is complete and the health check cannot pass early.
set -eu
if [ "${1:-}" = postgres ]; then
  : "${POSTGRES_USER:=postgres}" "${POSTGRES_DB:=$POSTGRES_USER}"
  install -d -o postgres -g postgres -m 2775 /var/run/postgresql
  chown postgres:postgres "$PGDATA"
  chmod 0700 "$PGDATA"
  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    if [ -z "${POSTGRES_PASSWORD:-}" ]; then
      echo "jobq-standin-entrypoint: POSTGRES_PASSWORD is not set (needed for a new cluster in $PGDATA)" >&2
      exit 1
    fi
    pw=$(mktemp)
    printf '%s\n' "$POSTGRES_PASSWORD" >"$pw"
    chown postgres "$pw"
    setpriv --reuid postgres --regid postgres --init-groups \
      initdb -D "$PGDATA" -U "$POSTGRES_USER" --pwfile="$pw" -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    rm -f "$pw"
    echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"
    echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
    if [ "$POSTGRES_DB" != postgres ]; then
      echo "CREATE DATABASE \"$POSTGRES_DB\"" |
        setpriv --reuid postgres --regid postgres --init-groups \
          postgres --single -D "$PGDATA" postgres >/dev/null
    fi
    echo "jobq-standin-entrypoint: new cluster in $PGDATA (user $POSTGRES_USER, database $POSTGRES_DB)"
  fi
  shift
  exec setpriv --reuid postgres --regid postgres --init-groups postgres -D "$PGDATA" "$@"
fi
exec "$@"
