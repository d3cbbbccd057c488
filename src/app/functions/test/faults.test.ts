/** The safe-write protocol under HubSpot's failure modes, injected by the emulator. */

import type { Emulator } from '@goal-families/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asAdmin, call, countCalls, ownerIds, rename, startEmulator, storedSlices } from './harness';

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
    // Writing stops at the batch that failed (the 4th): its 99 others and the 300 before are rolled
    // back, the last 200 were never sent.
    expect(states.filter((s) => s.state === 'rolled_back')).toHaveLength(399);
    expect(states.filter((s) => s.state === 'unchanged')).toHaveLength(200);
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

describe('verifying from the batch answers (emulator counters)', () => {
  const UPDATE = 'goal_targets/batch/update';
  const reads = (counters: Record<string, number>) =>
    Object.entries(counters)
      .filter(([k]) => k.includes('goal_targets/batch/read'))
      .reduce((a, [, n]) => a + n, 0);
  /** Preview, then apply under `fault`, counting the apply's calls. */
  async function renameCounted(uuid: string, name: string, fault: () => void = () => undefined) {
    const preview = await call('goal_family_update', { ...asAdmin, uuid, dryRun: true, changes: { name } });
    expect(preview.ok, JSON.stringify(preview).slice(0, 300)).toBe(true);
    fault();
    const { result, counters } = await countCalls(emulator, () =>
      call('goal_family_update', { ...asAdmin, uuid, version: preview.plan.version, changes: { name } }),
    );
    emulator.faults.clear();
    return { result, counters };
  }
  const SMALL = 'aaaaaaaa-bbbb-4ccc-8ddd-000000000024';
  /** 2 owners × 12 months = 24 slices: one batch. */
  async function createSmall() {
    const r = await call('goal_family_create', {
      ...asAdmin,
      uuid: SMALL,
      name: 'Small family',
      milestone: 'monthly',
      startDate: '2026-01-01',
      periodCount: 12,
      assignees: owners.slice(0, 2).map((id) => ({ kind: 'owner', id })),
      spread: { mode: 'even', total: '1200.00' },
    });
    expect(r.ok, JSON.stringify(r).slice(0, 300)).toBe(true);
  }

  it('answers that show every value written: a create and a rename of 600 read nothing back', async () => {
    const created = await countCalls(emulator, () => createBig());
    expect(created.counters[`POST /crm/v3/objects/goal_targets/batch/create`]).toBe(6);
    expect(reads(created.counters)).toBe(0);
    const { result, counters } = await renameCounted(BIG, 'Proven');
    expect(result).toMatchObject({ ok: true, applied: { updated: 600 } });
    // The apply reads the family by id once (its version check), and never again.
    expect(reads(counters)).toBe(6);
    expect(names(BIG)).toEqual(new Set(['Proven']));
    // The version it answers is the family's as HubSpot holds it: the next change goes through.
    const next = await call('goal_family_update', {
      ...asAdmin,
      uuid: BIG,
      version: result.version,
      changes: { name: 'Next' },
    });
    expect(next, JSON.stringify(next).slice(0, 300)).toMatchObject({ ok: true });
  });

  it('an answer that leaves a property out: that batch is read back, and the change holds', async () => {
    await createBig();
    const { result, counters } = await renameCounted(BIG, 'Partly shown', () =>
      emulator.faults.addRule({
        nth: 3,
        path: UPDATE,
        effect: { kind: 'alter-answer', property: 'hs_goal_name', indexes: [5] },
      }),
    );
    expect(result).toMatchObject({ ok: true, applied: { updated: 600 } });
    expect(reads(counters)).toBe(6 + 1);
    expect(names(BIG)).toEqual(new Set(['Partly shown']));
  });

  it('an answer showing the value HubSpot kept instead: read back, caught, and the rest rolled back', async () => {
    await createBig();
    const { result, counters } = await renameCounted(BIG, 'Not everywhere', () =>
      emulator.faults.addRule({
        nth: 2,
        path: UPDATE,
        effect: {
          kind: 'alter-answer',
          property: 'hs_goal_name',
          value: 'Kept by HubSpot',
          indexes: [5],
          stored: true,
        },
      }),
    );
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('PARTIAL_FAILURE_ROLLED_BACK');
    const slices = result.error.details.slices as { id: string; state: string }[];
    expect(slices.filter((s) => s.state === 'failed')).toHaveLength(1);
    expect(slices.filter((s) => s.state === 'rolled_back')).toHaveLength(599);
    // Verify read the one slice back; the restores' answers prove the roll back.
    expect(reads(counters)).toBe(6 + 1);
    expect(names(BIG)).toEqual(new Set(['Big family', 'Kept by HubSpot']));
  });

  it('a lost answer: the slices are read back by id, and found changed', async () => {
    await createSmall();
    const { result, counters } = await renameCounted(SMALL, 'Done in silence', () => {
      // Every attempt is done and its answer lost: the outcome stays unknown.
      for (let nth = 1; nth <= 8; nth++) emulator.faults.loseAnswerOf(nth, UPDATE);
    });
    expect(result, JSON.stringify(result).slice(0, 300)).toMatchObject({
      ok: true,
      applied: { updated: 24 },
    });
    expect(counters[`POST /crm/v3/objects/goal_targets/batch/update`]).toBeGreaterThan(1);
    // The load's read, then the read back of the 24 slices whose answer was lost.
    expect(reads(counters)).toBe(2);
    expect(names(SMALL)).toEqual(new Set(['Done in silence']));
  }, 30_000);
});
