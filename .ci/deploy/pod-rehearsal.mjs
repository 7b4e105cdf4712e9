// Runs the built server as the chart's rendered pod runs it, as far as a machine without a cluster can: as the pod's
// UID and GID, no new privileges, its environment from the manifest (the Secret's values made up, pod paths mapped to
// local folders), its ConfigMap as /app/appsettings.Kubernetes.json, and in a private mount namespace where the whole
// root filesystem is read-only except the pod's writable volumes (an empty folder each, /tmp included). Then it asks
// the probes as the kubelet does, calls a tool with the Secret's API key, stops the server with SIGTERM, and fails
// when any write was refused, the server logged an error or a failure, or the writable volumes stayed empty. This is
// how "every path the server writes is an emptyDir" is checked rather than assumed.
//
// Usage (as root, for unshare and setpriv): node pod-rehearsal.mjs <rendered.yaml> <host build folder>
// The server runs in sandbox mode (`serve --sandbox`): AWS is the in-process emulator, so no credentials are needed.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

const [manifestFile, buildFolder] = process.argv.slice(2);
const objects = parseAllDocuments(readFileSync(manifestFile, "utf8")).map((d) => d.toJS()).filter(Boolean);
const server = objects.find((o) => o.kind === "Deployment" && o.spec.template.metadata.labels["app.kubernetes.io/component"] === "server");
const configMap = objects.find((o) => o.kind === "ConfigMap");
const pod = server.spec.template.spec;
const container = pod.containers.find((c) => c.name === "server");
const { runAsUser: uid, runAsGroup: gid } = pod.securityContext;

const problems = [];
const fail = (text) => problems.push(text);

// The pod's filesystem: /app is a copy of the build (readable by the pod's user wherever the repository lives), each
// writable volume an empty folder owned by the pod's user (fsGroup's effect).
const root = mkdtempSync("/var/tmp/awsmcp-pod-");
chmodSync(root, 0o755);
const app = join(root, "app");
cpSync(buildFolder, app, { recursive: true });
const configMount = container.volumeMounts.find((m) => m.name === "config");
writeFileSync(join(app, configMount.subPath), configMap.data[configMount.subPath]);
makeReadable(app);

const volumes = new Map(); // pod path -> local folder
for (const mount of container.volumeMounts.filter((m) => !m.readOnly)) {
  const local = join(root, "volumes", mount.name);
  mkdirSync(local, { recursive: true });
  chownSync(local, uid, gid);
  volumes.set(mount.mountPath, local);
}
if (!volumes.has("/tmp")) {
  fail("the pod has no writable /tmp");
}

// The container's environment, as the kubelet builds it; the Secret's values are made up here.
const apiKey = randomBytes(32).toString("base64url");
const secret = (key) => (key.startsWith("api-key-") ? createHash("sha256").update(apiKey).digest("hex") : randomBytes(32).toString("base64"));
const podPath = (value) => {
  if (value === "http://0.0.0.0:8080") return "http://0.0.0.0:0";
  if (value.startsWith("/app")) return app + value.slice("/app".length);
  return volumes.get(value) ?? value;
};
// HOME as in the image: the user's home exists but lies on the read-only root.
const home = join(root, "home");
mkdirSync(home);
chownSync(home, uid, gid);
const environment = { PATH: "/usr/share/dotnet:/usr/local/bin:/usr/bin:/bin", HOME: home, AWS_EC2_METADATA_DISABLED: "true" };
for (const entry of container.env) {
  const value = entry.valueFrom ? secret(entry.valueFrom.secretKeyRef.key) : entry.value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, name) => environment[name] ?? m);
  environment[entry.name] = podPath(value);
}

// /tmp is the real /tmp inside the namespace (Path.GetTempPath); the other volumes stay where the environment points.
const mounts = [`mount --bind '${volumes.get("/tmp")}' /tmp`];
for (const [path, local] of volumes) {
  if (path !== "/tmp") mounts.push(`mount --bind '${local}' '${local}'`);
}
const script = `set -e; ${mounts.join("; ")}; mount -o remount,bind,ro /; exec "$@"`;
const argv = [
  "-m", "--propagation", "private", "--", "sh", "-c", script, "sh",
  "setpriv", `--reuid=${uid}`, `--regid=${gid}`, "--clear-groups", "--no-new-privs", "--",
  "env", "-i", ...Object.entries(environment).map(([name, value]) => `${name}=${value}`),
  "dotnet", join(app, "awsmcp.dll"), "serve", "--sandbox",
];

console.log(`== rehearsal: serve as ${uid}:${gid}, read-only root, writable ${[...volumes.keys()].join(", ")}`);
// The server starts in the app folder, as in the image (WORKDIR /app): the caller's folder may be under /tmp, which
// the pod's own /tmp hides, and the sandbox's content root is the working folder.
const child = spawn("unshare", argv, { cwd: app, stdio: ["ignore", "pipe", "pipe"] });
let log = "";
child.stdout.on("data", (d) => (log += d));
child.stderr.on("data", (d) => (log += d));
const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));

try {
  const port = await listeningPort();
  for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
    const get = container[probe].httpGet;
    const host = Object.fromEntries(get.httpHeaders.map((h) => [h.name, h.value])).Host;
    const answer = await http(port, "GET", get.path, { Host: host });
    console.log(`  ${probe} GET ${get.path} (Host: ${host}): ${answer.status} ${answer.body.trim()}`);
    if (answer.status !== 200) fail(`${probe} answered ${answer.status}`);
    if (probe === "readinessProbe" && JSON.parse(answer.body).status !== "ready") fail(`readiness is ${answer.body}`);
  }

  const call = await http(port, "POST", "/mcp", { Host: "localhost", "X-Api-Key": apiKey, "Content-Type": "application/json", Accept: "application/json, text/event-stream" },
    JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "whoami", arguments: {} } }));
  const answered = call.body.includes('"result"') && !call.body.includes('"isError":true');
  console.log(`  tools/call whoami with the Secret's API key: ${call.status}${answered ? ", answered" : ` ${call.body.slice(0, 300)}`}`);
  if (call.status !== 200 || !answered) fail("the tool call did not succeed");
  // While the server runs: it removes its shadow copies when it stops.
  for (const [path, local] of volumes) {
    const files = walk(local);
    console.log(`  ${path}: ${files.length} file(s) written`);
    if (path !== "/tmp" && files.length === 0) fail(`${path} is empty: is the environment still pointing the server there?`);
  }
} catch (error) {
  fail(String(error));
}

child.kill("SIGTERM");
const ended = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve("still running after 30 s"), 30_000))]);
if (ended === "still running after 30 s") child.kill("SIGKILL");
console.log(`  stopped with SIGTERM: ${ended}`);

for (const line of log.split("\n")) {
  if (/read-only file system|UnauthorizedAccess|Access to the path|permission denied|^\s*(fail|crit):|"LogLevel":"(Error|Critical)"/i.test(line)) fail(`server log: ${line.trim()}`);
}
rmSync(root, { recursive: true, force: true });
if (problems.length > 0) {
  console.log(log);
  for (const problem of problems) console.log(`  PROBLEM ${problem}`);
  console.log(`rehearsal: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log("rehearsal: the pod ran on its writable volumes alone");

function makeReadable(path) {
  chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644);
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) makeReadable(join(path, name));
}

function walk(path) {
  return readdirSync(path, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(path, e.name)) : [join(path, e.name)]));
}

async function listeningPort() {
  for (let i = 0; i < 600; i++) {
    const match = /Now listening on: http:\/\/0\.0\.0\.0:(\d+)/.exec(log);
    if (match) return Number(match[1]);
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before listening`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the server did not listen within 60 s");
}

function http(port, method, path, headers, body) {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers, timeout: 30_000 }, (res) => {
      let text = "";
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}
