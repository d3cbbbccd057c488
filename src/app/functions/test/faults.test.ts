/** The safe-write protocol under HubSpot's failure modes, injected by the emulator. */

import type { Emulator } from '@goal-families/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asAdmin, call, ownerIds, rename, startEmulator, storedSlices } from './harness';

let emulator: Emulator;
let owners: string[];
beforeAll(async () => {
  emulator = await startEmulator({ seed: 'demo' });
  owners = await ownerIds();
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  emulator.configure({ searchLagMs: 0 });
});

const BIG = 'aaaaaaaa-bbbb-4ccc-8ddd-000000000600';

/** A family of 25 owners × 24 months = 600 slices (6 batches of 100). */
async function createBig(uuid = BIG) {
  const r = await call('goal_family_create', {
    ...asAdmin,
    uuid,
    name: 'Big family',
    milestone: 'monthly',
    startDate: '2026-01-01',
    periodCount: 24,
    assignees: owners.slice(0, 25).map((id) => ({ kind: 'owner', id })),
    spread: { mode: 'even', total: '24000.00' },
  });
  expect(r.ok, JSON.stringify(r).slice(0, 300)).toBe(true);
  return r;
}

const names = (uuid: string) =>
  new Set(
    storedSlices(emulator, uuid)
      .filter((s) => !s.archived)
      .map((s) => s.properties.hs_goal_name),
  );

describe('faults during a rename of 600 slices', () => {
  it('a 429 storm and 5xx bursts: the rename completes on every slice', async () => {
    await createBig();
    const preview = await call('goal_family_update', {
      ...asAdmin,
      uuid: BIG,
      dryRun: true,
      changes: { name: 'Renamed' },
    });
    emulator.faults.throttleNext(7, 'TEN_SECONDLY_ROLLING');
    const stormy = await call('goal_family_update', {
      ...asAdmin,
      uuid: BIG,
      version: preview.plan.version,
      changes: { name: 'Renamed' },
    });
    expect(stormy, JSON.stringify(stormy).slice(0, 300)).toMatchObject({
      ok: true,
      applied: { updated: 600 },
    });
    expect(names(BIG)).toEqual(new Set(['Renamed']));

    const again = await call('goal_family_update', {
      ...asAdmin,
      uuid: BIG,
      dryRun: true,
      changes: { name: 'Again' },
    });
    emulator.faults.failRate(503, 0.3);
    const bursty = await call('goal_family_update', {
      ...asAdmin,
      uuid: BIG,
      version: again.plan.version,
      changes: { name: 'Again' },
    });
    emulator.faults.clear();
    expect(bursty, JSON.stringify(bursty).slice(0, 300)).toMatchObject({
      ok: true,
      applied: { updated: 600 },
    });
    expect(names(BIG)).toEqual(new Set(['Again']));
  });

  it('a daily limit stops at once with RATE_LIMITED and the correlationId', async () => {
    await createBig();
    emulator.faults.throttleNext(1, 'DAILY');
    const r = await call('goal_family_get', { ...asAdmin, uuid: BIG });
    expect(r).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', details: { policyName: 'DAILY' } } });
    expect(r.error.details.correlationId).toEqual(expect.any(String));
  });

  it('a permanent failure mid-rename: every applied slice is rolled back', async () => {
    await createBig();
    const slices = storedSlices(emulator, BIG);
    const victim = slices.map((s) => s.id).sort()[350];
    if (!victim) throw new Error('no slice');
    const preview = await call('goal_family_update', {
      ...asAdmin,
      uuid: BIG,
      dryRun: true,
      changes: { name: 'Half' },
    });
    emulator.faults.partialFailureNext({ path: 'batch/update', failIds: [victim], permanent: true });
    const r = await call('goal_family_update', {
      ...asAdmin,
      uuid: BIG,
      version: preview.plan.version,
      changes: { name: 'Half' },
    });
    emulator.faults.clear();
    expect(r).toMatchObject({ ok: false, error: { code: 'PARTIAL_FAILURE_ROLLED_BACK' } });
    const states = r.error.details.slices as { id: string; state: string }[];
    expect(states).toHaveLength(600);
    expect(states.filter((s) => s.state === 'failed').map((s) => s.id)).toEqual([victim]);
    expect(states.filter((s) => s.state === 'rolled_back')).toHaveLength(599);
    expect(names(BIG)).toEqual(new Set(['Big family']));
  });

  it('a concurrent change between preview and apply: CONFLICT and nothing written', async () => {
    await createBig();
    const preview = await call('goal_family_update', {
      ...asAdmin,
      uuid: BIG,
      dryRun: true,
      changes: { name: 'Mine' },
    });
    const someone = storedSlices(emulator, BIG)[7];
    if (!someone) throw new Error('no slice');
    const res = await fetch(`${process.env.HUBSPOT_API_BASE_URL}/crm/v3/objects/goal_targets/${someone.id}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${process.env.PRIVATE_APP_ACCESS_TOKEN}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ properties: { hs_target_amount: '5.00' } }),
    });
    expect(res.status).toBe(200);
    const before = emulator.snapshot();
    const r = await call('goal_family_update', {
      ...asAdmin,
      uuid: BIG,
      version: preview.plan.version,
      changes: { name: 'Mine' },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(emulator.snapshot()).toBe(before);
  });
});

describe('faults around create', () => {
  it('search lag right after a create: the function still sees (and verifies) its own writes', async () => {
    emulator.configure({ searchLagMs: 60_000 });
    const r = await createBig();
    expect(r).toMatchObject({ ok: true, applied: { created: 600 } });
    expect(r.version).toEqual(expect.stringMatching(/^v1-600-/));
    expect(storedSlices(emulator, BIG)).toHaveLength(600);
  });

  it('a create retried after a lost response makes one family, not two', async () => {
    await createBig();
    const retry = await createBig();
    expect(retry).toMatchObject({ ok: true, applied: { created: 0 } });
    expect(storedSlices(emulator, BIG)).toHaveLength(600);
    // A half-done first attempt: the retry creates only what is missing.
    const ids = storedSlices(emulator, BIG)
      .slice(0, 50)
      .map((s) => s.id);
    const res = await fetch(`${process.env.HUBSPOT_API_BASE_URL}/crm/v3/objects/goal_targets/batch/archive`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${process.env.PRIVATE_APP_ACCESS_TOKEN}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ inputs: ids.map((id) => ({ id })) }),
    });
    expect(res.status).toBe(204);
    const third = await createBig();
    expect(third).toMatchObject({ ok: true, applied: { created: 50 } });
    expect(storedSlices(emulator, BIG).filter((s) => !s.archived)).toHaveLength(600);
  });
});

describe('API calls per operation (emulator counters)', () => {
  it('rename of 600 slices: 6 batch updates plus the reads it needs', async () => {
    await createBig();
    const preview = await call('goal_family_update', {
      ...asAdmin,
      uuid: BIG,
      dryRun: true,
      changes: { name: 'Counted' },
    });
    emulator.resetCounters();
    const r = await rename(BIG, 'Counted2').then(() => null);
    expect(r).toBeNull();
    const counters = emulator.counters();
    console.log('rename 600 (preview + apply):', JSON.stringify(counters), preview.meta);
    const updates = Object.entries(counters).filter(([k]) => k.includes('goal_targets/batch/update'));
    expect(updates.reduce((a, [, n]) => a + n, 0)).toBe(6);
  });
});
