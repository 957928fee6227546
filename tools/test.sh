#!/usr/bin/env bash
# Runs every test of Mirae: installs what is missing (PostgreSQL, Chromium, Node.js/npm, aiosmtpd) idempotently,
# starts a private PostgreSQL on 127.0.0.1, builds, runs `dotnet test` for the whole solution, stops what
# it started, and ends with the line `tests: N passed, N failed, N skipped`.
set -euo pipefail
cd "$(dirname "$0")/.."; ROOT=$PWD; T0=$(date +%s)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=false
export NUGET_CERT_REVOCATION_MODE=${NUGET_CERT_REVOCATION_MODE:-offline}   # a cold restore takes 100 s without it
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 MIRAE_CHROMIUM=${MIRAE_CHROMIUM:-/usr/bin/chromium}
CONFIGURATION=${CONFIGURATION:-Release}
log() { printf '[test %4ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
need=()
[ -x "$MIRAE_CHROMIUM" ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need+=(python3-aiosmtpd)   # the tests' SMTP server
if ((${#need[@]})); then
  log "installing ${need[*]} (apt)"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
log "dotnet $(dotnet --version), $("$MIRAE_CHROMIUM" --version 2>/dev/null | head -1), $("$(ls /usr/lib/postgresql/*/bin/postgres | sort -V | tail -1)" --version), node $(node --version)"

# A throwaway PostgreSQL cluster, private to this run; stopped by PID on exit.
source "$ROOT/tools/postgres.sh"
trap stop_private_postgres EXIT
start_private_postgres
export MIRAE_TEST_PG="$PG_ADMIN"
log "PostgreSQL on 127.0.0.1:$PGPORT (pid $PG_PID)"

log "dotnet build ($CONFIGURATION; npm packages restored by the build)"
dotnet build Mirae.slnx -c "$CONFIGURATION" -nologo -clp:ErrorsOnly

export MIRAE_TEST_ARTIFACTS="$ROOT/artifacts/test"
rm -rf "$MIRAE_TEST_ARTIFACTS"; mkdir -p "$MIRAE_TEST_ARTIFACTS"
log "dotnet test"
set +e
timeout 45m dotnet test Mirae.slnx -c "$CONFIGURATION" --no-build --nologo --blame-hang-timeout 10m --blame-hang-dump-type none 2>&1 \
  | tee "$MIRAE_TEST_ARTIFACTS/dotnet-test.log"
rc=${PIPESTATUS[0]}
set -e
read -r passed failed skipped total < <(grep -E '^(Passed|Failed)! +- ' "$MIRAE_TEST_ARTIFACTS/dotnet-test.log" \
  | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+), Total: *([0-9]+).*/\2 \1 \3 \4/' \
  | awk '{p+=$1; f+=$2; s+=$3; t+=$4} END {print p+0, f+0, s+0, t+0}')
log "done (exit $rc); screenshots and logs in artifacts/test/"
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$total" -eq 0 ]; then echo "no tests ran" >&2; exit 1; fi
exit "$rc"
