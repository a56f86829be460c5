#!/usr/bin/env bash
# The practical exam's simulated CRM for assessors and administrators:
#   ./simulator.sh scenario --seed N             the brief and the task sheet of seed N, in Polish
#   ./simulator.sh replay --seed N --log FILE    rebuilds the sandbox from an exported action log (JSON)
#                                                and prints the checkers' verdict per criterion
# Only the simulator's text goes to standard output: the build is quiet and its errors go to standard error.
set -uo pipefail
root=$(cd "$(dirname "$0")" && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
project=$root/src/ExamSimulator/Cli/Certification.ExamSimulator.Cli.csproj
if ! build_output=$(dotnet build "$project" -c Release -nologo -v quiet -clp:ErrorsOnly 2>&1); then
  echo "$build_output" >&2
  echo "The simulator could not be built." >&2
  exit 1
fi
exec dotnet "$root/src/ExamSimulator/Cli/bin/Release/net10.0/Certification.ExamSimulator.Cli.dll" "$@"
