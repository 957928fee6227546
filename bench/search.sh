#!/usr/bin/env bash
# Directory search benchmark: `bash bench/search.sh [products ...]` (default: 100000 1000000) on SQLite and on a
# private PostgreSQL. Prints the tables and writes bench/results/search-<provider>-<products>.md.
set -euo pipefail
cd "$(dirname "$0")/.."; ROOT=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_CERT_REVOCATION_MODE=${NUGET_CERT_REVOCATION_MODE:-offline}
SIZES=("${@:-100000 1000000}")
[ $# -gt 0 ] || SIZES=(100000 1000000)
dotnet build bench/Mirae.SearchBench -c Release -nologo -clp:ErrorsOnly
APP="$ROOT/src/Mirae.Web/bin/Release/net10.0/Mirae.Web.dll"
BENCH="$ROOT/bench/Mirae.SearchBench/bin/Release/net10.0/Mirae.SearchBench.dll"
# The SQLite files are kept between runs (filling 1M products takes about 18 minutes here); the bench reuses a filled one.
WORK=${MIRAE_BENCH_WORK:-/var/tmp/mirae-search-bench}
mkdir -p "$WORK"
source "$ROOT/tools/postgres.sh"
trap 'stop_private_postgres' EXIT
PG_EXTRA_OPTIONS="-c shared_buffers=512MB -c work_mem=32MB" start_private_postgres
for n in "${SIZES[@]}"; do
  dotnet "$BENCH" --provider Sqlite --connection "Data Source=$WORK/bench-$n.db" --products "$n" --app "$APP" --out "$ROOT/bench/results"
  psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE DATABASE bench_$n" >/dev/null
  dotnet "$BENCH" --provider Postgres --connection "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=bench_$n" --products "$n" --app "$APP" --out "$ROOT/bench/results"
done
