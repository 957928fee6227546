#!/usr/bin/env bash
# Matching benchmark: `bash bench/matching.sh [products]` (default 100000) on SQLite and on a private PostgreSQL.
# Prints the figures and writes bench/results/matching-<provider>-<products>.md.
set -euo pipefail
cd "$(dirname "$0")/.."; ROOT=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_CERT_REVOCATION_MODE=${NUGET_CERT_REVOCATION_MODE:-offline}
N=${1:-100000}
dotnet build bench/Mirae.MatchingBench -c Release -nologo -clp:ErrorsOnly
APP="$ROOT/src/Mirae.Web/bin/Release/net10.0/Mirae.Web.dll"
BENCH="$ROOT/bench/Mirae.MatchingBench/bin/Release/net10.0/Mirae.MatchingBench.dll"
WORK=$(mktemp -d /tmp/mirae-matching-bench.XXXXXX)
source "$ROOT/tools/postgres.sh"
trap 'stop_private_postgres; rm -rf "$WORK"' EXIT
start_private_postgres
dotnet "$BENCH" --provider=Sqlite "--connection=Data Source=$WORK/matching.db" --products="$N" --app="$APP" --out="$ROOT/bench/results"
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE DATABASE matching" >/dev/null
dotnet "$BENCH" --provider=Postgres "--connection=Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=matching" --products="$N" --app="$APP" --out="$ROOT/bench/results"
