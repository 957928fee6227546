#!/usr/bin/env bash
# Funded-task benchmark: `bash bench/tasks.sh [tasks] [expenses-per-task]` (defaults 1000 and 200): settlement of a whole
# program on SQLite and on a private PostgreSQL, and the expense page of a task with 2,000 expenses through the real app
# (Release build). Prints the figures and writes bench/results/tasks.md.
set -euo pipefail
cd "$(dirname "$0")/.."; ROOT=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_CERT_REVOCATION_MODE=${NUGET_CERT_REVOCATION_MODE:-offline}
dotnet build bench/Mirae.TaskBench -c Release -nologo -clp:ErrorsOnly
dotnet build src/Mirae.Web -c Release -nologo -clp:ErrorsOnly
source "$ROOT/tools/postgres.sh"
trap 'stop_private_postgres' EXIT
start_private_postgres
dotnet "$ROOT/bench/Mirae.TaskBench/bin/Release/net10.0/Mirae.TaskBench.dll" "--tasks=${1:-1000}" "--expenses=${2:-200}" \
  "--postgres=Host=127.0.0.1;Port=$PGPORT;Username=postgres" "--out=$ROOT/bench/results" "--app=$ROOT/src/Mirae.Web/bin/Release/net10.0/Mirae.Web.dll"
