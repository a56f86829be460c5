#!/usr/bin/env bash
# Benchmarks of the platform against its own throw-away PostgreSQL (.bench-data/, removed at the end)
# and the portal started as its own process, as in production.
#
#   ./bench.sh theory [--candidates N] [--seconds S] [--fast]
#   ./bench.sh certificates [--count N]
#
# theory: N candidates sign in (not measured), open their theory tests within the same 5 seconds,
# then answer for S seconds (think time 0-2 s, or none with --fast); every acknowledged answer is
# checked in attempt_event.
# certificates: N certificate PDFs (default 1,000), each of its own holder and number, rendered on every
# core through the document seam the portal's downloads use; pure CPU work, so no database or portal.
# The last line printed is one JSON object with the figures.
set -euo pipefail
cd "$(dirname "$0")"
source deploy/postgres.sh

usage() { echo "usage: ./bench.sh theory [--candidates N] [--seconds S] [--fast] | certificates [--count N]" >&2; exit 2; }

if [ "${1:-}" = certificates ]; then
  shift
  count=1000
  while [ $# -gt 0 ]; do
    case $1 in
      --count) count=${2:?}; shift 2 ;;
      *) usage ;;
    esac
  done
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
  echo "Building (Release)..."
  dotnet build tests/Certification.Benchmarks/Certification.Benchmarks.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
  exec dotnet tests/Certification.Benchmarks/bin/Release/net10.0/Certification.Benchmarks.dll certificates --count "$count"
fi

[ "${1:-}" = theory ] || usage
shift
candidates=2000 seconds=60 fast=
while [ $# -gt 0 ]; do
  case $1 in
    --candidates) candidates=${2:?}; shift 2 ;;
    --seconds) seconds=${2:?}; shift 2 ;;
    --fast) fast=--fast; shift ;;
    *) usage ;;
  esac
done

free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

work=.bench-data
pg_dir=$work/pg
portal=
cleanup() {
  if [ -n "$portal" ]; then kill -TERM "$portal" 2>/dev/null || true; wait "$portal" 2>/dev/null || true; fi
  pg_stop "$pg_dir"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pg_install
# Browser libraries of the portal (SignalR client) come from npm, pinned by package-lock.json.
if [ ! -d src/Portal/node_modules/@microsoft/signalr ] || [ src/Portal/package-lock.json -nt src/Portal/node_modules/.package-lock.json ]; then
  (cd src/Portal && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed in src/Portal" >&2; exit 1; }
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "Building (Release)..."
dotnet build src/Portal/Certification.Portal.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build tests/Certification.Benchmarks/Certification.Benchmarks.csproj -c Release -nologo -v quiet -clp:ErrorsOnly

pg_port=$(free_port 56432)
rm -rf "$work"
pg_start "$pg_dir" "$pg_port"
pg_create_db "$pg_port" bench
connection="Host=127.0.0.1;Port=$pg_port;Database=bench;Username=postgres"

portal_port=$(free_port 5180)
silo_port=$(free_port 12111)
gateway_port=$(free_port 31000)
[ "$gateway_port" != "$silo_port" ] || gateway_port=$(free_port $((silo_port + 1)))
portal_url=http://127.0.0.1:$portal_port
echo "PostgreSQL on $pg_port; portal on $portal_port (silo $silo_port, gateway $gateway_port)"
ConnectionStrings__Certification="$connection" \
Orleans__ClusterId=bench Orleans__SiloPort=$silo_port Orleans__GatewayPort=$gateway_port \
Demo__Seed=false Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production \
  dotnet src/Portal/bin/Release/net10.0/Certification.Portal.dll --urls "$portal_url" --contentRoot "$PWD/src/Portal" \
  >"$work/portal.log" 2>&1 &
portal=$!

for _ in $(seq 1 120); do
  if curl -fsS "$portal_url/health" 2>/dev/null | grep -q Healthy; then break; fi
  if ! kill -0 "$portal" 2>/dev/null; then echo "The portal exited; its log:" >&2; tail -n 40 "$work/portal.log" >&2; exit 1; fi
  sleep 1
done
curl -fsS "$portal_url/health" | grep -q Healthy || { echo "The portal is not healthy after 120 s" >&2; tail -n 40 "$work/portal.log" >&2; exit 1; }
echo "Portal healthy (pid $portal)."

status=0
dotnet tests/Certification.Benchmarks/bin/Release/net10.0/Certification.Benchmarks.dll \
  theory "$portal_url" "$connection" bench "$candidates" "$seconds" "$portal" $fast || status=$?
if [ $status -ne 0 ]; then echo "Portal log (last lines):" >&2; tail -n 20 "$work/portal.log" >&2; fi
exit $status
