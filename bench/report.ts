/**
 * Renders `docs/benchmarks.md` from the measured results: the method, the table, the formulas, the
 * per-endpoint call counts, the charts and the domain micro-benchmarks. Pure: text in, text out.
 */
import { MAX_SLICES_PER_INVOCATION } from '@goal-families/contract';
import { applyInvocationCalls, applyInvocationFormula, largestFamilyWithin } from './expected';
import { GOALS } from './goals';
import { formatBytes } from './memory';
import type { RunConfig, ScenarioResult } from './result';
import { READS } from './runner/reads';
import { rateFloor } from './scenarios';

export type DomainBench = { ok: true; output: string } | { ok: false; reason: string };

/** The same scenario on the virtual clock and in real time (latency really slept): the simulation's check. */
export type ClockCheck = { label: string; virtual: ScenarioResult; real: ScenarioResult };

export type ReportInput = {
  clockChecks?: readonly ClockCheck[];
  config: RunConfig;
  results: readonly ScenarioResult[];
  domain: DomainBench;
  /** Chart files, relative to the docs folder. */
  charts: readonly { file: string; alt: string }[];
  /** Extra method notes from the runner (e.g. where simulated time came from). */
  methodNotes?: readonly string[];
};

const int = (n: number) => n.toLocaleString('en-US');

export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  const m = Math.floor(ms / 60_000);
  const s = Math.round((ms % 60_000) / 1_000);
  return `${m} min ${s} s`;
}

/** "x3.0" style ratio of measured calls to the lower bound. */
export const ratio = (measured: number, bound: number) =>
  bound > 0 ? `×${(measured / bound).toFixed(1)}` : '—';

const cell = (s: string) => s.replace(/\|/g, '\\|');

export function resultsTable(results: readonly ScenarioResult[]): string {
  const head =
    '| scenario | size | invocations | API calls | expected by formula | lower bound | calls ÷ bound | naive | simulated time | rate-limit floor | time ÷ floor | longest invocation | outcome |\n' +
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |';
  const rows = results.map((r) => {
    const floor = rateFloor(r.scenario);
    return [
      cell(r.scenario.label),
      int(r.scenario.size),
      int(r.invocations),
      int(r.totalCalls) + (r.throttled > 0 ? ` (${int(r.throttled)} × 429)` : ''),
      r.expected ? int(r.expected.calls) : '—',
      int(r.lowerBound.calls),
      ratio(r.totalCalls, r.lowerBound.calls),
      int(r.naive.calls),
      formatDuration(r.simulatedMs),
      formatDuration(floor.ms),
      ratio(r.simulatedMs, floor.ms),
      formatDuration(r.longestInvocationMs),
      cell(r.outcome),
    ].join(' | ');
  });
  return [head, ...rows.map((r) => `| ${r} |`)].join('\n');
}

/** HubSpot's function limits, per scenario: the largest figure any of its invocations reached. */
export function limitsTable(results: readonly ScenarioResult[]): string {
  const head =
    '| scenario | invocations | peak heap | peak RSS | largest response | most log output |\n' +
    '| --- | ---: | ---: | ---: | ---: | ---: |';
  const rows = results.map((r) =>
    [
      cell(r.scenario.label),
      int(r.invocations),
      formatBytes(r.peakHeapBytes),
      formatBytes(r.peakRssBytes),
      formatBytes(r.largestResponseBytes),
      formatBytes(r.mostLogBytes),
    ].join(' | '),
  );
  return [head, ...rows.map((r) => `| ${r} |`)].join('\n');
}

/** One column per goal (`goals.ts`): met, not met, or — where the goal does not concern the scenario. */
export function goalsTable(results: readonly ScenarioResult[]): string {
  const head = `| scenario | ${GOALS.map((g) => cell(g.label)).join(' | ')} |\n| --- |${GOALS.map(() => ' :---: |').join('')}`;
  const rows = results.map(
    (r) => `| ${cell(r.scenario.label)} | ${GOALS.map((g) => g.check(r)).join(' | ')} |`,
  );
  const legend = GOALS.map((g) => `- **${g.label}**: ${g.text}.`).join('\n');
  return `${head}\n${rows.join('\n')}\n\n${legend}`;
}

export function formulasTable(results: readonly ScenarioResult[]): string {
  const seen = new Set<string>();
  const rows: string[] = [];
  for (const r of results) {
    if (seen.has(r.scenario.kind)) continue;
    seen.add(r.scenario.kind);
    const own = r.expected ? cell(r.expected.formula) : 'depends on how families straddle scan pages';
    rows.push(`| ${r.scenario.kind} | ${own} | ${cell(r.lowerBound.formula)} | ${cell(r.naive.formula)} |`);
  }
  return [
    '| operation | this implementation | lower bound | naive |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** What each invocation cost; a summary (largest and mean) when there are many. */
export function invocationLines(r: ScenarioResult): string[] {
  const ms = r.invocationMetrics;
  const calls = (m: (typeof ms)[number]) => Object.values(m.calls).reduce((a, b) => a + b, 0);
  if (ms.length <= 6) {
    return ms.map(
      (m, i) =>
        `invocation ${i + 1}, \`${m.uid}\`: ${formatDuration(m.simulatedMs)}, ${int(calls(m))} calls${m.throttled > 0 ? ` (${int(m.throttled)} × 429)` : ''}, heap ${formatBytes(m.heapBytes)}, RSS ${formatBytes(m.rssBytes)}, response ${formatBytes(m.responseBytes)}, logs ${formatBytes(m.logBytes)}`,
    );
  }
  const stat = (f: (m: (typeof ms)[number]) => number) => {
    const values = ms.map(f);
    return { max: Math.max(...values), mean: values.reduce((a, b) => a + b, 0) / values.length };
  };
  const time = stat((m) => m.simulatedMs);
  const c = stat(calls);
  const heap = stat((m) => m.heapBytes);
  const response = stat((m) => m.responseBytes);
  const logs = stat((m) => m.logBytes);
  const throttled = ms.map((m, i) => (m.throttled > 0 ? `${i + 1} (${m.throttled})` : '')).filter(Boolean);
  return [
    `${int(ms.length)} invocations (${[...new Set(ms.map((m) => `\`${m.uid}\``))].join(', ')}): time max ${formatDuration(time.max)} (mean ${formatDuration(time.mean)}), calls max ${int(c.max)} (mean ${c.mean.toFixed(1)}), heap max ${formatBytes(heap.max)} (mean ${formatBytes(heap.mean)}), response max ${formatBytes(response.max)} (mean ${formatBytes(response.mean)}), logs max ${formatBytes(logs.max)}${throttled.length > 0 ? `; answered 429 in invocation ${throttled.join(', ')}` : ''}`,
  ];
}

export function endpointsSection(results: readonly ScenarioResult[]): string {
  return results
    .map((r) => {
      const lines = Object.entries(r.callsByEndpoint)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([endpoint, n]) => `| \`${endpoint}\` | ${int(n)} |`);
      const notes = [...r.notes, ...invocationLines(r)].map((n) => `\n- ${n}`).join('');
      return `### ${r.scenario.label}\n\n| endpoint | calls |\n| --- | ---: |\n${lines.join('\n')}\n${notes}`;
    })
    .join('\n\n');
}

export function clockCheckSection(checks: readonly ClockCheck[]): string {
  if (checks.length === 0) return '';
  const rows = checks.map(
    (c) =>
      `| ${cell(c.label)} | ${int(c.virtual.totalCalls)} (${int(c.virtual.throttled)} × 429) | ${int(c.real.totalCalls)} (${int(c.real.throttled)} × 429) | ${formatDuration(c.virtual.simulatedMs)} | ${formatDuration(c.real.simulatedMs)} |`,
  );
  return `### Does the virtual clock tell the truth?

The same scenarios again, this time in real time: the emulator really sleeps the latency and the gateway really waits
(at this small scale a real run takes seconds), each after one untimed run that warms up the JIT. Calls should match exactly for operations whose calls follow one
another when no 429 occurs; a scan's two readers run at once and meet where their relative speed puts them, so a real
run may read a page more or less there. Times should agree to within the real run's own overhead (HTTP between two
processes, JSON, the emulator's work, and other work on the machine), which the virtual clock leaves out.

| scenario | calls, virtual clock | calls, real time | simulated time | real time |
| --- | ---: | ---: | ---: | ---: |
${rows.join('\n')}
`;
}

const pct = (part: number, whole: number) => (whole > 0 ? `${Math.round((part * 100) / whole)}%` : '0%');

/** Plain-language reading of the results, computed from them (so it stays true when the numbers move). */
export function readingSection(results: readonly ScenarioResult[]): string {
  const out: string[] = [];
  const largest = (kind: string) =>
    results.filter((r) => r.scenario.kind === kind).sort((a, b) => b.scenario.size - a.scenario.size)[0];
  for (const kind of ['rename', 'archive', 'create'] as const) {
    const r = largest(kind);
    if (!r) continue;
    out.push(
      `- **${kind}** of ${int(r.scenario.size)} slices: ${int(r.totalCalls)} calls where one request per slice would take ${int(r.naive.calls)} (${(r.naive.calls / r.totalCalls).toFixed(0)}× fewer); ${formatDuration(r.simulatedMs)} for preview and apply.`,
    );
  }
  const protocol = results.filter((r) => r.expected && r.scenario.kind !== 'first-paint');
  if (protocol.length > 0) {
    const ratios = protocol.map((r) => r.totalCalls / r.lowerBound.calls);
    const [lo, hi] = [Math.min(...ratios), Math.max(...ratios)];
    out.push(
      `- **The price of safety** is the gap between the calls and the lower bound: the preview reads the family (search, then batch read by id, so the version is never computed from a lagging index); the apply reads it again to check the version, records the plan in the write-ahead journal, writes, reads back only what HubSpot's answers do not prove (archived slices: an archive answers with no body), and closes the journal entry; each invocation also checks permission (the caller in the users API and the settings record read by its unique key, never cached), and a function instance lists the schemas for the store's object type once, on its first invocation (the scenarios start with new instances, so the apply after the preview skips it). Here it is ×${lo.toFixed(1)}–×${hi.toFixed(1)} the lower bound: a constant factor, not a per-slice cost.`,
    );
  }
  const health = results.filter((r) => r.scenario.kind === 'health');
  const throttled = results.reduce((a, r) => a + r.throttled, 0);
  const calls = results.reduce((a, r) => a + r.totalCalls, 0);
  const onSearch = results.reduce((a, r) => a + r.throttledSearch, 0);
  const where = results.filter((r) => r.throttled > 0).map((r) => `${r.scenario.label} ${int(r.throttled)}`);
  out.push(
    throttled > 0
      ? `- **429s:** ${int(throttled)} of ${int(calls)} calls (${pct(throttled, calls)}) in this run were answered 429 (${int(onSearch)} of them on search; ${where.join(', ')}), each retried after a back-off that the simulated time includes. The gateway meters search and the general limit with sliding windows (\`SEARCH_RATE_LIMIT\`, \`GENERAL_RATE_LIMIT\` in \`src/gateway/paths.ts\`), and a scan hands the calls still inside HubSpot's windows to its next invocation through the cursor; a 429 comes from a call the limiter could not see: another invocation running at the same time, or a new call started right after a scan without its cursor.`
      : `- **429s:** none of the ${int(calls)} calls in this run was answered 429. The gateway meters search and the general limit with sliding windows (\`SEARCH_RATE_LIMIT\`, \`GENERAL_RATE_LIMIT\` in \`src/gateway/paths.ts\`), and a scan hands the calls still inside HubSpot's windows to its next invocation through the cursor (and the family index to the page call after it, as \`budget\`), so consecutive invocations share one budget instead of each bursting anew.`,
  );
  const biggest = [...health].sort((a, b) => b.scenario.size - a.scenario.size)[0];
  if (biggest) {
    const floor = rateFloor(biggest.scenario);
    out.push(
      `- **Health check:** ${int(biggest.scenario.size)} targets in ${formatDuration(biggest.simulatedMs)} against a rate-limit floor of ${formatDuration(floor.ms)} (×${(biggest.simulatedMs / floor.ms).toFixed(2)}), in ${int(biggest.invocations)} invocations of at most ${formatDuration(biggest.longestInvocationMs)}. Each invocation reads with the list endpoint upwards (general limit) and with search downwards (its own limit) at once, so the two rate limits add up; then it fetches, for the families it saw, only their slices outside what it read, and audits each family in the invocation that read its lowest slice. Its calls are ×${(biggest.totalCalls / biggest.lowerBound.calls).toFixed(1)} the ${int(biggest.lowerBound.calls)} search pages a scan by search alone needs, because a list page holds 100 targets, not 200: the fewest calls is not the least time, and time is what the rate limits bound. See "How a scan spends its calls".`,
    );
  }
  return out.length > 0 ? `## Reading the numbers\n\n${out.join('\n')}\n` : '';
}

/** Every call of each portal scan, by what it asked for (`runner/reads.ts`), and the targets read twice. */
export function scanAccountingSection(results: readonly ScenarioResult[]): string {
  const scans = results.filter((r) => r.scenario.kind === 'health' || r.scenario.kind === 'admin-list');
  if (scans.length === 0) return '';
  const sum = (r: ScenarioResult, purpose: string, field: 'calls' | 'records') =>
    r.invocationMetrics.reduce((n, m) => n + (m.reads[purpose]?.[field] ?? 0), 0);
  const rows = scans.map((r) => {
    const list = sum(r, READS.list, 'calls');
    const listed = sum(r, READS.list, 'records');
    const down = sum(r, READS.down, 'calls');
    const searched = sum(r, READS.down, 'records');
    const families = sum(r, READS.families, 'calls');
    const slices = sum(r, READS.families, 'records');
    const groups = sum(r, READS.groups, 'calls');
    const other = r.totalCalls - list - down - families - groups;
    return `| ${cell(r.scenario.label)} | ${int(r.invocations)} | ${int(list)} (${int(listed)}) | ${int(down)} (${int(searched)}) | ${int(listed + searched - r.scenario.size)} | ${int(families)} (${int(slices)}) | ${int(groups)} | ${int(other)} | ${int(r.totalCalls)} |`;
  });
  return `## How a scan spends its calls

A portal scan reads every target once with two readers that run at once and meet in the middle of the id
space (\`src/use-cases/scan/bounded-scan.ts\`): list pages from the lowest id up (\`GET\`, 100 targets a page,
under the general limit of 190 per 10 s) and searches from the highest id down (200 a page, 5 a second, exempt
from the general limit). So its calls are exactly: **⌈L/100⌉ list pages + ⌈D/200⌉ searches down** for the L and
D targets each reader read in each invocation, plus the pages each reader had on its way when the two met (they
are answered and dropped: the "read twice" column). The health check adds, per invocation, **⌈F/100⌉ searches
for the F families it saw** (\`IN\` on their uuids, and only for ids outside what the invocation read: the
slices of the families that straddle invocations, one more page per 200 of them; none when one invocation read
the whole portal), and one search for the
target groups of any orphan slices. The admin list adds the page of 25 families (one \`IN\` search, paged, the owners and the
teams). Measured, with the targets each read returned in brackets:

| scenario | invocations | list pages (targets) | searches down (targets) | read twice | searches for families seen (slices) | searches for orphans' groups | other calls | all calls |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}
`;
}

/** The largest family one apply invocation can handle at this latency, from the formulas. */
export function invocationLimitsSection(latencyMs: number): string {
  const kinds = ['rename', 'archive', 'create'] as const;
  const rows = kinds.map((k) => {
    const at5 = largestFamilyWithin(k, latencyMs, 5_000);
    const at10 = largestFamilyWithin(k, latencyMs, 10_000);
    const max = MAX_SLICES_PER_INVOCATION;
    return `| ${k} | ${applyInvocationFormula(k)} | ${int(at5)} | ${int(at10)} | ${int(applyInvocationCalls(k, max))} calls, ${formatDuration(applyInvocationCalls(k, max) * latencyMs)} |`;
  });
  return `## How far one invocation goes

The apply invocation makes its calls one after another, so its time grows with the family: at ${latencyMs} ms a call,
the formulas give the largest family (in whole batches of 100 slices) whose apply fits in 5 s and in 10 s. Throttles
and retries only make it slower, so these are upper limits. A failed apply must also have time to roll back (up to as
many calls again) and HubSpot's latency per batch call can exceed ${latencyMs} ms, so one invocation may create or change
family-wide at most \`MAX_SLICES_PER_INVOCATION\` = ${int(MAX_SLICES_PER_INVOCATION)} slices (\`src/app/packages/contract/functions.ts\`: the
5 s column, rounded down to 100 assignees × 12 months). \`goal_family_create\` and clone refuse more, and a family-wide
change of a larger existing family is refused with \`VALIDATION_ERROR\` before anything is written. The last column is
what an apply at that limit takes.

| operation | calls in the apply invocation | largest family in 5 s | in 10 s | ${int(MAX_SLICES_PER_INVOCATION)} slices |
| --- | --- | ---: | ---: | ---: |
${rows.join('\n')}
`;
}

export function renderReport(input: ReportInput): string {
  const { config, results } = input;
  const charts = input.charts.map((c) => `![${c.alt}](${c.file})`).join('\n\n');
  const domain = input.domain.ok
    ? `Output of \`npm run bench:domain\` (\`bench/domain.ts\`), run by \`npm run bench\`:\n\n\`\`\`text\n${input.domain.output.trimEnd()}\n\`\`\``
    : `> **Not measured in this run:** ${input.domain.reason}\n>\n> Run \`npm run bench:domain\` once \`bench/domain.ts\` exists; \`npm run bench\` includes its output here.`;
  const clockLine =
    config.clock === 'virtual'
      ? "**Simulated time** comes from a virtual clock (`bench/virtual-clock.ts`) owned by the function runner: the gateway inside the function bundles sleeps on it (rate limiters, 429/5xx back-off), the runner waits out each call's latency on it, and every request carries its virtual time to the emulator in a header (`x-emulator-virtual-now`), which the emulator's rolling rate-limit windows and timestamps follow. Sleeps advance virtual time instead of waiting, so a 50,000-target health check takes seconds of real time; concurrent waits overlap as they would in real time. Simulated time therefore includes every limiter wait and every 429 back-off."
      : '**Time** is real wall time with the emulator sleeping for the latency on every call.';
  const notes = (input.methodNotes ?? []).map((n) => `- ${n}`).join('\n');
  return `# Benchmarks: API calls and time

<!-- Generated by \`npm run bench\` (bench/run.ts). Do not edit by hand: rerun the command. -->

The cost of this app is HubSpot API calls: they are rate-limited (${int(config.tenSecondLimit)} per 10 s for a
Pro/Enterprise private app, search ${config.searchPerSecond} per second, 10,000 results per search query) and every function
invocation must finish well inside its time limit. This page measures both, against the least any
correct implementation could do and against the naive way.

## Method

- **Where:** the HubSpot emulator (\`emulator/\`) in its own process (\`emulator/cli.ts\`, as \`npm run emulator\` runs it),
  seed ${config.seed}, with **${config.latencyMs} ms latency per call** and HubSpot's rate limits on (${int(config.tenSecondLimit)} requests per
  rolling 10 s, search ${config.searchPerSecond} per second and exempt from the other, 429 with HubSpot's body).
- **What runs:** the real app functions — the built bundles \`src/app/functions/dist/<uid>.js\`, loaded in a second process
  (\`bench/runner/function-runner.ts\`) and called through \`main(context)\` the way HubSpot's runner calls them, with
  \`HUBSPOT_API_BASE_URL\` pointing at the emulator.
  Mutations run as the UI runs them: a preview (\`dryRun: true\`) and then the apply with the preview's \`version\`;
  both invocations are counted.
- **API calls** are the emulator's per-endpoint counters (every HTTP request it answered, 429s included),
  reset before each scenario; data set-up (seeding the families or the portal) is not counted.
- ${clockLine}
- **Per invocation** the runner measures what HubSpot limits (128 MB of memory, 6 MB of payload, 4 KB of logs):
  **heap** = what the function's bundle alone holds in a fresh Node process after a GC (measured once per function)
  plus the invocation's own growth (peak heap used, sampled every 5 ms and at every HTTP answer, above the heap
  left after a forced GC just before the invocation); **RSS** = the fresh process's resident memory plus that same
  growth (an estimate: the runner hosts every bundle, so its own RSS would overstate one function's); the
  **response** is the JSON the function returns, in bytes; **logs** are the bytes it wrote to the console. The
  emulator's work answering the calls is in its own process and counts nowhere here.
- **Rate-limit floor** = the least simulated time at HubSpot's sustained rates (19 general calls and 5 searches
  per second), whatever the latency: for a scan of N targets min(⌈N/100⌉/19, ⌈N/200⌉/5) s (every target read
  once, by the list endpoint or by search); for the other operations the lower bound's searches and other calls
  side by side.
- **Lower bound** = the calls no correct implementation avoids: the reads that find the records (search is the only
  way to find a family's slices by uuid, 200 a page) plus the writes in batches of 100. The safe-write protocol's
  version check and read-back are not in it: the difference between "API calls" and "lower bound" is the price of
  safety. **Naive** = one PATCH / DELETE / POST per slice, as HubSpot's single-record endpoints invite.
${notes ? `${notes}\n` : ''}
Run on ${config.date} · Node ${config.node} · ${config.platform} · ${config.cpus} · load average ${config.load.toFixed(1)}
at the end (simulated time does not depend on the machine's load; the real-time checks and the domain
micro-benchmarks do).

## Results

${resultsTable(results)}

### Goals

${goalsTable(results)}

### Inside HubSpot's function limits

The largest figure any invocation of the scenario reached (per-invocation figures under "Calls by endpoint"):

${limitsTable(results)}

Formulas (n = slices in the family, S = the owner's slices, T = the slices of the families the card shows, N = targets in the portal, F = families, f = slices per family):

${formulasTable(results)}

${charts}

${readingSection(results)}
${scanAccountingSection(results)}
${clockCheckSection(input.clockChecks ?? [])}
${invocationLimitsSection(config.latencyMs)}
## Calls by endpoint

${endpointsSection(results)}

## Domain micro-benchmarks

${domain}
`;
}
