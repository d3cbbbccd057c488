import { describe, expect, it } from 'vitest';
import { buildCharts } from './charts';
import { archiveLowerBound, archiveNaive, renameLowerBound, renameNaive } from './formulas';
import type { ScenarioResult } from './result';
import { SCENARIOS } from './scenarios';

const resultFor = (id: string, calls: number, ms: number): ScenarioResult => {
  const scenario = SCENARIOS.find((s) => s.id === id);
  if (!scenario) throw new Error(id);
  const n = scenario.size;
  return {
    scenario,
    families: 1,
    invocations: 2,
    callsByEndpoint: {},
    totalCalls: calls,
    throttled: 0,
    throttledSearch: 0,
    lowerBound: scenario.kind === 'archive' ? archiveLowerBound(n) : renameLowerBound(n),
    naive: scenario.kind === 'archive' ? archiveNaive(n) : renameNaive(n),
    expected: null,
    simulatedMs: ms,
    longestInvocationMs: ms / 2,
    realMs: 1,
    invocationMetrics: [],
    peakHeapBytes: 1,
    peakRssBytes: 1,
    largestResponseBytes: 1,
    mostLogBytes: 0,
    outcome: 'ok',
    notes: [],
  };
};

describe('benchmark charts', () => {
  const results = [
    resultFor('rename-12', 11, 1_100),
    resultFor('rename-600', 35, 3_500),
    resultFor('archive-600', 35, 3_500),
  ];

  it('makes the calls chart and the time chart, named as the page links them', () => {
    expect(buildCharts(results).map((c) => c.file)).toEqual(['benchmarks-calls.svg', 'benchmarks-time.svg']);
  });

  it('plots measured, lower bound and naive for renames, and a point per single-size scenario', () => {
    const [calls] = buildCharts(results);
    for (const name of [
      'rename: measured',
      'rename: lower bound',
      'rename: naive',
      'archive 600: measured',
    ]) {
      expect(calls?.svg).toContain(`>${name}</text>`);
    }
    expect(calls?.svg).not.toContain('health: measured');
  });

  it('marks the 10 s line on the time chart', () => {
    expect(buildCharts(results)[1]?.svg).toContain('one invocation must stay well under 10 s');
  });

  it('makes no chart from no results', () => {
    expect(buildCharts([])).toEqual([]);
  });
});
