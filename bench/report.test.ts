import { describe, expect, it } from 'vitest';
import { renameLowerBound, renameNaive } from './formulas';
import {
  formatDuration,
  goalsTable,
  invocationLines,
  limitsTable,
  ratio,
  readingSection,
  renderReport,
  resultsTable,
  scanAccountingSection,
} from './report';
import type { RunConfig, ScenarioResult } from './result';
import { READS } from './runner/reads';
import { SCENARIOS } from './scenarios';

const rename = SCENARIOS.find((s) => s.id === 'rename-600');
if (!rename) throw new Error('scenario table lost rename-600');

const result: ScenarioResult = {
  scenario: rename,
  families: 1,
  invocations: 2,
  callsByEndpoint: {
    'POST /crm/v3/objects/goal_targets/batch/update': 6,
    'POST /crm/v3/objects/goal_targets/search': 6,
  },
  totalCalls: 12,
  throttled: 1,
  throttledSearch: 1,
  lowerBound: renameLowerBound(600),
  naive: renameNaive(600),
  expected: { calls: 11, formula: '5 + 2⌈n/200⌉ + 4⌈n/100⌉' },
  simulatedMs: 2_400,
  longestInvocationMs: 1_500,
  realMs: 80,
  invocationMetrics: [
    {
      uid: 'goal_family_update',
      simulatedMs: 900,
      heapBytes: 9 * 1024 * 1024,
      rssBytes: 60 * 1024 * 1024,
      baseline: { heapBytes: 8 * 1024 * 1024, rssBytes: 59 * 1024 * 1024 },
      responseBytes: 20_000,
      logBytes: 0,
      calls: { 'POST /crm/v3/objects/goal_targets/search': 3 },
      throttled: 0,
      reads: {},
    },
    {
      uid: 'goal_family_update',
      simulatedMs: 1_500,
      heapBytes: 3 * 1024 * 1024,
      rssBytes: 90 * 1024 * 1024,
      baseline: { heapBytes: 8 * 1024 * 1024, rssBytes: 59 * 1024 * 1024 },
      responseBytes: 2_000_000,
      logBytes: 5_000,
      calls: { 'POST /crm/v3/objects/goal_targets/search': 3 },
      throttled: 0,
      reads: {},
    },
  ],
  peakHeapBytes: 9 * 1024 * 1024,
  peakRssBytes: 90 * 1024 * 1024,
  largestResponseBytes: 2_000_000,
  mostLogBytes: 5_000,
  outcome: 'ok',
  notes: ['the check re-reads by id'],
};

const config: RunConfig = {
  latencyMs: 100,
  tenSecondLimit: 190,
  searchPerSecond: 5,
  seed: 7,
  node: 'v20',
  platform: 'linux x64',
  cpus: '2 × test cpu',
  load: 1.5,
  date: '2026-01-01',
  clock: 'virtual',
};

describe('report pieces', () => {
  it.each([
    [40, '40 ms'],
    [2_400, '2.4 s'],
    [125_000, '2 min 5 s'],
  ])('duration %i ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));

  it('ratio to the bound', () => {
    expect(ratio(12, 9)).toBe('×1.3');
    expect(ratio(3, 0)).toBe('—');
  });

  it('one table row per result, with the 429s and the rate-limit floor shown', () => {
    const table = resultsTable([result]);
    expect(table.split('\n')).toHaveLength(3);
    // Floor of a 600-slice rename: max(3 searches / 5, 6 updates / 19) s = 600 ms.
    expect(table).toContain(
      '| Rename, 50 × 12 slices | 600 | 2 | 12 (1 × 429) | 11 | 9 | ×1.3 | 603 | 2.4 s | 600 ms | ×4.0 | 1.5 s | ok |',
    );
  });

  it('the function limits: the largest figure of any invocation', () => {
    expect(limitsTable([result])).toContain(
      '| Rename, 50 × 12 slices | 2 | 9.0 MiB | 90.0 MiB | 1.9 MiB | 5 KiB |',
    );
  });

  it('one column per goal, met or not met, and — where a goal does not concern the scenario', () => {
    const table = goalsTable([result]);
    // scan floor (a health check only), < 6 s, heap, response, logs, rename apply (renames only),
    // Families tab (admin list only). The apply here made 3 calls: within ⌈600/200⌉ + 2⌈600/100⌉ + 2.
    expect(table).toContain('| Rename, 50 × 12 slices | — | met | met | not met | not met | met | — |');
    // ⌈600/200⌉ + 2⌈600/100⌉ + 2 = 17 calls: met at 17, not at 18.
    const applyWith = (calls: number): ScenarioResult => ({
      ...result,
      invocationMetrics: result.invocationMetrics.map((m, i) =>
        i === 1 ? { ...m, calls: { x: calls } } : m,
      ),
    });
    expect(goalsTable([applyWith(17)])).toContain('| not met | not met | met | — |');
    expect(goalsTable([applyWith(18)])).toContain('| not met | not met | not met | — |');
    const health = SCENARIOS.find((s) => s.id === 'health-10000');
    if (!health) throw new Error('scenario table lost health-10000');
    // The floor of 10,000 targets: min(100/19, 50/5) s = 5.3 s; 1.5× = 7.9 s.
    const fast = { ...result, scenario: health, throttled: 0, simulatedMs: 7_800 };
    expect(goalsTable([fast])).toContain('| Health check, 10,000 targets | met |');
    expect(goalsTable([{ ...fast, throttled: 1 }])).toContain('| Health check, 10,000 targets | not met |');
    expect(goalsTable([{ ...fast, simulatedMs: 8_000 }])).toContain(
      '| Health check, 10,000 targets | not met |',
    );
  });

  it('per invocation: time, calls, memory, response and logs', () => {
    expect(invocationLines(result)[1]).toBe(
      'invocation 2, `goal_family_update`: 1.5 s, 3 calls, heap 3.0 MiB, RSS 90.0 MiB, response 1.9 MiB, logs 5 KiB',
    );
  });
});

describe('the page', () => {
  it('has the method, the table, the formulas, the charts and the endpoint counts', () => {
    const page = renderReport({
      config,
      results: [result],
      domain: { ok: true, output: 'grouping 100,000 targets: 120 ms' },
      charts: [{ file: 'benchmarks-calls.svg', alt: 'API calls against size' }],
    });
    expect(page).toContain('## Method');
    expect(page).toContain('100 ms latency per call');
    expect(page).toContain('⌈n/200⌉ searches + ⌈n/100⌉ batch updates');
    expect(page).toContain('![API calls against size](benchmarks-calls.svg)');
    expect(page).toContain('| `POST /crm/v3/objects/goal_targets/batch/update` | 6 |');
    expect(page).toContain('- the check re-reads by id');
    expect(page).toContain('grouping 100,000 targets: 120 ms');
  });

  it('compares the virtual clock with real time when checks were run', () => {
    const real = { ...result, simulatedMs: 2_650, throttled: 0, totalCalls: 11 };
    const page = renderReport({
      config,
      results: [result],
      domain: { ok: false, reason: 'x' },
      charts: [],
      clockChecks: [{ label: 'Rename, 600', virtual: result, real }],
    });
    expect(page).toContain('| Rename, 600 | 12 (1 × 429) | 11 (0 × 429) | 2.4 s | 2.6 s |');
  });

  it('says how large a family one invocation can handle at the configured latency', () => {
    const page = renderReport({ config, results: [result], domain: { ok: false, reason: 'x' }, charts: [] });
    // The last column is an apply at MAX_SLICES_PER_INVOCATION (1,200): 5 + 6 + 24, 5 + 6 + 36 and
    // 7 + 12 calls (only an archive is read back).
    expect(page).toContain('| rename | 5 + ⌈n/200⌉ + 2⌈n/100⌉ | 1,800 | 3,800 | 35 calls, 3.5 s |');
    expect(page).toContain('| archive | 5 + ⌈n/200⌉ + 3⌈n/100⌉ | 1,200 | 2,700 | 47 calls, 4.7 s |');
    expect(page).toContain('| create | 7 + ⌈n/100⌉ | 4,300 | 9,300 | 19 calls, 1.9 s |');
    expect(page).toContain('`MAX_SLICES_PER_INVOCATION` = 1,200 slices');
  });

  it('reads the numbers from the results: batching, the price of safety, and 429s', () => {
    const text = readingSection([result]);
    expect(text).toContain(
      '**rename** of 600 slices: 12 calls where one request per slice would take 603 (50× fewer)',
    );
    expect(text).toContain('×1.3–×1.3 the lower bound');
    expect(text).toContain(
      '1 of 12 calls (8%) in this run were answered 429 (1 of them on search; Rename, 50 × 12 slices 1)',
    );
    expect(readingSection([{ ...result, throttled: 0, throttledSearch: 0 }])).toContain(
      'none of the 12 calls in this run was answered 429',
    );
  });

  it('accounts for every call of a scan: list pages, searches down, searches for the families seen', () => {
    const health = SCENARIOS.find((s) => s.id === 'health-1000');
    if (!health) throw new Error('scenario table lost health-1000');
    const metrics = result.invocationMetrics.map((m) => ({
      ...m,
      uid: 'goal_families_audit' as const,
      reads: {
        [READS.list]: { calls: 3, records: 300 },
        [READS.down]: { calls: 4, records: 800 },
        [READS.families]: { calls: 1, records: 12 },
      },
    }));
    const scan = { ...result, scenario: health, invocationMetrics: metrics.slice(0, 1), totalCalls: 9 };
    // 300 + 800 targets read for 1,000: 100 read twice at the meeting point; 1 other call.
    expect(scanAccountingSection([scan])).toContain(
      '| Health check, 1,000 targets | 2 | 3 (300) | 4 (800) | 100 | 1 (12) | 0 | 1 | 9 |',
    );
    expect(scanAccountingSection([result])).toBe('');
  });

  it('marks the domain micro-benchmarks clearly when they could not run', () => {
    const page = renderReport({
      config,
      results: [result],
      domain: { ok: false, reason: 'bench/domain.ts is missing' },
      charts: [],
    });
    expect(page).toContain('**Not measured in this run:** bench/domain.ts is missing');
  });
});
