#!/usr/bin/env bash
# A project-local PostgreSQL server, for ./run.sh and the tests.
#   scripts/postgres.sh start DATA_DIR PORT   initialise (first time) and start; prints the connection string
#   scripts/postgres.sh stop DATA_DIR         stop it
#   scripts/postgres.sh destroy DATA_DIR      stop it and delete its files (throwaway servers)
# PG_FSYNC=off (tests only) trades crash durability of the whole machine for speed.
# PG_OPTIONS adds server options (the benchmark's profile mode loads pg_stat_statements with it).
set -euo pipefail

die() { echo "postgres.sh: $*" >&2; exit 1; }

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$dir" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "postgres.sh: no PostgreSQL server found; installing it with apt-get" >&2
    # The package's own service is not wanted; only its binaries.
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  fi
  [ -n "$dir" ] || die "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin; install them (Debian/Ubuntu: 'sudo apt-get install postgresql') or set ConnectionStrings__Postgres"
  echo "$dir"
}

# initdb and the server refuse to run as root: as root they run as the 'postgres' user.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

cmd=${1:-}; data=${2:-}
[ -n "$cmd" ] && [ -n "$data" ] || die "usage: postgres.sh start DATA_DIR PORT | stop DATA_DIR | destroy DATA_DIR"
bin=$(find_bin)

case "$cmd" in
  start)
    port=${3:?port}
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && { id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres; chown postgres "$data"; }
    chmod 700 "$data"
    if [ ! -f "$data/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --no-locale >"$data.initdb.log" 2>&1 \
        || { cat "$data.initdb.log" >&2; die "initdb failed"; }
    fi
    if ! as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
      as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=${PG_FSYNC:-on} -c max_connections=200 ${PG_OPTIONS:-}" start >/dev/null \
        || { tail -n 20 "$data/server.log" >&2; die "the server did not start (is port $port free?)"; }
    fi
    exists=$("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = 'usergraph'")
    [ "$exists" = 1 ] || "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE DATABASE usergraph" >/dev/null
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=usergraph"
    ;;
  stop)
    [ -f "$data/PG_VERSION" ] || exit 0
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
    ;;
  destroy)
    [ ! -f "$data/PG_VERSION" ] || as_owner "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$data" "$data.initdb.log"
    ;;
  *) die "unknown command $cmd" ;;
esac
