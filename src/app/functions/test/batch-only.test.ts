/**
 * Family-defining properties change through batch update only, whatever the number of slices a plan
 * touches; PATCH is for `goal_target_update` (one slice's amount or KPI override) alone. Issue 10, item 4.
 */

import type { Emulator } from '@goal-families/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asAdmin, call, countCalls, liveSlices, ownerIds, previewAndApply, startEmulator } from './harness';

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

const UUID = 'dddddddd-1111-4222-8333-000000000004';
const PATCH = 'PATCH /crm/v3/objects/goal_targets/{id}';
const BATCH_UPDATE = 'POST /crm/v3/objects/goal_targets/batch/update';

async function create(milestone: 'monthly' | 'annual', periodCount: number) {
  const r = await call('goal_family_create', {
    ...asAdmin,
    uuid: UUID,
    name: 'Batch only',
    milestone,
    startDate: '2026-01-01',
    periodCount,
    assignees: [{ kind: 'owner', id: owners[0] ?? '' }],
    spread: { mode: 'even', total: '1200.00' },
  });
  expect(r.ok).toBe(true);
}

const patchSlice = (id: string, properties: Record<string, string>) =>
  fetch(`${process.env.HUBSPOT_API_BASE_URL}/crm/v3/objects/goal_targets/${id}`, {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${process.env.PRIVATE_APP_ACCESS_TOKEN}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ properties }),
  });

describe('one slice to change is still a batch update for family-defining properties', () => {
  it('a rename where 11 of 12 slices already match', async () => {
    await create('monthly', 12);
    const [odd] = liveSlices(emulator, UUID);
    if (!odd) throw new Error('no slice');
    for (const s of liveSlices(emulator, UUID).filter((x) => x.id !== odd.id)) {
      await patchSlice(s.id, { hs_goal_name: 'Renamed' });
    }
    const { result, counters } = await countCalls(emulator, () =>
      previewAndApply('goal_family_update', { uuid: UUID, changes: { name: 'Renamed' } }),
    );
    expect(result.preview.plan.updates).toHaveLength(1);
    expect(result.applied).toMatchObject({ ok: true, applied: { updated: 1 } });
    expect(counters[PATCH]).toBeUndefined();
    expect(counters[BATCH_UPDATE]).toBe(1);
  });

  it('a rename of an annual (one-slice) family', async () => {
    await create('annual', 1);
    const { result, counters } = await countCalls(emulator, () =>
      previewAndApply('goal_family_update', { uuid: UUID, changes: { name: 'Annual' } }),
    );
    expect(result.applied).toMatchObject({ ok: true, applied: { updated: 1 } });
    expect(counters[PATCH]).toBeUndefined();
    expect(counters[BATCH_UPDATE]).toBe(1);
  });

  it('a repair of one slice and the undo of a one-slice amount change', async () => {
    await create('monthly', 12);
    const [odd] = liveSlices(emulator, UUID);
    if (!odd) throw new Error('no slice');
    await patchSlice(odd.id, { hs_goal_name: 'Stray name' });
    const family = (await call('goal_family_get', { ...asAdmin, uuid: UUID })).family;
    const finding = family.findings.find(
      (f: { ruleId: string }) => f.ruleId === 'family-properties-disagree',
    );
    const repair = await countCalls(emulator, () =>
      previewAndApply('goal_family_repair', { uuid: UUID, findingId: finding.id }),
    );
    expect(repair.result.applied.ok).toBe(true);
    expect(repair.counters[PATCH]).toBeUndefined();
    expect(repair.counters[BATCH_UPDATE]).toBe(1);

    // goal_target_update itself is the one PATCH; its undo is a batch update.
    const amount = await countCalls(emulator, () =>
      previewAndApply('goal_target_update', { uuid: UUID, targetId: odd.id, targetAmount: '5.00' }),
    );
    expect(amount.result.applied.ok).toBe(true);
    expect(amount.counters[PATCH]).toBe(1);
    expect(amount.counters[BATCH_UPDATE]).toBeUndefined();
    const undo = await countCalls(emulator, async () => {
      const entryId = amount.result.applied.journalEntryId;
      const preview = await call('goal_change_undo', { ...asAdmin, entryId, dryRun: true });
      return call('goal_change_undo', { ...asAdmin, entryId, version: preview.plan.version });
    });
    expect(undo.result.ok).toBe(true);
    expect(undo.counters[PATCH]).toBeUndefined();
    expect(undo.counters[BATCH_UPDATE]).toBe(1);
  });
});
