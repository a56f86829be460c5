#!/usr/bin/env bash
# Runs the platform on this machine with demo data: a private PostgreSQL under .data/,
# the database schema, and the portal with a co-hosted Orleans silo. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")"
source deploy/postgres.sh
source deploy/fonts.sh

PORTAL_PORT=${PORTAL_PORT:-5080}
PG_PORT=${PG_PORT:-55432}
PG_DIR=.data/postgres
DB=certification

pg_install
fonts_install
pg_start "$PG_DIR" "$PG_PORT"
stop_all() { pg_stop "$PG_DIR"; }
trap stop_all EXIT
pg_create_db "$PG_PORT" "$DB"

# Browser libraries of the portal (SignalR client) come from npm, pinned by package-lock.json.
if [ ! -d src/Portal/node_modules/@microsoft/signalr ] || [ ! -d src/Portal/node_modules/chart.js ] || [ src/Portal/package-lock.json -nt src/Portal/node_modules/.package-lock.json ]; then
  (cd src/Portal && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed in src/Portal" >&2; exit 1; }
fi

echo "Building the portal..."
dotnet build src/Portal/Certification.Portal.csproj -c Release -nologo -v quiet -clp:ErrorsOnly

export ConnectionStrings__Certification="Host=127.0.0.1;Port=$PG_PORT;Database=$DB;Username=postgres"
export Demo__Seed=true
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}
export Logging__Console__FormatterName=${Logging__Console__FormatterName:-simple}

cat <<MSG

  Portal:   http://127.0.0.1:$PORTAL_PORT
  Health:   http://127.0.0.1:$PORTAL_PORT/health
  Demo logins (password: Demo-2026!):
    admin@demo.pl       system administrator
    szkolenia@demo.pl   training administrator
    operator@demo.pl    exam operator
    asesor@demo.pl      assessor
    partner@demo.pl     partner administrator (the first demo client)
    kandydat@demo.pl    candidate
  Press Ctrl-C to stop the portal and the database.

MSG
# Not exec: the EXIT trap must still stop PostgreSQL when the portal ends.
dotnet src/Portal/bin/Release/net10.0/Certification.Portal.dll --urls "http://127.0.0.1:$PORTAL_PORT" --contentRoot "$PWD/src/Portal" &
portal=$!
trap 'kill -TERM $portal 2>/dev/null || true' INT TERM
wait $portal || true
wait $portal 2>/dev/null || true
