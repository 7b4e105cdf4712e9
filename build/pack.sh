#!/usr/bin/env bash
# Packs every package the docs install into a local feed folder (default artifacts/packages):
#   the server tool AwsMcp.Server (with the four built-in packs inside), the tool packs AwsMcp.Compute, AwsMcp.Storage,
#   AwsMcp.Billing and AwsMcp.Iam (for `awsmcp plugins install`), and what ops teams need to write their own packs:
#   AwsMcp.Abstractions (with the generator inside), AwsMcp.Aws, AwsMcp.Sandbox (test support), AwsMcp.Templates.
# Usage: build/pack.sh [output-folder]. Versions: Directory.Build.props (<Version>), see docs/write-a-tool-pack.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-artifacts/packages}")"
mkdir -p "$out"
for project in src/AwsMcp.Abstractions src/AwsMcp.Aws src/AwsMcp.Sandbox templates/AwsMcp.Templates \
               plugins/Compute plugins/Storage plugins/Billing plugins/Iam src/AwsMcp.Host; do
  dotnet pack "$project" -c Release -o "$out" --nologo -v quiet
done
ls -1 "$out"/*.nupkg
