#!/usr/bin/env bash
# The benchmark (issue 9): builds in Release, then tests/Incubator.LoadTests starts the real host and a bare
# reference host as processes on a fresh data folder, seeds it, loads both with the same generator, and
# writes artifacts/bench/results.json. Ratios are ours over the reference, measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Host/Incubator.Host/Incubator.Host.csproj -c Release -nologo -v q
dotnet build tests/Incubator.LoadTests/Incubator.LoadTests.csproj -c Release -nologo -v q
dotnet tests/Incubator.LoadTests/bin/Release/net10.0/Incubator.LoadTests.dll "$@"
