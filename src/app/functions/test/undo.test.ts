/**
 * Undo never archives what the change did not create: created slices are journalled by id, an empty
 * "before" is restored by clearing, an archive is undone by re-creating, and the journal says per
 * entry whether (and why not) it can be undone. Issue 10, item 1.
 */

import type { Emulator } from '@goal-families/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  asAdmin,
  call,
  journalEntries,
  liveSlices,
  ownerIds,
  previewAndApply,
  startEmulator,
  storedSlices,
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

const UUID = 'aaaaaaaa-1111-4222-8333-000000000001';

/** A monthly family as the create form makes it by default: no pipelines, no KPI values. */
async function createMonthly(assignees = owners.slice(0, 1), uuid = UUID) {
  const r = await call('goal_family_create', {
    ...asAdmin,
    uuid,
    name: 'Monthly quota',
    milestone: 'monthly',
    startDate: '2026-01-01',
    periodCount: 12,
    assignees: assignees.map((id) => ({ kind: 'owner', id })),
    spread: { mode: 'even', total: '1200.00' },
  });
  expect(r, JSON.stringify(r).slice(0, 400)).toMatchObject({ ok: true });
  return r;
}

const snapshotOf = (uuid: string) =>
  liveSlices(emulator, uuid)
    .map((s) => {
      const { hs_object_id, hs_createdate, hs_lastmodifieddate, ...rest } = s.properties;
      return JSON.stringify(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)));
    })
    .sort();

async function undo(entryId: string) {
  const preview = await call('goal_change_undo', { ...asAdmin, entryId, dryRun: true });
  if (!preview.ok) return { preview, applied: null };
  const applied = await call('goal_change_undo', { ...asAdmin, entryId, version: preview.plan.version });
  return { preview, applied };
}

describe('undo restores an empty "before" by clearing, never by archiving', () => {
  it('pipelines set family-wide on a family created without them: undo clears them on all 12 slices', async () => {
    await createMonthly();
    const { applied } = await previewAndApply('goal_family_update', {
      uuid: UUID,
      changes: { pipelineIds: ['default'] },
    });
    expect(applied).toMatchObject({ ok: true, applied: { updated: 12 } });
    const { preview, applied: undone } = await undo(applied.journalEntryId);
    expect(preview.plan.archives).toEqual([]);
    expect(preview.plan.updates).toHaveLength(12);
    expect(undone).toMatchObject({ ok: true, applied: { updated: 12, archived: 0, created: 0 } });
    const live = liveSlices(emulator, UUID);
    expect(live).toHaveLength(12);
    expect(live.every((s) => (s.properties.hs_pipeline_ids ?? '') === '')).toBe(true);
  });

  it('a KPI value set on a slice that had none: undo clears it and keeps the slice', async () => {
    await createMonthly();
    const slice = liveSlices(emulator, UUID)[3];
    if (!slice) throw new Error('no slice');
    const { applied } = await previewAndApply('goal_target_update', {
      uuid: UUID,
      targetId: slice.id,
      kpiValue: '42.00',
    });
    expect(applied).toMatchObject({ ok: true });
    const { preview, applied: undone } = await undo(applied.journalEntryId);
    expect(preview.plan.archives).toEqual([]);
    expect(undone).toMatchObject({ ok: true, applied: { archived: 0 } });
    const after = emulator.store.getObject('goal_targets', slice.id);
    expect(after?.archived).toBe(false);
    expect(after?.properties.hs_kpi_value ?? '').toBe('');
  });

  it('a repair that fills an empty property: undo empties it again and archives nothing', async () => {
    await createMonthly();
    const [empty, ...rest] = liveSlices(emulator, UUID);
    if (!empty) throw new Error('no slice');
    // Eleven slices get a pipeline outside the app; the repair fills the one left empty.
    for (const s of rest) {
      await fetch(`${process.env.HUBSPOT_API_BASE_URL}/crm/v3/objects/goal_targets/${s.id}`, {
        method: 'PATCH',
        headers: {
          authorization: `Bearer ${process.env.PRIVATE_APP_ACCESS_TOKEN}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ properties: { hs_pipeline_ids: 'default' } }),
      });
    }
    const family = (await call('goal_family_get', { ...asAdmin, uuid: UUID })).family;
    const finding = family.findings.find(
      (f: { ruleId: string }) => f.ruleId === 'family-properties-disagree',
    );
    expect(finding, JSON.stringify(family.findings)).toBeDefined();
    const { preview: repair, applied } = await previewAndApply('goal_family_repair', {
      uuid: UUID,
      findingId: finding.id,
    });
    expect(repair.plan.updates.map((u: { id: string }) => u.id)).toEqual([empty.id]);
    expect(applied).toMatchObject({ ok: true });
    const { preview, applied: undone } = await undo(applied.journalEntryId);
    expect(preview.plan.archives).toEqual([]);
    expect(undone).toMatchObject({ ok: true, applied: { archived: 0 } });
    expect(liveSlices(emulator, UUID)).toHaveLength(12);
    expect(emulator.store.getObject('goal_targets', empty.id)?.properties.hs_pipeline_ids ?? '').toBe('');
  });
});

describe('undo of creates and archives', () => {
  it('undo of a create archives exactly the slices it created', async () => {
    const created = await createMonthly(owners.slice(0, 2));
    const createdIds = liveSlices(emulator, UUID).map((s) => s.id);
    const entry = (await journalEntries(UUID))[0];
    expect(entry.id).toBe(created.journalEntryId);
    expect([...entry.createdIds].sort()).toEqual([...createdIds].sort());
    const { preview, applied } = await undo(created.journalEntryId);
    expect(preview.plan.archives.map((a: { id: string }) => a.id).sort()).toEqual([...createdIds].sort());
    expect(applied).toMatchObject({ ok: true, applied: { archived: 24 } });
    expect(liveSlices(emulator, UUID)).toHaveLength(0);
  });

  it('undo of a family archive re-creates every slice: same uuid, groups, periods, amounts, owners', async () => {
    await createMonthly(owners.slice(0, 2));
    const before = snapshotOf(UUID);
    const oldIds = liveSlices(emulator, UUID).map((s) => s.id);
    const { applied } = await previewAndApply('goal_family_archive', { uuid: UUID });
    expect(applied).toMatchObject({ ok: true, applied: { archived: 24 } });
    const { preview, applied: undone } = await undo(applied.journalEntryId);
    expect(preview.plan.creates).toHaveLength(24);
    expect(undone).toMatchObject({ ok: true, applied: { created: 24 } });
    expect(snapshotOf(UUID)).toEqual(before);
    const newIds = liveSlices(emulator, UUID).map((s) => s.id);
    expect(newIds.some((id) => oldIds.includes(id))).toBe(false);
    // The undo is itself undoable: it archives exactly what it re-created.
    const again = await undo(undone.journalEntryId);
    expect(again.applied).toMatchObject({ ok: true, applied: { archived: 24 } });
  });

  it('undo of one archived slice re-creates it and leaves the rest alone', async () => {
    await createMonthly();
    const before = snapshotOf(UUID);
    const victim = liveSlices(emulator, UUID)[5];
    if (!victim) throw new Error('no slice');
    const { applied } = await previewAndApply('goal_target_archive', { uuid: UUID, targetId: victim.id });
    expect(applied).toMatchObject({ ok: true });
    const { applied: undone } = await undo(applied.journalEntryId);
    expect(undone).toMatchObject({ ok: true, applied: { created: 1, updated: 0, archived: 0 } });
    expect(snapshotOf(UUID)).toEqual(before);
  });
});

describe('the journal says per entry whether it can be undone, and why not', () => {
  it('an older change: "only the newest change of a goal can be undone", never "someone else changed"', async () => {
    await createMonthly();
    const first = (await previewAndApply('goal_family_update', { uuid: UUID, changes: { name: 'One' } }))
      .applied;
    const second = (await previewAndApply('goal_family_update', { uuid: UUID, changes: { name: 'Two' } }))
      .applied;
    const entries = await journalEntries(UUID);
    const older = entries.find((e) => e.id === first.journalEntryId);
    const newer = entries.find((e) => e.id === second.journalEntryId);
    expect(newer).toMatchObject({ undoable: true, notUndoableReason: null });
    expect(older).toMatchObject({ undoable: false });
    expect(older.notUndoableReason).toMatch(/only the newest change of a goal can be undone/i);
    const refused = await call('goal_change_undo', {
      ...asAdmin,
      entryId: first.journalEntryId,
      dryRun: true,
    });
    expect(refused.ok).toBe(false);
    expect(refused.error.details.reason).toBe('NOT_NEWEST');
    expect(refused.error.message).not.toMatch(/someone else/i);
  });

  it('a goal changed outside the app since: "the goal changed since", and undo refuses', async () => {
    await createMonthly();
    const renamed = (await previewAndApply('goal_family_update', { uuid: UUID, changes: { name: 'Mine' } }))
      .applied;
    const [slice] = liveSlices(emulator, UUID);
    if (!slice) throw new Error('no slice');
    await fetch(`${process.env.HUBSPOT_API_BASE_URL}/crm/v3/objects/goal_targets/${slice.id}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${process.env.PRIVATE_APP_ACCESS_TOKEN}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ properties: { hs_target_amount: '7.00' } }),
    });
    const entry = (await journalEntries(UUID)).find((e) => e.id === renamed.journalEntryId);
    expect(entry).toMatchObject({ undoable: false });
    expect(entry.notUndoableReason).toMatch(/changed since/i);
    const refused = await call('goal_change_undo', {
      ...asAdmin,
      entryId: renamed.journalEntryId,
      dryRun: true,
    });
    expect(refused).toMatchObject({ ok: false, error: { details: { reason: 'CHANGED_SINCE' } } });
    expect(storedSlices(emulator, UUID).every((s) => !s.archived)).toBe(true);
  });

  it('an undone change says so, and its undo is the newest change (undoable)', async () => {
    await createMonthly();
    const renamed = (await previewAndApply('goal_family_update', { uuid: UUID, changes: { name: 'Oops' } }))
      .applied;
    const { applied: undone } = await undo(renamed.journalEntryId);
    const entries = await journalEntries(UUID);
    const original = entries.find((e) => e.id === renamed.journalEntryId);
    expect(original).toMatchObject({ undoable: false, undoneBy: undone.journalEntryId });
    expect(original.notUndoableReason).toMatch(/undone/i);
    expect(entries.find((e) => e.id === undone.journalEntryId)).toMatchObject({ undoable: true });
  });
});
