#!/usr/bin/env bash
# Runs the platform as a cluster on this machine: two Certification.Silo processes and one portal
# that is only an Orleans client of them (Orleans:Mode=Client), all on the PostgreSQL of ./run.sh
# (.data/postgres, same data). Kill either silo (its PID is printed) and the portal keeps serving:
# the grains that lived on it re-activate on the other silo from PostgreSQL once the cluster has
# declared it dead (about 30 s with the default membership settings). Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
source deploy/postgres.sh
source deploy/fonts.sh

PORTAL_PORT=${PORTAL_PORT:-5080}
PG_PORT=${PG_PORT:-55432}
PG_DIR=.data/postgres
DB=certification
LOGS=.data/cluster-logs

pg_install
fonts_install
pg_start "$PG_DIR" "$PG_PORT"
pids=()
stop_all() {
  # Portal first, then the silos (each leaves the cluster gracefully), then the database they write to.
  local pid i
  for pid in $(printf '%s\n' "${pids[@]}" | tac); do
    kill -TERM "$pid" 2>/dev/null || continue
    for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  pg_stop "$PG_DIR"
}
trap stop_all EXIT
trap 'exit 130' INT TERM
pg_create_db "$PG_PORT" "$DB"

if [ ! -d src/Portal/node_modules/@microsoft/signalr ] || [ ! -d src/Portal/node_modules/chart.js ]; then
  (cd src/Portal && npm ci --no-audit --no-fund --loglevel=error)
fi

echo "Building the silo and the portal..."
dotnet build src/Silo/Certification.Silo.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build src/Portal/Certification.Portal.csproj -c Release -nologo -v quiet -clp:ErrorsOnly

export ConnectionStrings__Certification="Host=127.0.0.1;Port=$PG_PORT;Database=$DB;Username=postgres"
export Orleans__ClusterId=certification-local
export Logging__Console__FormatterName=simple
mkdir -p "$LOGS"

start_silo() {
  local name=$1 silo_port=$2 gateway_port=$3
  # From its output folder, where its appsettings.json is.
  (cd src/Silo/bin/Release/net10.0 && Orleans__SiloPort=$silo_port Orleans__GatewayPort=$gateway_port DOTNET_ENVIRONMENT=Production \
    exec dotnet Certification.Silo.dll) >"$LOGS/$name.log" 2>&1 &
  pids+=($!)
  echo "  $name: PID $! (silo port $silo_port, gateway $gateway_port, log $LOGS/$name.log)"
}

active_silos() {
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DB" -Atqc \
    "SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = '$Orleans__ClusterId' AND status = 3 AND port IN (11121, 11122)" 2>/dev/null || echo 0
}

echo "Starting two silos..."
start_silo silo-1 11121 30021
start_silo silo-2 11122 30022
for _ in $(seq 1 120); do
  [ "$(active_silos)" = 2 ] && break
  sleep 0.5
done
[ "$(active_silos)" = 2 ] || { echo "The silos did not become active; see $LOGS/" >&2; exit 1; }

echo "Starting the portal as a client of the cluster..."
Orleans__Mode=Client Demo__Seed=true ASPNETCORE_ENVIRONMENT=Production \
  dotnet src/Portal/bin/Release/net10.0/Certification.Portal.dll --urls "http://127.0.0.1:$PORTAL_PORT" --contentRoot "$PWD/src/Portal" \
  >"$LOGS/portal.log" 2>&1 &
pids+=($!)

cat <<MSG

  Portal:   http://127.0.0.1:$PORTAL_PORT   (PID ${pids[2]}, log $LOGS/portal.log)
  Health:   http://127.0.0.1:$PORTAL_PORT/health   (shows how many silos are active)
  Try:      kill -9 ${pids[0]}   then keep using the portal.
  Demo logins as printed by ./run.sh (password Demo-2026!). Ctrl-C stops everything.

MSG
wait "${pids[2]}"
