#!/usr/bin/env bash
# Builds the benchmarks (and the tool packs the cold-start figure serves), runs them all and writes docs/benchmarks.md.
# Takes a few minutes on 2 cores. Set AWSMCP_BUILD_LOCK to a lock file to hold it for the whole run, so that other
# builds sharing the machine wait instead of disturbing the figures.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${AWSMCP_BUILD_LOCK:-}" ]; then
  exec 9>"$AWSMCP_BUILD_LOCK"
  echo "waiting for $AWSMCP_BUILD_LOCK"
  flock 9
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== build"
dotnet build bench/AwsMcp.Bench -c Release --nologo -v quiet
# The cold-start and memory figures serve the real tool packs; a pack that is missing or does not build is left out
# and the report says which packs were served.
for pack in Compute Storage Billing Iam; do
  project="plugins/${pack}/AwsMcp.${pack}.csproj"
  if [ -f "$project" ]; then
    dotnet build "$project" -c Release --nologo -v quiet || echo "warning: $project did not build; left out"
  fi
done

echo "== run (BenchmarkDotNet, then the process harness)"
dotnet bench/AwsMcp.Bench/bin/Release/net10.0/AwsMcp.Bench.dll all docs/benchmarks.md
