/**
 * An error after the first write is never "nothing was saved": failures after the first write give
 * NEEDS_ATTENTION with each slice's state, a write-ahead journal entry survives a killed invocation
 * and can be finished or rolled back, writes stop at a deadline that leaves time to roll back, a
 * journal failure is reported, and the loser of two concurrent applies is told the truth. Issue 10, item 2.
 */

import type { Emulator } from '@goal-families/emulator';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  asAdmin,
  call,
  journalEntries,
  liveSlices,
  ownerIds,
  previewAndApply,
  sleep,
  startEmulator,
} from './harness';

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
afterEach(() => {
  delete process.env.GOAL_FAMILIES_TIME_LIMIT_MS;
});

const UUID = 'bbbbbbbb-1111-4222-8333-000000000002';
/** The invocation time limit of the interrupted-change tests (ms). */
const LIMIT = 2_500;
const UPDATE = 'goal_targets/batch/update';
const READ = 'goal_targets/batch/read';

/** `n` owners × 12 months. */
async function createFamily(n: number) {
  const r = await call('goal_family_create', {
    ...asAdmin,
    uuid: UUID,
    name: 'Before',
    milestone: 'monthly',
    startDate: '2026-01-01',
    periodCount: 12,
    assignees: owners.slice(0, n).map((id) => ({ kind: 'owner', id })),
    spread: { mode: 'even', total: '1200.00' },
  });
  expect(r, JSON.stringify(r).slice(0, 400)).toMatchObject({ ok: true });
}

const namesById = () =>
  new Map(liveSlices(emulator, UUID).map((s) => [s.id, s.properties.hs_goal_name ?? '']));
const names = () => new Set(namesById().values());

async function renamePreview(name: string) {
  const preview = await call('goal_family_update', {
    ...asAdmin,
    uuid: UUID,
    dryRun: true,
    changes: { name },
  });
  expect(preview.ok).toBe(true);
  return preview;
}
const renameApply = (name: string, version: string) =>
  call('goal_family_update', { ...asAdmin, uuid: UUID, version, changes: { name } });

describe('a failure after the first write is reported as what it is', () => {
  it('the verify read hits the daily limit after a successful rename: NEEDS_ATTENTION, every slice "applied"', async () => {
    await createFamily(2);
    const preview = await renamePreview('After');
    // The update's answer leaves the name out, so it proves nothing: every slice has to be read back.
    emulator.faults.addRule({
      nth: 1,
      path: UPDATE,
      effect: { kind: 'alter-answer', property: 'hs_goal_name' },
    });
    emulator.faults.failNth(1, 429, { path: READ, after: UPDATE, policyName: 'DAILY' });
    const r = await renameApply('After', preview.plan.version);
    expect(r.ok).toBe(false);
    expect(r.error.code).toBe('NEEDS_ATTENTION');
    const slices = r.error.details.slices as { id: string; state: string }[];
    expect(slices).toHaveLength(24);
    expect(slices.every((s) => s.state === 'applied')).toBe(true);
    expect(names()).toEqual(new Set(['After']));
    emulator.faults.clear();
    const entry = (await journalEntries(UUID))[0];
    expect(entry).toMatchObject({ operation: 'family-update', state: 'needs_attention' });
  });

  it("the rollback read fails: NEEDS_ATTENTION with each slice's state, not a generic error", async () => {
    await createFamily(2);
    const victim = [...namesById().keys()].sort()[7] ?? '';
    const preview = await renamePreview('Half');
    emulator.faults.partialFailureNext({ path: 'batch/update', failIds: [victim], permanent: true });
    // The restore's answer leaves the name out, so the roll back has to be read back (the 2nd read
    // after the update: the 1st reads the refused slice back).
    emulator.faults.addRule({
      nth: 2,
      path: UPDATE,
      effect: { kind: 'alter-answer', property: 'hs_goal_name' },
    });
    emulator.faults.failNth(2, 429, { path: READ, after: UPDATE, policyName: 'DAILY' });
    const r = await renameApply('Half', preview.plan.version);
    emulator.faults.clear();
    expect(r.ok).toBe(false);
    expect(r.error.code).toBe('NEEDS_ATTENTION');
    const slices = r.error.details.slices as { id: string; state: string }[];
    expect(slices.find((s) => s.id === victim)?.state).toBe('failed');
    expect(slices.filter((s) => s.state === 'rolled_back')).toHaveLength(23);
    expect(names()).toEqual(new Set(['Before']));
  });
});

describe('write-ahead journal: an invocation killed mid-apply leaves a pending entry', () => {
  /** 300 slices = 3 batch updates; the invocation dies right after the second. */
  async function killedRename() {
    await createFamily(25);
    // A short invocation limit, so that the test need not wait 10 s before the change counts as dead.
    process.env.GOAL_FAMILIES_TIME_LIMIT_MS = String(LIMIT);
    const preview = await renamePreview('After');
    emulator.faults.killAfter(2, UPDATE);
    await renameApply('After', preview.plan.version);
    emulator.faults.clear();
    const byName = [...namesById().values()];
    expect(byName.filter((n) => n === 'After')).toHaveLength(200);
    expect(byName.filter((n) => n === 'Before')).toHaveLength(100);
    const entry = (await journalEntries(UUID))[0];
    expect(entry).toMatchObject({ operation: 'family-update', state: 'pending' });
    return entry;
  }

  it('the Activity list and the health check show it; "finish it" writes exactly the 100 missing slices', async () => {
    const entry = await killedRename();
    const audit = await call('goal_families_audit', { ...asAdmin });
    expect(audit.unfinished.map((e: { id: string }) => e.id)).toContain(entry.id);
    // A change younger than an invocation's time limit may still be running: apply waits, preview does not.
    const early = await call('goal_change_resolve', {
      ...asAdmin,
      entryId: entry.id,
      action: 'finish',
      dryRun: true,
    });
    expect(early.ok).toBe(true);
    await sleep(LIMIT + 100);
    const { preview, applied } = await previewAndApply('goal_change_resolve', {
      entryId: entry.id,
      action: 'finish',
    });
    expect(preview.plan.updates).toHaveLength(100);
    expect(applied).toMatchObject({ ok: true, applied: { updated: 100 } });
    expect(names()).toEqual(new Set(['After']));
    expect((await journalEntries(UUID))[0]).toMatchObject({ id: entry.id, state: 'applied' });
    // The family is free again: a new change goes through.
    expect(
      (await previewAndApply('goal_family_update', { uuid: UUID, changes: { name: 'Next' } })).applied.ok,
    ).toBe(true);
  });

  it('"roll it back" restores exactly the 200 slices that were renamed', async () => {
    const entry = await killedRename();
    await sleep(LIMIT + 100);
    const { preview, applied } = await previewAndApply('goal_change_resolve', {
      entryId: entry.id,
      action: 'roll_back',
    });
    expect(preview.plan.updates).toHaveLength(200);
    expect(applied).toMatchObject({ ok: true, applied: { updated: 200 } });
    expect(names()).toEqual(new Set(['Before']));
    expect((await journalEntries(UUID))[0]).toMatchObject({ id: entry.id, state: 'rolled_back' });
  });

  it('while it is unfinished, other changes of that family are refused with a plain reason', async () => {
    const entry = await killedRename();
    await sleep(LIMIT + 100);
    const r = await call('goal_family_update', {
      ...asAdmin,
      uuid: UUID,
      dryRun: true,
      changes: { name: 'X' },
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'UNFINISHED_CHANGE', entryId: entry.id } },
    });
  });
});

describe('deadlines: writes stop in time to roll back', () => {
  it('a 429 whose back-off would cross the write deadline stops early and rolls back', async () => {
    await createFamily(25);
    // Writes must end by half of it (3 s); HubSpot asks to wait 4 s, which the retry budget (6 s) allows.
    process.env.GOAL_FAMILIES_TIME_LIMIT_MS = '6000';
    const preview = await renamePreview('Slow');
    emulator.faults.failNth(2, 429, { path: UPDATE, retryAfterSeconds: 4 });
    emulator.resetCounters();
    const started = Date.now();
    const r = await renameApply('Slow', preview.plan.version);
    const took = Date.now() - started;
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'PARTIAL_FAILURE_ROLLED_BACK', details: { reason: 'DEADLINE' } },
    });
    expect(took).toBeLessThan(6_000);
    expect(names()).toEqual(new Set(['Before']));
    // The first chunk, the throttled second (never retried), and one rollback of the first: no third chunk.
    expect(emulator.counters()[`POST /crm/v3/objects/${UPDATE}`]).toBe(3);
  });
});

describe('the journal and concurrent applies', () => {
  it('a journal write that fails after a successful apply is reported in the result', async () => {
    await createFamily(1);
    const preview = await renamePreview('Applied');
    emulator.faults.failNth(1, 429, { path: 'objects/2-', after: UPDATE, policyName: 'DAILY' });
    const r = await renameApply('Applied', preview.plan.version);
    emulator.faults.clear();
    expect(r).toMatchObject({ ok: true, applied: { updated: 12 }, journal: { recorded: false } });
    expect(r.journal.problem).toMatch(/activity/i);
    expect(names()).toEqual(new Set(['Applied']));
  });

  it('two concurrent applies: one wins, the other is told its change was not applied', async () => {
    await createFamily(2);
    const a = await renamePreview('Alice');
    const b = await renamePreview('Bob');
    const [ra, rb] = await Promise.all([
      renameApply('Alice', a.plan.version),
      renameApply('Bob', b.plan.version),
    ]);
    const results = [ra, rb];
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    expect(loser.error.code).toBe('CONFLICT');
    expect(loser.error.message).toMatch(/not applied|nothing was changed/i);
    const winnerName = ra.ok ? 'Alice' : 'Bob';
    expect(names()).toEqual(new Set([winnerName]));
  });
});
