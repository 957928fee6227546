#!/usr/bin/env bash
# SOS Lab benchmark: `bash bench/lab.sh [problems] [seconds]` (defaults 2,000 problems, 10 s a page).
# Seeds a large lab into a fresh SQLite database (bench/Mirae.LabBench: 100 members, 20 supports and 2 ideas a problem,
# answers, sessions with feedback), runs the Release build on it on 127.0.0.1, and loads the lab's public pages and API
# with wrk (32 connections). Prints a table and writes bench/results/lab.md. Loopback only; bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."; ROOT=$PWD
PROBLEMS=${1:-2000}
SECONDS_PER_PAGE=${2:-10}
PORT=${MIRAE_BENCH_PORT:-5098}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_CERT_REVOCATION_MODE=${NUGET_CERT_REVOCATION_MODE:-offline}
if ! command -v wrk >/dev/null; then
  (apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }) \
    || { echo "wrk is missing and could not be installed (apt-get install wrk)" >&2; exit 1; }
fi
dotnet build src/Mirae.Web -c Release -nologo -clp:ErrorsOnly
dotnet build bench/Mirae.LabBench -c Release -nologo -clp:ErrorsOnly
WORK=$(mktemp -d /tmp/mirae-lab-bench.XXXXXX)
APP_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
IDS=$(dotnet bench/Mirae.LabBench/bin/Release/net10.0/Mirae.LabBench.dll "--db=$WORK/lab.db" "--problems=$PROBLEMS")
CHALLENGE=$(awk '$1 == "challenge" {print $2}' <<<"$IDS")
PROBLEM=$(awk '$1 == "problem" {print $2}' <<<"$IDS")
BASE="http://127.0.0.1:$PORT"
( cd src/Mirae.Web && ASPNETCORE_ENVIRONMENT=Production exec dotnet bin/Release/net10.0/Mirae.Web.dll --urls "$BASE" \
    --ConnectionStrings:Default="Data Source=$WORK/lab.db" --Seed:Demo=false --Scheduler:Enabled=false \
    --Logging:LogLevel:Default=Warning >"$WORK/app.log" 2>&1 ) &
APP_PID=$!
for _ in $(seq 1 120); do curl -sf "$BASE/health" >/dev/null && break; sleep 1; done
curl -sf "$BASE/health" >/dev/null || { cat "$WORK/app.log"; echo "the app did not start" >&2; exit 1; }

# name | path
PAGES=(
  "results page (a page of 20, charts over all)|/lab/results"
  "results CSV (every problem)|/lab/results?handler=Csv"
  "challenge page (a page of 20 problems)|/lab/challenges/$CHALLENGE"
  "problems API (a page of 50)|/api/v1/lab/problems"
  "problems API, one district and stage|/api/v1/lab/problems?district=BupyeongGu&status=InReview"
  "problem page (session, feedback, ideas)|/lab/problems/$PROBLEM"
  "problem API|/api/v1/lab/problems/$PROBLEM"
)
for entry in "${PAGES[@]}"; do
  IFS='|' read -r _ path <<<"$entry"
  curl -sf -o /dev/null "$BASE$path" || { echo "$path failed" >&2; exit 1; }
  wrk -t2 -c32 -d3s "$BASE$path" >/dev/null
done
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); printf "%.1f", v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.1f", v } else { sub(/s$/, "", v); printf "%.1f", v * 1000 } }'; }
ROWS=()
for entry in "${PAGES[@]}"; do
  IFS='|' read -r name path <<<"$entry"
  load=$(wrk -t2 -c32 -d"${SECONDS_PER_PAGE}s" --latency "$BASE$path")
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$load")
  p50=$(ms "$(awk '$1 == "50%" {print $2}' <<<"$load")")
  p99=$(ms "$(awk '$1 == "99%" {print $2}' <<<"$load")")
  one=$(curl -s -o /dev/null -w '%{time_total}' "$BASE$path" | awk '{printf "%.1f", $1 * 1000}')
  size=$(curl -s "$BASE$path" | wc -c)
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$load" | tr '\n' ' ')
  shown=$(sed -e "s#/challenges/$CHALLENGE\$#/challenges/{id}#" -e "s#/problems/$PROBLEM\$#/problems/{id}#" <<<"$path")
  ROWS+=("| $name | \`$shown\` | $rps | $p50 | $p99 | $one | $((size / 1024)) | ${errors:-} |")
  echo "$name: $rps req/s, p50 $p50 ms, p99 $p99 ms, alone $one ms, $((size / 1024)) KB ${errors:-}"
done

OUT="$ROOT/bench/results/lab.md"
{
  echo "# SOS Lab benchmark ($(date -u +%Y-%m-%d), $(nproc) cores, SQLite, $PROBLEMS problems)"
  echo
  echo "\`bash bench/lab.sh $PROBLEMS $SECONDS_PER_PAGE\`: a lab of $PROBLEMS problems (100 members; 20 supports and 2 ideas a problem; every"
  echo "tenth answered; every twentieth with a held session of 10 participants and their feedback), the Release build on SQLite, wrk with"
  echo "2 threads and 32 connections for $SECONDS_PER_PAGE s a page after 3 s of warm-up, on the same two cores as the app. \"alone\" is one"
  echo "request with nothing else running."
  echo
  echo "| page | path | req/s | p50 ms | p99 ms | alone ms | KB | errors |"
  echo "|---|---|---:|---:|---:|---:|---:|---|"
  printf '%s\n' "${ROWS[@]}"
} >"$OUT"
echo "wrote $OUT"
