#!/usr/bin/env bash
# Every test of Incubator. Installs what the tests need on a fresh machine (.NET SDK, Node, apt),
# builds, runs each test project, and ends with one line "N passed, N failed" read from the TRX files.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The browser tests drive Debian's Chromium; Playwright never downloads a browser.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -x /usr/bin/chromium ]; then
  echo "== installing chromium"
  sudo=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo="sudo"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null; } \
    || echo "chromium could not be installed: the browser tests will fail"
fi

# The tests named ...OnPostgreSql run on a real PostgreSQL server: a throwaway cluster made anew for this run (each test
# host creates a database of its own on it), unless INCUBATOR_TEST_POSTGRES already names a server.
if [ -z "${INCUBATOR_TEST_POSTGRES:-}" ]; then
  echo "== postgresql"
  if INCUBATOR_TEST_POSTGRES=$(build/postgres.sh start --fresh); then
    export INCUBATOR_TEST_POSTGRES
    trap 'build/postgres.sh stop' EXIT
  else
    echo "postgresql could not be started: the tests on PostgreSQL will fail"
  fi
fi

echo "== restore"
dotnet tool restore >/dev/null || { echo "dotnet tool restore failed"; echo "0 passed, 1 failed"; exit 1; }
dotnet restore Incubator.sln -v q || { echo "restore failed"; echo "0 passed, 1 failed"; exit 1; }

echo "== build"
if ! dotnet build Incubator.sln --no-restore -c Debug -v q -nologo; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  [ "$name" = "Incubator.LoadTests" ] && continue # the benchmark, run by build/bench.sh
  echo "== $name"
  if ! dotnet test "$project" --no-build -c Debug --logger "trx;LogFileName=$name.trx" --results-directory "$results" -v q; then
    status=1
  fi
done

passed=0
failed=0
trx_count=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  trx_count=$((trx_count + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
done

if [ "$trx_count" -eq 0 ]; then
  echo "no TRX result was written"
  status=1
  failed=$((failed + 1))
fi
if [ "$failed" -gt 0 ]; then
  status=1
fi
echo "$passed passed, $failed failed"
exit $status
