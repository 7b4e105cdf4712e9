#!/usr/bin/env bash
# Scale-out tests: three real `awsmcp serve` replicas behind a real nginx, sharing a real Redis and one AWS sandbox
# process, all on 127.0.0.1 (tests/AwsMcp.ScaleOut.Tests, not in AwsMcp.sln so that `dotnet test AwsMcp.sln` needs
# only the .NET SDK). Proves: a confirmation token is honoured once across replicas; the rate limit holds across
# them; a replica killed under load loses no acknowledged call and duplicates no write, and re-joins when restarted;
# Redis down fails confirmations closed and degrades the rest, Redis back heals.
#
# Usage: .ci/scale-out.sh <results folder>   (TRX goes there, so .ci/run counts it with the rest)
# Installs redis-server and nginx with apt-get when they are missing. Builds the test project (and the host, when it
# is not built yet), checks its formatting, runs it. Every process it starts is killed by the tests themselves; the
# run is bounded (`timeout`), and a hung test aborts with a dump naming it.
set -uo pipefail
cd "$(dirname "$0")/.."

results="${1:?usage: .ci/scale-out.sh <results folder>}"
mkdir -p "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
project=tests/AwsMcp.ScaleOut.Tests
started=$SECONDS

echo "== scale-out: redis-server and nginx"
if ! command -v redis-server >/dev/null 2>&1 || ! command -v nginx >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq >/dev/null && apt-get install -y -qq redis-server nginx >/dev/null; }; then
    echo "scale-out: could not install redis-server and nginx with apt-get" >&2
    exit 1
  fi
fi
redis-server --version
nginx -v 2>&1

echo "== scale-out: build"
dotnet build "$project" -c Release --nologo -v quiet || exit 1

echo "== scale-out: format"
dotnet format "$project" --verify-no-changes --no-restore || exit 1

echo "== scale-out: test"
status=0
timeout 600 dotnet test "$project" -c Release --no-build \
  --logger "trx;LogFileName=scale-out.trx" --results-directory "$results" --blame-hang-timeout 5m || status=1

echo "== scale-out: done in $((SECONDS - started)) s (status $status)"
exit "$status"
