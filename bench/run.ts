/**
 * `npm run bench`: every scenario of the table through the real app functions against the emulator
 * (HubSpot-like latency, rate limits on, virtual time), then the domain micro-benchmarks; writes
 * `docs/benchmarks.md` and its charts `docs/benchmarks-*.svg`.
 *
 * Options: `--latency=<ms>` (default 100), `--only=<id,id>` (scenario ids, e.g. rename-600),
 * `--no-domain` (skip bench/domain.ts), `--print` (also print the table; with `--only`, every section).
 * A run with `--only` prints its table and leaves the docs alone: the page always shows a full run.
 */
import { writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DEFAULT_RATE_LIMITS } from '@goal-families/emulator';
import { buildCharts } from './charts';
import { runDomainBench } from './domain-runner';
import { DEFAULT_LATENCY_MS, startHarness } from './harness';
import { formatBytes } from './memory';
import {
  type ClockCheck,
  endpointsSection,
  formatDuration,
  goalsTable,
  limitsTable,
  renderReport,
  resultsTable,
} from './report';
import type { RunConfig, ScenarioResult } from './result';
import { runScenario } from './run-scenario';
import { SCENARIOS } from './scenarios';

const DOCS = fileURLToPath(new URL('../docs/', import.meta.url));
const JITTER_SEED = 7;

type Args = { latencyMs: number; only: string[] | null; domain: boolean; print: boolean };

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = { latencyMs: DEFAULT_LATENCY_MS, only: null, domain: true, print: false };
  for (const a of argv) {
    const [key, value] = a.split('=', 2);
    if (key === '--latency' && value !== undefined && /^\d+$/.test(value)) args.latencyMs = Number(value);
    else if (key === '--only' && value) args.only = value.split(',');
    else if (a === '--no-domain') args.domain = false;
    else if (a === '--print') args.print = true;
    else throw new Error(`unknown option ${a} (see bench/run.ts)`);
  }
  return args;
}

/** Small scenarios rerun in real time, to show the virtual clock agrees with a real run. */
const CLOCK_CHECKS = ['first-paint-10', 'rename-120', 'health-1000'];

async function checkClock(latencyMs: number, virtual: readonly ScenarioResult[]): Promise<ClockCheck[]> {
  const wanted = virtual.filter((r) => CLOCK_CHECKS.includes(r.scenario.id));
  if (wanted.length === 0) return [];
  const h = await startHarness({ latencyMs, realTime: true });
  const checks: ClockCheck[] = [];
  try {
    for (const v of wanted) {
      process.stdout.write(`clock check, real time: ${v.scenario.label} … `);
      // Once untimed first: the JIT compiles the functions' code on first use, which no clock should count.
      await runScenario(h, v.scenario);
      const real = await runScenario(h, v.scenario);
      console.log(
        `${real.totalCalls} calls in ${formatDuration(real.simulatedMs)} (virtual: ${formatDuration(v.simulatedMs)})`,
      );
      checks.push({ label: v.scenario.label, virtual: v, real });
    }
  } finally {
    await h.close();
  }
  return checks;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const scenarios = args.only ? SCENARIOS.filter((s) => args.only?.includes(s.id)) : SCENARIOS;
  if (scenarios.length === 0) throw new Error(`no scenario matches ${args.only?.join(',')}`);
  const h = await startHarness({ latencyMs: args.latencyMs, seed: JITTER_SEED });
  const results: ScenarioResult[] = [];
  try {
    for (const s of scenarios) {
      process.stdout.write(`${s.label} … `);
      const r = await runScenario(h, s);
      results.push(r);
      console.log(
        `${r.outcome}: ${r.totalCalls} calls (bound ${r.lowerBound.calls}, naive ${r.naive.calls}), ` +
          `${formatDuration(r.simulatedMs)} simulated in ${r.invocations} invocation(s), ` +
          `${formatDuration(r.realMs)} real, heap +${formatBytes(r.peakHeapBytes)}`,
      );
    }
  } finally {
    await h.close();
  }
  if (args.only) {
    console.log(resultsTable(results));
    if (args.print)
      console.log(`\n${goalsTable(results)}\n\n${limitsTable(results)}\n\n${endpointsSection(results)}`);
    return;
  }
  const clockChecks = await checkClock(args.latencyMs, results);
  const domain = args.domain
    ? runDomainBench()
    : { ok: false as const, reason: 'skipped with `--no-domain`.' };
  const cpuList = cpus();
  const config: RunConfig = {
    latencyMs: args.latencyMs,
    tenSecondLimit: DEFAULT_RATE_LIMITS.tenSecondlyMax,
    searchPerSecond: DEFAULT_RATE_LIMITS.searchPerSecond,
    seed: JITTER_SEED,
    node: process.version,
    platform: `${platform()} ${arch()}`,
    cpus: `${cpuList.length} × ${cpuList[0]?.model.trim() ?? 'unknown CPU'}`,
    load: loadavg()[0] ?? 0,
    date: new Date().toISOString().slice(0, 10),
    clock: 'virtual',
  };
  const charts = buildCharts(results);
  for (const c of charts) writeFileSync(`${DOCS}${c.file}`, c.svg);
  const page = renderReport({
    config,
    results,
    domain,
    charts,
    clockChecks,
    methodNotes: [
      `The functions ran from ${h.functionSource === 'bundle' ? 'the built bundles' : 'their TypeScript sources (bundles not built)'}.`,
      'Search lag is 0 in these runs: the functions read what the journal knows by id, and verify from the write answers or by id, so lag changes no count.',
    ],
  });
  writeFileSync(`${DOCS}benchmarks.md`, page);
  if (args.print) console.log(resultsTable(results));
  console.log(`wrote docs/benchmarks.md and ${charts.map((c) => `docs/${c.file}`).join(', ')}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
