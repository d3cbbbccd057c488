import { describe, expect, it } from 'vitest';
import { renameLowerBound, renameNaive } from './formulas';
import { formatDuration, ratio, readingSection, renderReport, resultsTable } from './report';
import type { RunConfig, ScenarioResult } from './result';
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
  peakHeapBytes: 3 * 1024 * 1024,
  peakRssBytes: 90 * 1024 * 1024,
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

  it('one table row per result, with the 429s shown', () => {
    const table = resultsTable([result]);
    expect(table.split('\n')).toHaveLength(3);
    expect(table).toContain(
      '| Rename, 50 × 12 slices | 600 | 2 | 12 (1 × 429) | 11 | 9 | ×1.3 | 603 | 2.4 s | 1.5 s | 3.0 MiB | ok |',
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
    // The last column is an apply at MAX_SLICES_PER_INVOCATION (1,200): 8 + 6 + 24, 8 + 6 + 36 and
    // 9 + 12 calls (only an archive is read back).
    expect(page).toContain('| rename | 8 + ⌈n/200⌉ + 2⌈n/100⌉ | 1,600 | 3,600 | 38 calls, 3.8 s |');
    expect(page).toContain('| archive | 8 + ⌈n/200⌉ + 3⌈n/100⌉ | 1,200 | 2,600 | 50 calls, 5.0 s |');
    expect(page).toContain('| create | 9 + ⌈n/100⌉ | 4,100 | 9,100 | 21 calls, 2.1 s |');
    expect(page).toContain('`MAX_SLICES_PER_INVOCATION` = 1,200 slices');
  });

  it('reads the numbers from the results: batching, the price of safety, and 429s', () => {
    const text = readingSection([result]);
    expect(text).toContain(
      '**rename** of 600 slices: 12 calls where one request per slice would take 603 (50× fewer)',
    );
    expect(text).toContain('×1.3–×1.3 the lower bound');
    expect(text).toContain('1 of 12 calls (8%) in this run were answered 429 (1 of them on search)');
    expect(readingSection([{ ...result, throttled: 0, throttledSearch: 0 }])).not.toContain('429');
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
