#!/usr/bin/env bash
# Runs every test of Certification.sln against a throw-away PostgreSQL (its own directory and
# port, removed at the end), Debian's Chromium for the browser tests and Debian's aiosmtpd for the
# mail tests. Installs what is missing.
# Ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
source deploy/postgres.sh
source deploy/fonts.sh

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

pg_install || exit 1
fonts_install || exit 1
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium from Debian packages for the browser tests..."
  apt_install chromium || { echo "Could not install chromium" >&2; exit 1; }
fi
# The mail tests talk to a real SMTP server: Debian's aiosmtpd, run by Debian's python3.
if ! /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then
  echo "Installing aiosmtpd from Debian packages for the mail tests..."
  apt_install python3-aiosmtpd || { echo "Could not install python3-aiosmtpd" >&2; exit 1; }
fi

# Browser libraries of the portal (SignalR client) come from npm, pinned by package-lock.json.
if [ ! -d src/Portal/node_modules/@microsoft/signalr ] || [ ! -d src/Portal/node_modules/chart.js ] || [ src/Portal/package-lock.json -nt src/Portal/node_modules/.package-lock.json ]; then
  (cd src/Portal && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed in src/Portal" >&2; exit 1; }
fi

# A port nobody listens on, so a running ./run.sh or another test run is never touched.
port=${TEST_PG_PORT:-55433}
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
work=.test-data/run-$$
pg_dir=$work/postgres
cleanup() { pg_stop "$pg_dir"; rm -rf "$work"; }
trap cleanup EXIT
pg_start "$pg_dir" "$port" || exit 1

export CERT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Database=postgres;Username=postgres"
export CERT_CHROMIUM=/usr/bin/chromium
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "Building..."
if ! dotnet build Certification.sln -c Release -nologo -v quiet -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"
  exit 1
fi

results=$work/results
dotnet test Certification.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
status=$?

passed=0 failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
done
# A test host that crashed leaves no counters: never report that as green.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit $status
