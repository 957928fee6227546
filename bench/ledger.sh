#!/usr/bin/env bash
# Ledger benchmark: `bash bench/ledger.sh [appends] [proof-log-size]` (defaults 100000 and 1000000) on a private
# PostgreSQL; the proofs are also read through the real app (Release build, its own process) and audited with
# mirae-ledger. Prints the figures and writes bench/results/ledger.md.
set -euo pipefail
cd "$(dirname "$0")/.."; ROOT=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_CERT_REVOCATION_MODE=${NUGET_CERT_REVOCATION_MODE:-offline}
dotnet build bench/Mirae.LedgerBench -c Release -nologo -clp:ErrorsOnly
dotnet build src/Mirae.Web -c Release -nologo -clp:ErrorsOnly
dotnet build src/Mirae.Ledger.Cli -c Release -nologo -clp:ErrorsOnly
source "$ROOT/tools/postgres.sh"
trap 'stop_private_postgres' EXIT
start_private_postgres
dotnet "$ROOT/bench/Mirae.LedgerBench/bin/Release/net10.0/Mirae.LedgerBench.dll" "--connection=Host=127.0.0.1;Port=$PGPORT;Username=postgres" \
  "--appends=${1:-100000}" "--proof-size=${2:-1000000}" "--out=$ROOT/bench/results" \
  "--app=$ROOT/src/Mirae.Web/bin/Release/net10.0/Mirae.Web.dll" "--cli=$ROOT/src/Mirae.Ledger.Cli/bin/Release/net10.0/mirae-ledger.dll"
