#!/usr/bin/env bash
# Protocol conformance of the real server, in sandbox mode on loopback:
#   1. the official MCP conformance suite's server scenarios (active suite) against /mcp, compared with the reviewed
#      baseline .ci/conformance-expected-failures.txt (an unexpected failure or a stale entry fails the run);
#   2. MCP Inspector's CLI: tools/list with --strict (tool-schema portability) and one tools/call of a read-only tool.
#
# Usage: .ci/conformance.sh <path/to/awsmcp.dll> [plugins folder]
#   without a plugins folder, the four tool packs the host's build put next to it (<host dir>/plugins) are served
#   CONFORMANCE_TOOL       the read-only tool to call (default: whoami if served, else the first read-only tool
#                          without required arguments)
#   CONFORMANCE_TOOL_ARGS  its arguments as a JSON object (default: {})
# Builds nothing. Needs dotnet, node >= 20, npm and curl. Output goes to artifacts/conformance/.
#
# Pinned tools (.ci/npm/package.json and its lock file):
#   @modelcontextprotocol/conformance 0.1.13: the newest release that runs on Node 20; 0.1.14+ import fs.globSync,
#     which only exists from Node 22.
#   @modelcontextprotocol/inspector 2.12.0: declares node >= 22.19 but its CLI runs on Node 20 (verified: tools/list,
#     --strict, tools/call, exit codes); 1.x needs Node 22 too and has no --strict. npm prints EBADENGINE warnings.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 <path/to/awsmcp.dll> [plugins folder]" >&2
  exit 2
fi
host_dll="$(realpath "$1")"
[ -f "$host_dll" ] || { echo "no host at $host_dll (build src/AwsMcp.Host first)" >&2; exit 2; }

work="$(pwd)/artifacts/conformance"
tools="$work/npm"
rm -rf "$work/results" "$work/home" "$work/shadow" "$work/audit"
mkdir -p "$work/results" "$work/home" "$tools"

if [ $# -eq 2 ]; then
  plugins="$(realpath "$2")"
  [ -d "$plugins" ] || { echo "no plugins folder at $plugins" >&2; exit 2; }
else
  # The host's build copies the four in-repo tool packs to plugins/ next to awsmcp.dll, its default plugins folder.
  plugins="$(dirname "$host_dll")/plugins"
  for pack in Compute Storage Billing Iam; do
    if [ ! -f "$plugins/AwsMcp.$pack/AwsMcp.$pack.dll" ]; then
      echo "conformance: $plugins/AwsMcp.$pack/AwsMcp.$pack.dll is missing (build the solution in Release first)" >&2
      exit 2
    fi
  done
fi

echo "== conformance: install pinned npm tools"
cp .ci/npm/package.json .ci/npm/package-lock.json "$tools/"
if ! (cd "$tools" && npm install --no-audit --no-fund --loglevel=error >"$work/npm-install.log" 2>&1); then
  cat "$work/npm-install.log" >&2
  echo "conformance: npm install failed" >&2
  exit 1
fi
conformance="$tools/node_modules/.bin/conformance"
inspector="$tools/node_modules/.bin/inspector"

echo "== conformance: start awsmcp serve --sandbox on 127.0.0.1"
server_log="$work/server.log"
AWSMCP__Plugins__Watch=false AWSMCP__Plugins__ShadowCopyPath="$work/shadow" AWSMCP__Audit__Path="$work/audit" \
  dotnet "$host_dll" serve --sandbox --urls http://127.0.0.1:0 --plugins "$plugins" >"$server_log" 2>&1 &
server_pid=$!
stop_server() {
  if kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
  fi
}
trap stop_server EXIT

# Port 0 lets the OS pick a free port; Kestrel logs the one it got.
base=""
for _ in $(seq 1 120); do
  base="$(sed -n 's/.*Now listening on: \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$server_log" | head -1)"
  [ -n "$base" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.5
done
if [ -z "$base" ] || ! curl -fsS --retry 20 --retry-connrefused --retry-delay 1 --max-time 5 "$base/" >"$work/health.json"; then
  cat "$server_log" >&2
  echo "conformance: the server did not become healthy" >&2
  exit 1
fi
echo "server $base (pid $server_pid): $(cat "$work/health.json")"

status=0
summary=()

# The reviewed baseline is "scenario: why" per line; the suite takes YAML with the scenario names.
baseline="$work/expected-failures.yml"
if grep -Ev '^\s*(#|$)' .ci/conformance-expected-failures.txt | grep -Evq '^[a-z0-9-]+: .+'; then
  echo "conformance: every entry of .ci/conformance-expected-failures.txt must read 'scenario: explanation'" >&2
  exit 1
fi
{
  echo "server:"
  grep -Ev '^\s*(#|$)' .ci/conformance-expected-failures.txt | sed 's/^\([a-z0-9-]*\):.*/  - \1/'
} >"$baseline"

echo "== conformance: official suite (server scenarios) against $base/mcp"
"$conformance" server --url "$base/mcp" --expected-failures "$baseline" -o "$work/results" 2>&1 \
  | sed 's/\x1b\[[0-9;]*m//g' >"$work/suite.log"
suite_rc=${PIPESTATUS[0]}
# The suite prints every check; the summary and the baseline verdict are what a reader needs.
sed -n '/=== SUMMARY ===/,$p' "$work/suite.log"
scenarios="$(grep -Ec '^(✓|✗) ' "$work/suite.log")"
expected="$(grep -Ec '^  ~ ' "$work/suite.log")"
if [ "$suite_rc" -eq 0 ]; then
  summary+=("suite: $((scenarios - expected)) of $scenarios scenarios pass; $expected fail as the reviewed baseline expects")
else
  summary+=("suite: FAILED (unexpected failure or stale baseline entry; see above and $work/suite.log)")
  status=1
fi

inspect() {
  HOME="$work/home" "$inspector" --cli --transport http --server-url "$base/mcp" --connect-timeout 15000 "$@"
}

echo "== conformance: MCP Inspector tools/list --strict"
inspect --method tools/list --strict --format json >"$work/tools-list.json" 2>"$work/tools-list.err"
list_rc=$?
cat "$work/tools-list.err"
tool_count="$(node -e 'console.log((JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).result?.tools ?? []).length)' "$work/tools-list.json" 2>/dev/null || echo 0)"
if [ "$list_rc" -eq 0 ] && [ "$tool_count" -gt 0 ]; then
  summary+=("inspector tools/list --strict: $tool_count tools, no portability errors")
else
  summary+=("inspector tools/list --strict: FAILED (exit $list_rc, $tool_count tools; exit 6 = schema portability errors)")
  status=1
fi

tool="${CONFORMANCE_TOOL:-$(node -e '
  const tools = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).result?.tools ?? [];
  const readOnly = tools.filter(t => t.annotations?.readOnlyHint && (t.inputSchema?.required ?? []).length === 0);
  console.log((readOnly.find(t => t.name === "whoami") ?? readOnly[0])?.name ?? "");' "$work/tools-list.json" 2>/dev/null)}"
tool_args="${CONFORMANCE_TOOL_ARGS:-{\}}"
echo "== conformance: MCP Inspector tools/call $tool $tool_args"
if [ -z "$tool" ]; then
  summary+=("inspector tools/call: FAILED (no read-only tool without required arguments; set CONFORMANCE_TOOL)")
  status=1
else
  inspect --method tools/call --tool-name "$tool" --tool-args-json "$tool_args" --format json >"$work/tools-call.json" 2>"$work/tools-call.err"
  call_rc=$?
  head -c 600 "$work/tools-call.json"
  echo
  cat "$work/tools-call.err"
  if [ "$call_rc" -eq 0 ]; then
    summary+=("inspector tools/call $tool: ok")
  else
    summary+=("inspector tools/call $tool: FAILED (exit $call_rc; 5 = the tool returned isError)")
    status=1
  fi
fi

stop_server
trap - EXIT

echo "== conformance summary"
printf '  %s\n' "${summary[@]}"
[ "$status" -eq 0 ] && echo "conformance: ok" || echo "conformance: FAILED (server log: $server_log)"
exit "$status"
