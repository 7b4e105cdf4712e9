#!/usr/bin/env bash
# Packs what ops teams need to write their own tool packs into a local feed folder (default artifacts/packages):
#   AwsMcp.Abstractions (with the generator inside), AwsMcp.Aws, AwsMcp.Sandbox (test support), AwsMcp.Templates.
# Usage: build/pack.sh [output-folder]. Versions: Directory.Build.props (<Version>), see docs/write-a-tool-pack.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-artifacts/packages}")"
mkdir -p "$out"
for project in src/AwsMcp.Abstractions src/AwsMcp.Aws src/AwsMcp.Sandbox templates/AwsMcp.Templates; do
  dotnet pack "$project" -c Release -o "$out" --nologo -v quiet
done
ls -1 "$out"/*.nupkg
