/**
 * A small run of the benchmark inside `npm test`: the real function bundles against the emulator with
 * latency and HubSpot's rate limits on (virtual time), asserting only call COUNTS — they are
 * deterministic; times are not asserted anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedCalls, normaliseCounts } from './expected';
import { firstPageOf, GOALS, renameApplyCalls, renameApplyTarget } from './goals';
import { type Harness, startHarness } from './harness';
import { runScenario } from './run-scenario';
import { READS } from './runner/reads';
import { SCENARIOS, SMOKE_SCENARIOS } from './scenarios';

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

  it('rename-120: the preview (a new instance) lists the schemas, the apply (warm) does not; both read the settings with the journal', async () => {
    const scenario = SCENARIOS.find((s) => s.id === 'rename-120');
    if (!scenario) throw new Error('scenario table lost rename-120');
    const r = await runScenario(h, scenario);
    expect(r.outcome).toBe('ok');
    const per = r.invocationMetrics.map((m) => normaliseCounts(m.calls));
    expect(per.map((c) => c['GET /crm/v3/schemas'] ?? 0)).toEqual([1, 0]);
    // The settings come with the journal's keys in one store read per invocation, never on their own.
    expect(per.map((c) => c['GET /crm/v3/objects/{customType}/settings'] ?? 0)).toEqual([0, 0]);
    expect(per.map((c) => c['POST /crm/v3/objects/{customType}/batch/read'] ?? 0)).toEqual([1, 1]);
    // The apply: the size's calls (1 search, 2 batch reads, 2 batch updates) and 4 fixed ones — the
    // caller's roles, the store read, the pending entry and its close (with the previous newest entry).
    expect(renameApplyCalls(r)).toBe(renameApplyTarget(scenario.size) - 2 + 4);
  });

  it('health-1000: every call is a list page or a search down; each target read once', async () => {
    const scenario = SCENARIOS.find((s) => s.id === 'health-1000');
    if (!scenario) throw new Error('scenario table lost health-1000');
    const r = await runScenario(h, scenario);
    expect(r.outcome).toBe('ok');
    expect(r.throttled).toBe(0);
    const reads = (purpose: string, field: 'calls' | 'records') =>
      r.invocationMetrics.reduce((n, m) => n + (m.reads[purpose]?.[field] ?? 0), 0);
    const scanned = reads(READS.list, 'records') + reads(READS.down, 'records');
    // Every target once, and at most the pages on their way when the two readers met twice.
    expect(scanned).toBeGreaterThanOrEqual(scenario.size);
    expect(scanned).toBeLessThanOrEqual(scenario.size + 100 + 200);
    const pages = reads(READS.list, 'calls') + reads(READS.down, 'calls');
    expect(pages).toBeLessThanOrEqual(Math.ceil(scenario.size / 100) + 2);
    // One invocation read the whole portal: no family straddles invocations, nothing more to fetch.
    expect(r.invocations).toBe(1);
    expect(reads(READS.families, 'calls')).toBe(0);
    // Besides the pages: the settings' default zone, read once per health check (the bench portal has
    // no app store, so that is the schema listing alone); the family index the check builds: the
    // store created on first use, the rows and the meta in one batch upsert; and, the store now
    // existing, the audited families' unfinished changes read by key.
    const counts = normaliseCounts(r.callsByEndpoint);
    expect(counts['POST /crm/v3/schemas']).toBe(1);
    expect(counts['POST /crm/v3/objects/{customType}/batch/upsert']).toBe(1);
    expect(counts['POST /crm/v3/objects/{customType}/batch/read']).toBe(1);
    expect(r.totalCalls).toBe(pages + 4);
    // The response and memory limits hold; a normal call logs nothing.
    expect(r.mostLogBytes).toBe(0);
    expect(r.largestResponseBytes).toBeLessThan(1_000_000);
  });

  it('admin-list-50000: the Families tab first page in one invocation and at most 3 calls (goal met)', async () => {
    const scenario = SCENARIOS.find((s) => s.id === 'admin-list-50000');
    if (!scenario) throw new Error('scenario table lost admin-list-50000');
    const r = await runScenario(h, scenario);
    expect(r.outcome, r.notes.join('; ')).toBe('ok');
    const expected = expectedCalls(scenario);
    expect(normaliseCounts(r.callsByEndpoint)).toEqual(expected?.byEndpoint);
    const goal = GOALS.find((g) => g.id === 'first-page');
    expect(goal?.check(r)).toBe('met');
    expect(firstPageOf(r)).toEqual({ invocations: 1, calls: 2 });
    expect(r.largestResponseBytes).toBeLessThan(1_000_000);
  }, 600_000);

  it('ran the built bundles, not the sources', () => {
    expect(h.functionSource).toBe('bundle');
  });
});
