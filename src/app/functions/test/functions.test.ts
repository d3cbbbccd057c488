/** Every app function end to end: built bundle → emulator (demo portal). */

import { type FunctionUid, functionContracts } from '@goal-families/contract';
import type { Emulator } from '@goal-families/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { admin, asAdmin, call, DEMO, ownerIds, portal, rep, startEmulator, storedSlices } from './harness';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

/** Whole-result check against the uid's contract schema (what the UI relies on). */
function expectContract(uid: FunctionUid, result: { ok: boolean }) {
  expect(result.ok, JSON.stringify(result).slice(0, 500)).toBe(true);
  const parsed = functionContracts[uid].result.safeParse(result);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues).slice(0, 500)).toBe(true);
}

const uuid = () => DEMO.families.teamRevenue2026;

describe('reads', () => {
  it('goal_families_list: the rep card, then paging through every family', async () => {
    const mine = await call('goal_families_list', { ...asAdmin, filter: { ownerId: DEMO.owners.rep } });
    expectContract('goal_families_list', mine);
    expect(mine.families.length).toBeGreaterThan(0);
    for (const f of mine.families) {
      expect(
        f.groups.some((g: { assignee: { id: string } | null }) => g.assignee?.id === DEMO.owners.rep),
      ).toBe(true);
    }
    const seen = new Set<string>();
    let cursor: string | undefined;
    let total = 0;
    do {
      const page = await call('goal_families_list', { ...asAdmin, limit: 20, ...(cursor ? { cursor } : {}) });
      expectContract('goal_families_list', page);
      for (const f of page.families) seen.add(f.uuid);
      total = page.total;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.size).toBe(total);
    expect(total).toBeGreaterThanOrEqual(60);
  });

  it('goal_families_index: every family of the demo portal, then their summaries by uuid', async () => {
    const sizes = new Map<string, number>();
    let cursor: string | undefined;
    let calls = 0;
    let last = { progress: 0, scannedTargets: 0 };
    do {
      const r = await call('goal_families_index', { ...asAdmin, ...(cursor ? { cursor } : {}) });
      expectContract('goal_families_index', r);
      calls++;
      for (const e of r.entries as { uuid: string; sliceCount: number }[]) {
        sizes.set(e.uuid, (sizes.get(e.uuid) ?? 0) + e.sliceCount);
      }
      last = r;
      cursor = r.nextCursor ?? undefined;
    } while (cursor && calls < 20);
    expect(cursor).toBeUndefined();
    expect(last.progress).toBe(1);
    const live = emulator.store.listObjects('goal_targets');
    expect(last.scannedTargets).toBe(live.length);
    expect(sizes.get(uuid())).toBe(storedSlices(emulator, uuid()).length);
    const uuids = new Set(live.map((r) => r.properties.hs_group_correlation_uuid).filter(Boolean));
    expect(new Set(sizes.keys())).toEqual(uuids);

    const wanted = [...sizes.keys()].slice(0, 5).reverse();
    const page = await call('goal_families_list', { ...asAdmin, uuids: wanted });
    expectContract('goal_families_list', page);
    expect(page.families.map((f: { uuid: string }) => f.uuid)).toEqual(wanted);
    expect(page).toMatchObject({ total: wanted.length, nextCursor: null });
    for (const f of page.families as { uuid: string; sliceCount: number }[]) {
      expect(f.sliceCount).toBe(sizes.get(f.uuid));
    }
    const mixed = await call('goal_families_list', { ...asAdmin, uuids: wanted, filter: { text: 'x' } });
    expect(mixed).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
  });

  it("goal_families_list, card view: the settings and the rep's families in one call, with the rep's own slices only", async () => {
    const list = await call('goal_families_list', { ...asAdmin, filter: { ownerId: DEMO.owners.rep } });
    const card = await call('goal_families_list', {
      ...asAdmin,
      filter: { ownerId: DEMO.owners.rep },
      view: 'card',
      limit: 50,
    });
    expectContract('goal_families_list', card);
    const { ok: _ok, meta: _meta, ...settings } = await call('app_settings_get', { ...asAdmin });
    expect(card.app).toEqual(settings);
    expect(card.total).toBe(list.total);
    expect(card.families.length).toBe(Math.min(list.total, settings.settings.card.maxFamilies));
    type Group = { assignee: { kind: string; id: string } | null; slices?: unknown[] };
    for (const family of card.families as { groups: Group[]; partial?: boolean; uuid: string }[]) {
      expect(family.partial).toBeUndefined();
      const own = family.groups.filter(
        (g) => g.assignee?.kind === 'owner' && g.assignee.id === DEMO.owners.rep,
      );
      expect(own.length).toBeGreaterThan(0);
      for (const g of family.groups) expect(g.slices !== undefined).toBe(own.includes(g));
      // Whole families: the same summary as the list's, but for the other groups' slices.
      const same = list.families.find((f: { uuid: string }) => f.uuid === family.uuid);
      if (same)
        expect({ ...family, groups: family.groups.length }).toEqual({ ...same, groups: same.groups.length });
    }
    const noOwner = await call('goal_families_list', { ...asAdmin, view: 'card' });
    expect(noOwner).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
  });

  it('goal_families_list: text, health and slices detail', async () => {
    const broken = await call('goal_families_list', { ...asAdmin, filter: { health: 'broken' }, limit: 100 });
    expectContract('goal_families_list', broken);
    expect(broken.families.length).toBeGreaterThan(0);
    expect(broken.families.every((f: { healthy: boolean }) => !f.healthy)).toBe(true);
    const text = await call('goal_families_list', {
      ...asAdmin,
      filter: { text: 'REVENUE' },
      detail: 'slices',
    });
    expect(text.families.every((f: { name: string }) => /revenue/i.test(f.name))).toBe(true);
    expect(text.families[0].groups[0].slices.length).toBeGreaterThan(0);
  });

  it('goal_family_get: one family in full; NOT_FOUND for an unknown uuid', async () => {
    const r = await call('goal_family_get', { ...asAdmin, uuid: uuid() });
    expectContract('goal_family_get', r);
    expect(r.family.sliceCount).toBe(storedSlices(emulator, uuid()).length);
    expect(r.family.findings).toEqual([]);
    const missing = await call('goal_family_get', {
      ...asAdmin,
      uuid: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('goal_families_audit: resumes with a cursor to the end and finds every seeded problem', async () => {
    const rules = new Set<string>();
    const families = new Set<string>();
    let cursor: string | undefined;
    let last = { scannedTargets: 0, scannedFamilies: 0, progress: 0 };
    for (let i = 0; i < 50; i++) {
      const r = await call('goal_families_audit', { ...asAdmin, ...(cursor ? { cursor } : {}) });
      expectContract('goal_families_audit', r);
      for (const f of r.findings) {
        rules.add(f.ruleId);
        if (f.familyUuid) families.add(f.familyUuid);
      }
      expect(r.progress).toBeGreaterThanOrEqual(last.progress);
      last = r;
      cursor = r.nextCursor ?? undefined;
      if (!cursor) break;
    }
    expect(cursor).toBeUndefined();
    expect(last.progress).toBe(1);
    const live = emulator.store.listObjects('goal_targets');
    expect(last.scannedTargets).toBe(live.length);
    // Families straddle the 200-target pages; each is audited exactly once, whole.
    const uuids = new Set(live.map((r) => r.properties.hs_group_correlation_uuid).filter(Boolean));
    expect(last.scannedFamilies).toBe(uuids.size);
    for (const [problem, broken] of Object.entries(DEMO.broken)) {
      if (problem !== 'orphanSlice') expect(families, `broken family ${problem}`).toContain(broken.uuid);
    }
    expect(rules.size).toBeGreaterThanOrEqual(8);
  });

  it('owners_and_teams_list and goal_property_options', async () => {
    const people = await call('owners_and_teams_list', asAdmin);
    expectContract('owners_and_teams_list', people);
    expect(people.owners.length).toBeGreaterThanOrEqual(40);
    expect(people.teams.length).toBeGreaterThanOrEqual(6);
    const options = await call('goal_property_options', asAdmin);
    expectContract('goal_property_options', options);
    expect(options.milestones.map((o: { value: string }) => o.value)).toContain('monthly');
  });
});

describe('mutations (safe-write protocol)', () => {
  it('goal_family_update: preview writes nothing; apply renames every slice and journals it', async () => {
    const before = emulator.snapshot();
    const preview = await call('goal_family_update', {
      ...asAdmin,
      uuid: uuid(),
      dryRun: true,
      changes: { name: 'FY26 revenue' },
    });
    expectContract('goal_family_update', preview);
    expect(emulator.snapshot()).toBe(before);
    const n = storedSlices(emulator, uuid()).length;
    expect(preview.plan.updates).toHaveLength(n);
    const applied = await call('goal_family_update', {
      ...asAdmin,
      uuid: uuid(),
      version: preview.plan.version,
      changes: { name: 'FY26 revenue' },
    });
    expectContract('goal_family_update', applied);
    expect(applied.applied.updated).toBe(n);
    expect(storedSlices(emulator, uuid()).every((r) => r.properties.hs_goal_name === 'FY26 revenue')).toBe(
      true,
    );
    expect(applied.journalEntryId).toEqual(expect.any(String));
  });

  it('goal_family_update: re-spread from a date keeps earlier periods and sums exactly', async () => {
    const family = (await call('goal_family_get', { ...asAdmin, uuid: uuid() })).family;
    const groupId = family.groups[0].groupId;
    const r = await call('goal_family_update', {
      ...asAdmin,
      uuid: uuid(),
      dryRun: true,
      respread: { groupId, from: '2026-07-01', spread: { mode: 'even', total: '9999999.00' } },
    });
    expectContract('goal_family_update', r);
    expect(r.plan.updates.length).toBeGreaterThan(0);
    const applied = await call('goal_family_update', {
      ...asAdmin,
      uuid: uuid(),
      version: r.plan.version,
      respread: { groupId, from: '2026-07-01', spread: { mode: 'even', total: '9999999.00' } },
    });
    expectContract('goal_family_update', applied);
    const group = storedSlices(emulator, uuid()).filter(
      (s) => s.properties.hs_goal_target_group_id === groupId,
    );
    const cents = group.reduce((sum, s) => sum + Math.round(Number(s.properties.hs_target_amount) * 100), 0);
    expect(cents).toBe(999_999_900);
  });

  it('goal_target_update: one slice through PATCH, with a total-change warning', async () => {
    const slice = storedSlices(emulator, uuid())[0];
    if (!slice) throw new Error('no slice');
    const preview = await call('goal_target_update', {
      ...asAdmin,
      uuid: uuid(),
      targetId: slice.id,
      dryRun: true,
      targetAmount: '1234.56',
    });
    expectContract('goal_target_update', preview);
    expect(preview.plan.warnings.length).toBeGreaterThan(0);
    emulator.resetCounters();
    const r = await call('goal_target_update', {
      ...asAdmin,
      uuid: uuid(),
      targetId: slice.id,
      version: preview.plan.version,
      targetAmount: '1234.56',
    });
    expectContract('goal_target_update', r);
    expect(emulator.store.getObject('goal_targets', slice.id)?.properties.hs_target_amount).toMatch(
      /^1234\.56?0?$/,
    );
    expect(Object.keys(emulator.counters()).some((k) => k.startsWith('PATCH'))).toBe(true);
  });

  it('goal_family_create then goal_family_clone, goal_target_archive and goal_family_archive', async () => {
    const owners = (await ownerIds()).slice(0, 3);
    const params = {
      ...asAdmin,
      uuid: '11111111-2222-4333-8444-555555555555',
      name: 'Launch quota',
      milestone: 'quarterly',
      startDate: '2026-01-01',
      periodCount: 4,
      assignees: owners.map((id) => ({ kind: 'owner', id })),
      spread: { mode: 'weighted', total: '1000.00', weights: [1, 2, 3, 4] },
    };
    const preview = await call('goal_family_create', { ...params, dryRun: true });
    expectContract('goal_family_create', preview);
    expect(preview.plan.creates).toHaveLength(12);
    const created = await call('goal_family_create', params);
    expectContract('goal_family_create', created);
    expect(created.applied.created).toBe(12);
    expect(created.uuid).toBe(params.uuid);
    expect((await call('goal_family_get', { ...asAdmin, uuid: params.uuid })).family.findings).toEqual([]);

    const clone = await call('goal_family_clone', { ...asAdmin, uuid: params.uuid, scale: '1.10' });
    expectContract('goal_family_clone', clone);
    expect(clone.applied.created).toBe(12);
    const copy = storedSlices(emulator, clone.uuid);
    expect(copy.every((s) => s.properties.hs_start_datetime?.startsWith('2027'))).toBe(true);

    const slice = storedSlices(emulator, clone.uuid)[0];
    if (!slice) throw new Error('no slice');
    const v1 = (
      await call('goal_target_archive', { ...asAdmin, uuid: clone.uuid, targetId: slice.id, dryRun: true })
    ).plan.version;
    const one = await call('goal_target_archive', {
      ...asAdmin,
      uuid: clone.uuid,
      targetId: slice.id,
      version: v1,
    });
    expectContract('goal_target_archive', one);
    expect(storedSlices(emulator, clone.uuid).filter((s) => !s.archived)).toHaveLength(11);

    const v2 = (await call('goal_family_archive', { ...asAdmin, uuid: params.uuid, dryRun: true })).plan
      .version;
    const all = await call('goal_family_archive', { ...asAdmin, uuid: params.uuid, version: v2 });
    expectContract('goal_family_archive', all);
    expect(all.applied.archived).toBe(12);
    expect(all.version).toBeNull();
    expect(storedSlices(emulator, params.uuid).filter((s) => !s.archived)).toHaveLength(0);
  });

  it('goal_family_repair: fixes a finding found by the audit', async () => {
    const broken = DEMO.broken.mixedNames.uuid;
    const family = (await call('goal_family_get', { ...asAdmin, uuid: broken })).family;
    const finding = family.findings.find((f: { repair: string | null }) => f.repair !== null);
    const preview = await call('goal_family_repair', {
      ...asAdmin,
      uuid: broken,
      findingId: finding.id,
      dryRun: true,
    });
    expectContract('goal_family_repair', preview);
    const r = await call('goal_family_repair', {
      ...asAdmin,
      uuid: broken,
      findingId: finding.id,
      version: preview.plan.version,
    });
    expectContract('goal_family_repair', r);
    const after = (await call('goal_family_get', { ...asAdmin, uuid: broken })).family;
    expect(after.findings.map((f: { id: string }) => f.id)).not.toContain(finding.id);
  });

  it('goal_journal_list and goal_change_undo: undo the last rename', async () => {
    const name = storedSlices(emulator, uuid())[0]?.properties.hs_goal_name;
    const preview = await call('goal_family_update', {
      ...asAdmin,
      uuid: uuid(),
      dryRun: true,
      changes: { name: 'Oops' },
    });
    const applied = await call('goal_family_update', {
      ...asAdmin,
      uuid: uuid(),
      version: preview.plan.version,
      changes: { name: 'Oops' },
    });
    emulator.configure({ searchLagMs: 0 });
    const journal = await call('goal_journal_list', { ...asAdmin, familyUuid: uuid() });
    expectContract('goal_journal_list', journal);
    expect(journal.entries[0]).toMatchObject({
      id: applied.journalEntryId,
      undoable: true,
      operation: 'family-update',
    });
    const undoPreview = await call('goal_change_undo', {
      ...asAdmin,
      entryId: applied.journalEntryId,
      dryRun: true,
    });
    expectContract('goal_change_undo', undoPreview);
    const undo = await call('goal_change_undo', {
      ...asAdmin,
      entryId: applied.journalEntryId,
      version: undoPreview.plan.version,
    });
    expectContract('goal_change_undo', undo);
    expect(storedSlices(emulator, uuid()).every((r) => r.properties.hs_goal_name === name)).toBe(true);
    const again = await call('goal_change_undo', {
      ...asAdmin,
      entryId: applied.journalEntryId,
      dryRun: true,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('settings and permissions', () => {
  it('app_settings_get/save and app_store_check: defaults, save, FORBIDDEN for non-editors, CONFLICT on a stale version', async () => {
    const first = await call('app_settings_get', asAdmin);
    expectContract('app_settings_get', first);
    expect(first).toMatchObject({
      canEdit: true,
      canEditSettings: true,
      canChangeEditors: true,
      version: null,
    });
    expect(first.protection).toEqual({ signing: true, settingsRecord: 'none', settingsIgnored: false });
    const settings = { ...first.settings, editors: { ...first.settings.editors, userIds: [rep.userId] } };
    const saved = await call('app_settings_save', { ...asAdmin, settings, version: null });
    expectContract('app_settings_save', saved);
    const stale = await call('app_settings_save', { ...asAdmin, settings, version: null });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const asRep = await call('app_settings_get', { caller: rep, portal });
    expect(asRep).toMatchObject({ canEdit: true, canEditSettings: true, canChangeEditors: false });

    const locked = { ...settings, editors: { superAdmins: true, userIds: [], teamIds: [] } };
    expect(
      (await call('app_settings_save', { ...asAdmin, settings: locked, version: saved.version })).ok,
    ).toBe(true);
    const before = emulator.snapshot();
    const denied = await call('goal_family_update', {
      caller: rep,
      portal,
      uuid: uuid(),
      dryRun: true,
      changes: { name: 'x' },
    });
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(emulator.snapshot()).toBe(before);
    const current = await call('app_settings_get', { caller: rep, portal });
    const self = await call('app_settings_save', {
      caller: rep,
      portal,
      settings: { ...locked, editors: { ...locked.editors, userIds: [rep.userId] } },
      version: current.version,
    });
    expect(self).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const check = await call('app_store_check', asAdmin);
    expectContract('app_store_check', check);
    expect(check).toMatchObject({ untrusted: [], nextCursor: null });
    expect(admin.userId).toBe(DEMO.users.admin);
  });
});
