#!/usr/bin/env bash
# A private PostgreSQL 15 cluster for this project: installed from Debian packages if absent,
# created under a directory of ours, listening on 127.0.0.1 only. Sourced by run.sh, test.sh
# and deploy/cluster.sh; as root the server runs as the `postgres` user (initdb refuses root).
#
#   pg_install                 install postgresql-15 when its binaries are missing
#   pg_start DIR PORT          create the cluster on first use, then start it
#   pg_stop DIR                stop it (fast shutdown: clients are disconnected, data is safe)
#   pg_create_db PORT NAME     create a database if it does not exist

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

_pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_install() {
  if [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] && command -v psql >/dev/null; then return 0; fi
  echo "Installing PostgreSQL 15 from Debian packages..."
  if [ "$(id -u)" != 0 ]; then echo "PostgreSQL 15 is missing; run as root or install postgresql-15 first." >&2; return 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 postgresql-client-15 >/dev/null
  # The Debian package starts its own cluster on 5432; ours are separate and that one is not needed.
  if command -v pg_ctlcluster >/dev/null; then pg_ctlcluster 15 main stop 2>/dev/null || true; fi
}

pg_start() {
  local dir=$1 port=$2
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$dir"
    # The postgres user must be able to reach the directory through its parents.
    local parent=$dir
    while [ "$parent" != / ]; do parent=$(dirname "$parent"); chmod o+x "$parent" 2>/dev/null || true; done
  fi
  if [ ! -f "$dir/PG_VERSION" ]; then
    _pg_as_owner "$PG_BIN/initdb" -D "$dir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 \
      || { echo "initdb failed, see $dir.initdb.log" >&2; return 1; }
    rm -f "$dir.initdb.log"
  fi
  if _pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" status >/dev/null 2>&1; then return 0; fi
  _pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" -w -t 60 -l "$dir/server.log" \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=400 -c shared_buffers=256MB" start >/dev/null \
    || { echo "PostgreSQL did not start, see $dir/server.log" >&2; tail -n 20 "$dir/server.log" >&2; return 1; }
}

pg_stop() {
  local dir=$1
  [ -f "$dir/PG_VERSION" ] || return 0
  _pg_as_owner "$PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
}

pg_create_db() {
  local port=$1 name=$2
  if ! psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -Atqc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1; then
    psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE DATABASE \"$name\"" >/dev/null
  fi
}
