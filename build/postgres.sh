#!/usr/bin/env bash
# A PostgreSQL server for the tests, on this machine only (loopback, a port of its own, a throwaway cluster).
#   build/postgres.sh start [--fresh]
#                             installs Debian's postgresql when missing, creates the cluster once, starts it, and prints
#                             the connection string the tests read from INCUBATOR_TEST_POSTGRES; --fresh first drops
#                             the cluster of an earlier run and every test database in it
#   build/postgres.sh stop
# The cluster trades durability for speed (fsync off): the tests kill hosts, never this server. Never use it for data.
# INCUBATOR_POSTGRES_DURABLE=1 keeps PostgreSQL's defaults (fsync, synchronous commit): the benchmark's cluster, where an
# answered write must be on disk as it is for SQLite.
set -euo pipefail
port=${INCUBATOR_TEST_POSTGRES_PORT:-55432}
cluster=${INCUBATOR_TEST_POSTGRES_DIR:-/tmp/incubator-test-postgres-$port}
log="$cluster.log"

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# initdb and postgres refuse to run as root: as root, the cluster belongs to the package's postgres account.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    if [ -z "$(bindir)" ]; then
      echo "== installing postgresql" >&2
      sudo=""
      [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo="sudo"
      $sudo apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
      # Debian's package starts a cluster of its own on 5432; the tests use theirs.
    fi
    bin=$(bindir)
    [ -n "$bin" ] || { echo "postgresql could not be installed" >&2; exit 1; }
    if [ "${2:-}" = "--fresh" ] && [ -f "$cluster/PG_VERSION" ]; then
      as_owner "$bin/pg_ctl" -D "$cluster" -m immediate -w stop >/dev/null 2>&1 || true
      rm -rf "$cluster"
    fi
    if [ ! -f "$cluster/PG_VERSION" ]; then
      rm -rf "$cluster"
      mkdir -p "$cluster"
      [ "$(id -u)" -eq 0 ] && chown postgres "$cluster"
      as_owner "$bin/initdb" -D "$cluster" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_owner "$bin/pg_ctl" -D "$cluster" status >/dev/null 2>&1; then
      touch "$log"
      [ "$(id -u)" -eq 0 ] && chown postgres "$log"
      options="-p $port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=400"
      [ "${INCUBATOR_POSTGRES_DURABLE:-0}" = "1" ] || options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
      as_owner "$bin/pg_ctl" -D "$cluster" -l "$log" -w -t 60 start -o "$options" >/dev/null
    fi
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Include Error Detail=true"
    ;;
  stop)
    bin=$(bindir)
    if [ -n "$bin" ] && [ -f "$cluster/PG_VERSION" ]; then
      as_owner "$bin/pg_ctl" -D "$cluster" -m fast -w stop >/dev/null 2>&1 || true
    fi
    ;;
  *)
    echo "usage: $0 start | stop" >&2; exit 2 ;;
esac
