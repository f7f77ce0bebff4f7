#!/usr/bin/env bash
# The benchmark (issue 9): publishes the real host and the load tests (which hold the bare reference host) the way
# the host is deployed (Release, linux-x64, ReadyToRun: ADR 0012), then starts both hosts as processes on a fresh
# data folder, seeds it, loads both with the same generator, and writes artifacts/bench/results.json. Ratios are
# ours over the reference, measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
publish() {
  dotnet publish "$1" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$2" -nologo -v q
}
publish src/Host/Incubator.Host/Incubator.Host.csproj artifacts/bench/host
publish tests/Incubator.LoadTests/Incubator.LoadTests.csproj artifacts/bench/load
dotnet artifacts/bench/load/Incubator.LoadTests.dll "$@"
