// Summarises one run of the MCP conformance suite's server scenarios and compares it with a reviewed baseline.
// Run by .ci/conformance.sh with the pinned Node 22; reads only what the suite wrote, changes nothing.
//
// Usage: node conformance-summary.mjs --label <text> --log <suite log> --results <suite -o folder>
//          [--baseline <scenario: reason file>] --out <summary file> [--details <file>] [--note <text>]
// --note is appended to a "differs from baseline" verdict, e.g. " (not gating)".
// Prints the summary and writes it to --out. Exit 0: no baseline given, or the run matches it; 1: it differs
// (an unlisted failure, a listed scenario that passes, or a listed scenario this suite does not have); 2: misuse.
//
// A scenario fails when any of its checks is a FAILURE or a WARNING: the rule the suite's own --expected-failures
// check applies (its ✓/✗ summary lines count failures only, so a warnings-only scenario shows ✓ there).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) {
  args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
}
for (const required of ['label', 'log', 'results', 'out']) {
  if (!args[required]) {
    console.error(`conformance-summary: --${required} is required`);
    process.exit(2);
  }
}

// The suite's summary names every scenario it ran: "✓ name: 1 passed, 0 failed" (colours already stripped).
const log = readFileSync(args.log, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
const summaryStart = log.indexOf('=== SUMMARY ===');
const ran = [];
for (const line of (summaryStart < 0 ? '' : log.slice(summaryStart)).split('\n')) {
  const m = /^([✓✗]) ([a-z0-9-]+): (\d+) passed, (\d+) failed/.exec(line);
  if (m) ran.push({ name: m[2], mark: m[1] });
}

// Per scenario the suite writes <results>/server-<name>-<timestamp>/checks.json.
const checksOf = new Map();
if (existsSync(args.results)) {
  for (const dir of readdirSync(args.results)) {
    const m = /^server-(.+)-\d{4}-\d{2}-\d{2}T[\d-]+Z$/.exec(dir);
    const file = join(args.results, dir, 'checks.json');
    if (m && existsSync(file)) {
      try {
        checksOf.set(m[1], JSON.parse(readFileSync(file, 'utf8')));
      } catch {
        checksOf.set(m[1], null);
      }
    }
  }
}

const oneLine = text => String(text ?? '').replace(/\s+/g, ' ').trim().slice(0, 220);
const counts = { success: 0, failure: 0, warning: 0 };
const scenarios = ran.map(({ name, mark }) => {
  const checks = checksOf.get(name);
  if (!Array.isArray(checks)) {
    return { name, failed: true, why: 'no checks.json written (the scenario did not run to its end; see the suite log)' };
  }
  const failures = checks.filter(c => c.status === 'FAILURE');
  const warnings = checks.filter(c => c.status === 'WARNING');
  counts.success += checks.filter(c => c.status === 'SUCCESS').length;
  counts.failure += failures.length;
  counts.warning += warnings.length;
  const first = failures[0] ?? warnings[0];
  const tally = failures.length
    ? `${failures.length} failed${warnings.length ? `, ${warnings.length} warnings` : ''}`
    : `warnings only (${warnings.length})`;
  const why = first ? `${tally}; first: ${first.id}: ${oneLine(first.errorMessage ?? first.details?.message ?? first.description)}` : '';
  const notes = [...failures, ...warnings].map(c => `    ${c.status} ${c.id}: ${oneLine(c.errorMessage ?? c.details?.message ?? c.description)}`);
  return { name, failed: mark === '✗' || failures.length > 0 || warnings.length > 0, why, notes };
});

// The baseline: "scenario: reason" lines; # comments and blank lines are skipped (.ci/conformance.sh checks the format).
const baseline = new Map();
if (args.baseline) {
  for (const line of readFileSync(args.baseline, 'utf8').split('\n')) {
    const m = /^([a-z0-9-]+): (.+)$/.exec(line.trim());
    if (m) baseline.set(m[1], m[2]);
  }
}

const failing = scenarios.filter(s => s.failed);
const out = [];
out.push(`${args.label}: ${scenarios.length - failing.length} of ${scenarios.length} scenarios pass, ${failing.length} fail ` +
  `(checks: ${counts.success} passed, ${counts.failure} failed, ${counts.warning} warnings)`);
if (scenarios.length === 0) {
  out.push('  the suite printed no summary: it did not run (see its log)');
}
for (const s of failing) {
  out.push(`  ✗ ${s.name}${args.baseline ? (baseline.has(s.name) ? ' [expected]' : ' [NOT IN BASELINE]') : ''} - ${s.why || 'failed'}`);
}

let differs = scenarios.length === 0;
if (args.baseline) {
  const names = new Set(scenarios.map(s => s.name));
  const unexpected = failing.filter(s => !baseline.has(s.name)).map(s => s.name);
  const stale = scenarios.filter(s => !s.failed && baseline.has(s.name)).map(s => s.name);
  const unknown = [...baseline.keys()].filter(name => !names.has(name));
  differs ||= unexpected.length + stale.length + unknown.length > 0;
  if (unexpected.length) out.push(`  failing but not in the baseline: ${unexpected.join(', ')}`);
  if (stale.length) out.push(`  in the baseline but passing (stale entry, remove it): ${stale.join(', ')}`);
  if (unknown.length) out.push(`  in the baseline but not a scenario of this suite (remove or rename): ${unknown.join(', ')}`);
  out.push(`  baseline ${args.baseline}: ${differs ? `differs from baseline${args.note ?? ''}` : 'matches baseline'}`);
}

const text = out.join('\n') + '\n';
writeFileSync(args.out, text);
if (args.details) {
  // Every failed or warning check of every failing scenario, for the reader who needs more than the first.
  writeFileSync(args.details, failing.map(s => `${s.name}\n${(s.notes ?? [`    ${s.why}`]).join('\n')}\n`).join(''));
}
process.stdout.write(text);
process.exit(differs ? 1 : 0);
