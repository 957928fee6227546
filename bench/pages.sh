#!/usr/bin/env bash
# Page-level load benchmark: `bash bench/pages.sh [seconds]` (default 10 per page).
# Runs the Release build on a fresh SQLite database with the demo data on 127.0.0.1, loads each page with wrk (Debian;
# installed if missing) from 32 connections for the given time, and measures the server's CPU per request at 4
# connections from /proc. Prints a table and writes bench/results/pages.md. Loopback only; bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."; ROOT=$PWD
SECONDS_PER_PAGE=${1:-10}
PORT=${MIRAE_BENCH_PORT:-5099}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_CERT_REVOCATION_MODE=${NUGET_CERT_REVOCATION_MODE:-offline}
if ! command -v wrk >/dev/null; then
  (apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }) \
    || { echo "wrk is missing and could not be installed (apt-get install wrk)" >&2; exit 1; }
fi
dotnet build src/Mirae.Web -c Release -nologo -clp:ErrorsOnly
WORK=$(mktemp -d /tmp/mirae-pages-bench.XXXXXX)
APP_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
BASE="http://127.0.0.1:$PORT"
( cd src/Mirae.Web && ASPNETCORE_ENVIRONMENT=Production exec dotnet bin/Release/net10.0/Mirae.Web.dll --urls "$BASE" \
    --ConnectionStrings:Default="Data Source=$WORK/bench.db" --Seed:Demo=true --Scheduler:Enabled=false \
    --Logging:LogLevel:Default=Warning >"$WORK/app.log" 2>&1 ) &
APP_PID=$!
for _ in $(seq 1 120); do curl -sf "$BASE/health" >/dev/null && break; sleep 1; done
curl -sf "$BASE/health" >/dev/null || { cat "$WORK/app.log"; echo "the app did not start" >&2; exit 1; }

urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
Q=$(urlencode "배지")
PRODUCT=$(curl -sf "$BASE/api/v1/products?q=$Q&pageSize=1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["id"])')
curl -sf "$BASE/api/v1/materials" | python3 -c '
import json, sys, urllib.parse
for m in json.load(sys.stdin): print(urllib.parse.quote(m["nameKo"]))' >"$WORK/queries.txt"
export WRK_QUERIES="$WORK/queries.txt"

# name | path | wrk script (optional)
PAGES=(
  "directory page, q=배지|/directory?q=$Q|"
  "directory page, 30 material queries × 3 pages × 2 orders|/directory|$ROOT/bench/pages/mix.lua"
  "directory page, no query|/directory|"
  "directory page, certificate filter|/directory?cert=ISO9001|"
  "products API, q=배지|/api/v1/products?q=$Q|"
  "call list|/calls|"
  "product page|/directory/products/$PRODUCT|"
)

# Warm every page first (JIT tiers, the engine's caches), so that the first page measured is not the coldest.
for entry in "${PAGES[@]}"; do
  IFS='|' read -r _ path script <<<"$entry"
  args=(); [ -n "$script" ] && args=(-s "$script")
  wrk -t2 -c32 -d4s "${args[@]}" "$BASE$path" >/dev/null
done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); printf "%.1f", v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.1f", v } else { sub(/s$/, "", v); printf "%.1f", v * 1000 } }'; }
HZ=$(getconf CLK_TCK)
ROWS=()
for entry in "${PAGES[@]}"; do
  IFS='|' read -r name path script <<<"$entry"
  args=(); [ -n "$script" ] && args=(-s "$script")
  load=$(wrk -t2 -c32 -d"${SECONDS_PER_PAGE}s" --latency "${args[@]}" "$BASE$path")
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$load")
  p50=$(ms "$(awk '$1 == "50%" {print $2}' <<<"$load")")
  p99=$(ms "$(awk '$1 == "99%" {print $2}' <<<"$load")")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$load" | tr '\n' ' ')
  before=$(cpu_ticks)
  light=$(wrk -t1 -c4 -d5s "${args[@]}" "$BASE$path")
  after=$(cpu_ticks)
  count=$(awk '/requests in/ {print $1}' <<<"$light")
  cpu=$(awk -v t=$((after - before)) -v n="$count" -v hz="$HZ" 'BEGIN { printf "%.2f", t * 1000 / hz / n }')
  ROWS+=("| $name | \`$path\` | $rps | $p50 | $p99 | $cpu | ${errors:-} |")
  echo "$name: $rps req/s, p50 $p50 ms, p99 $p99 ms, $cpu ms CPU/request ${errors:-}"
done

OUT="$ROOT/bench/results/pages.md"
{
  echo "# Page load benchmark ($(date -u +%Y-%m-%d), $(nproc) cores, SQLite with the demo data)"
  echo
  echo "\`bash bench/pages.sh $SECONDS_PER_PAGE\`: wrk, 2 threads and 32 connections for ${SECONDS_PER_PAGE} s per page after 4 s of warm-up on every page,"
  echo "on the same machine as the app (the load tool takes part of the two cores). CPU/request is the server's own CPU time"
  echo "(user + system, from /proc) per request over 5 s at 4 connections."
  echo
  echo "| page | path | req/s | p50 ms | p99 ms | CPU ms/request | errors |"
  echo "|---|---|---:|---:|---:|---:|---|"
  printf '%s\n' "${ROWS[@]}"
} >"$OUT"
echo; cat "$OUT"
