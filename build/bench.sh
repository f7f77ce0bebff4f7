#!/usr/bin/env bash
# The benchmark (issue 9): publishes the real host and the load tests (which hold the bare reference host) the way
# the host is deployed (Release, linux-x64, ReadyToRun: ADR 0012), then starts both hosts as processes on a fresh
# data folder, seeds it, loads both with the same generator, and writes artifacts/bench/results.json. Ratios are
# ours over the reference, measured in the same run. Then each mechanism kept for speed or memory is turned off in turn,
# and the scenarios run again on PostgreSQL, and through two instances.
#   build/bench.sh [--reuse] [--only=sqlite,mechanisms,postgres,twoInstances,board,mixed,coach,report,rush,mixedRush,pacedMixedRush,huge]
set -euo pipefail
cd "$(dirname "$0")/.."
publish() {
  dotnet publish "$1" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$2" -nologo -v q
}
publish src/Host/Incubator.Host/Incubator.Host.csproj artifacts/bench/host
publish tests/Incubator.LoadTests/Incubator.LoadTests.csproj artifacts/bench/load
# The server path runs on a PostgreSQL cluster of its own (port 55433), durable as a real one; with --reuse it is kept.
fresh="--fresh"
case " $* " in *" --reuse "*) fresh="" ;; esac
INCUBATOR_BENCH_POSTGRES=$(INCUBATOR_POSTGRES_DURABLE=1 INCUBATOR_TEST_POSTGRES_PORT=55433 build/postgres.sh start $fresh)
export INCUBATOR_BENCH_POSTGRES
dotnet artifacts/bench/load/Incubator.LoadTests.dll "$@"
