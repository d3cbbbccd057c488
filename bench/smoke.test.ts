/**
 * A small run of the benchmark inside `npm test`: the real function bundles against the emulator with
 * latency and HubSpot's rate limits on (virtual time), asserting only call COUNTS — they are
 * deterministic; times are not asserted anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedCalls, normaliseCounts } from './expected';
import { type Harness, startHarness } from './harness';
import { runScenario } from './run-scenario';
import { SMOKE_SCENARIOS } from './scenarios';

describe('benchmark smoke run: API calls equal the formulas', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ latencyMs: 100 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each(SMOKE_SCENARIOS.map((s) => [s.id, s] as const))('%s', async (_, scenario) => {
    const expected = expectedCalls(scenario);
    if (!expected) throw new Error(`${scenario.id} has no call formula`);
    const r = await runScenario(h, scenario);
    expect(r.outcome).toBe('ok');
    expect(r.throttled).toBe(0);
    expect(normaliseCounts(r.callsByEndpoint)).toEqual(expected.byEndpoint);
    expect(r.totalCalls).toBe(expected.total);
    // Batching: above the lower bound (the protocol's checks) and far below one call per slice.
    expect(r.totalCalls).toBeGreaterThanOrEqual(r.lowerBound.calls);
    expect(r.totalCalls).toBeLessThan(r.naive.calls);
  });

  it('ran the built bundles, not the sources', () => {
    expect(h.functionSource).toBe('bundle');
  });
});
