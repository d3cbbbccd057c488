/**
 * Renders `docs/benchmarks.md` from the measured results: the method, the table, the formulas, the
 * per-endpoint call counts, the charts and the domain micro-benchmarks. Pure: text in, text out.
 */
import { MAX_SLICES_PER_INVOCATION } from '@goal-families/contract';
import { applyInvocationCalls, applyInvocationFormula, largestFamilyWithin } from './expected';
import { formatBytes } from './memory';
import type { RunConfig, ScenarioResult } from './result';

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
    '| scenario | size | invocations | API calls | expected by formula | lower bound | calls ÷ bound | naive | simulated time | longest invocation | peak heap | outcome |\n' +
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |';
  const rows = results.map((r) =>
    [
      cell(r.scenario.label),
      int(r.scenario.size),
      int(r.invocations),
      int(r.totalCalls) + (r.throttled > 0 ? ` (${int(r.throttled)} × 429)` : ''),
      r.expected ? int(r.expected.calls) : '—',
      int(r.lowerBound.calls),
      ratio(r.totalCalls, r.lowerBound.calls),
      int(r.naive.calls),
      formatDuration(r.simulatedMs),
      formatDuration(r.longestInvocationMs),
      formatBytes(r.peakHeapBytes),
      cell(r.outcome),
    ].join(' | '),
  );
  return [head, ...rows.map((r) => `| ${r} |`)].join('\n');
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

export function endpointsSection(results: readonly ScenarioResult[]): string {
  return results
    .map((r) => {
      const lines = Object.entries(r.callsByEndpoint)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([endpoint, n]) => `| \`${endpoint}\` | ${int(n)} |`);
      const notes = r.notes.map((n) => `\n- ${n}`).join('');
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
(at this small scale a real run takes seconds). Calls should match exactly when no 429 occurs; times should agree to
within the real run's own overhead (HTTP on localhost, JSON, the emulator's work), which the virtual clock leaves out.

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
      `- **The price of safety** is the gap between the calls and the lower bound: the preview reads the family (search, then batch read by id, so the version is never computed from a lagging index); the apply reads it again to check the version, writes, reads every touched slice back, and appends one journal record; each invocation also checks permission (the caller in the users API, the schema lookup and the settings record read by its unique key). Here it is ×${lo.toFixed(1)}–×${hi.toFixed(1)} the lower bound: a constant factor, not a per-slice cost.`,
    );
  }
  const health = results.filter((r) => r.scenario.kind === 'health');
  const throttled = results.reduce((a, r) => a + r.throttled, 0);
  if (throttled > 0) {
    const calls = results.reduce((a, r) => a + r.totalCalls, 0);
    const onSearch = results.reduce((a, r) => a + r.throttledSearch, 0);
    out.push(
      `- **429s:** ${int(throttled)} of ${int(calls)} calls (${pct(throttled, calls)}) in this run were answered 429 (${int(onSearch)} of them on search), each retried after a back-off that the simulated time includes. The gateway meters search with a sliding window (\`SEARCH_RATE_LIMIT\` in \`src/gateway/paths.ts\`: never a 6th search within any 1,000 ms of one invocation), so search 429s come only from searches of *other* invocations — running at the same time, or just finished (each invocation's limiter starts empty, and a health check's next invocation starts at once) — which one invocation's limiter cannot see.`,
    );
  }
  const longest = health.sort((a, b) => b.longestInvocationMs - a.longestInvocationMs)[0];
  if (longest) {
    out.push(
      `- **Health check:** each invocation scans a bounded slice of the portal and returns a cursor, so invocations are bounded whatever the portal size — the longest took ${formatDuration(longest.longestInvocationMs)} (${int(longest.invocations)} invocations for ${int(longest.scenario.size)} targets). Its calls are about ${(longest.totalCalls / longest.lowerBound.calls).toFixed(1)}× the ${int(longest.lowerBound.calls)} pages a bare scan needs: every page also fetches the whole families it touches (one \`IN\` search, which can page), so that a family straddling two pages is audited once, complete.`,
    );
  }
  return out.length > 0 ? `## Reading the numbers\n\n${out.join('\n')}\n` : '';
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
      ? '**Simulated time** comes from a virtual clock (`bench/virtual-clock.ts`) shared by the emulator (per-call latency, rolling rate-limit windows) and the gateway inside the function bundles (search throttle, 429/5xx backoff). Sleeps advance virtual time instead of waiting, so a 50,000-target health check takes seconds of real time; concurrent waits overlap as they would in real time. Simulated time therefore includes every search-throttle wait and every 429 back-off.'
      : '**Time** is real wall time with the emulator sleeping for the latency on every call.';
  const notes = (input.methodNotes ?? []).map((n) => `- ${n}`).join('\n');
  return `# Benchmarks: API calls and time

<!-- Generated by \`npm run bench\` (bench/run.ts). Do not edit by hand: rerun the command. -->

The cost of this app is HubSpot API calls: they are rate-limited (${int(config.tenSecondLimit)} per 10 s for a
Pro/Enterprise private app, search ${config.searchPerSecond} per second, 10,000 results per search query) and every function
invocation must finish well inside its time limit. This page measures both, against the least any
correct implementation could do and against the naive way.

## Method

- **Where:** the HubSpot emulator (\`emulator/\`), in process, seed ${config.seed}, with **${config.latencyMs} ms latency per call**
  and HubSpot's rate limits on (${int(config.tenSecondLimit)} requests per rolling 10 s, search ${config.searchPerSecond} per second, 429 with HubSpot's body).
- **What runs:** the real app functions — the built bundles \`src/app/functions/dist/<uid>.js\`, called through
  \`main(context)\` the way HubSpot's runner calls them, with \`HUBSPOT_API_BASE_URL\` pointing at the emulator.
  Mutations run as the UI runs them: a preview (\`dryRun: true\`) and then the apply with the preview's \`version\`;
  both invocations are counted.
- **API calls** are the emulator's per-endpoint counters (every HTTP request it answered, 429s included),
  reset before each scenario; data set-up (seeding the families or the portal) is not counted.
- ${clockLine}
- **Peak memory:** \`process.memoryUsage()\` sampled every 5 ms during the scenario; heap is the peak above the
  baseline taken (after a forced GC) just before it. The emulator runs in the same process: its data loaded before
  the scenario is in the baseline, but its work answering the calls (and garbage not yet collected) is in the peak,
  so the figure is an upper bound for the functions themselves.
- **Lower bound** = the calls no correct implementation avoids: the reads that find the records (search is the only
  way to find a family's slices by uuid, 200 a page) plus the writes in batches of 100. The safe-write protocol's
  version check and read-back are not in it: the difference between "API calls" and "lower bound" is the price of
  safety. **Naive** = one PATCH / DELETE / POST per slice, as HubSpot's single-record endpoints invite.
${notes ? `${notes}\n` : ''}
Run on ${config.date} · Node ${config.node} · ${config.platform} · ${config.cpus}.

## Results

${resultsTable(results)}

Formulas (n = slices in the family, S = the owner's slices, N = targets in the portal, F = families):

${formulasTable(results)}

${charts}

${readingSection(results)}
${clockCheckSection(input.clockChecks ?? [])}
${invocationLimitsSection(config.latencyMs)}
## Calls by endpoint

${endpointsSection(results)}

## Domain micro-benchmarks

${domain}
`;
}
