/**
 * Issue 13 end to end through the built bundles against the emulator: previews and health problems
 * carry names, periods and amounts as data; assignees are added and removed through the safe-write
 * protocol; notify sets HubSpot's flag only when asked; imports and people show in the activity.
 */
import { functionContracts } from '@goal-families/contract';
import type { Emulator } from '@goal-families/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asAdmin, call, DEMO, startEmulator, storedSlices } from './harness';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const uuid = () => DEMO.families.teamRevenue2026;
const INTERNAL = /hs_[a-z_]+|#\d/;

function expectContract(uid: keyof typeof functionContracts, result: { ok: boolean }) {
  expect(result.ok, JSON.stringify(result).slice(0, 400)).toBe(true);
  const parsed = functionContracts[uid].result.safeParse(result);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues).slice(0, 400)).toBe(true);
}

/** An owner of the demo portal who is not on the family. */
async function outsider(familyUuid: string): Promise<{ id: string; name: string }> {
  const directory = await call('owners_and_teams_list', asAdmin);
  const on = new Set(storedSlices(emulator, familyUuid).map((r) => r.properties.hubspot_owner_id));
  const owner = (directory.owners as { id: string; name: string }[]).find((o) => !on.has(o.id));
  if (!owner) throw new Error('every owner is on the family');
  return owner;
}

describe('previews as data', () => {
  it('name every row’s assignee and period, and say the total change as exact amounts', async () => {
    const family = await call('goal_family_get', { ...asAdmin, uuid: uuid() });
    const group = family.family.groups[0];
    const slice = group.slices[2];
    const preview = await call('goal_target_update', {
      ...asAdmin,
      uuid: uuid(),
      dryRun: true,
      targetId: slice.id,
      targetAmount: '99999.00',
    });
    expectContract('goal_target_update', preview);
    const [update] = preview.plan.updates;
    expect(update.target).toEqual({
      id: slice.id,
      assignee: group.assignee,
      start: slice.start,
      end: slice.end,
    });
    expect(update.target.assignee.name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    expect(preview.plan).toMatchObject({ milestone: 'monthly', timeZone: 'UTC' });
    const totals = preview.plan.notices.filter((n: { code: string }) => n.code === 'total-changes');
    expect(totals[0]).toMatchObject({ assignee: null, before: family.family.totalTarget });
    expect(totals[1]).toMatchObject({ assignee: group.assignee, before: group.totalTarget });
    expect(JSON.stringify(preview.plan.notices)).not.toMatch(INTERNAL);
  });

  it('health problems carry facts with names, periods and amounts', async () => {
    const split = await call('goal_family_get', { ...asAdmin, uuid: DEMO.broken.splitGroupId.uuid });
    expectContract('goal_family_get', split);
    const findings = split.family.findings as {
      ruleId: string;
      facts: { assignee: { name?: string } | null; parts: number | null; periods: unknown[] };
    }[];
    const splitFinding = findings.find((f) => f.ruleId === 'group-id-split');
    expect(splitFinding?.facts.assignee?.name).toMatch(/^[A-Z]/);
    expect(splitFinding?.facts.parts).toBe(2);
    const missing = findings.find((f) => f.ruleId === 'periods-missing');
    expect(missing?.facts.periods).toHaveLength(6);

    const overlap = await call('goal_family_get', { ...asAdmin, uuid: DEMO.broken.groupIdReused.uuid });
    const dupes = overlap.family.findings as {
      ruleId: string;
      facts: { amount: string | null; others: { name?: string }[] };
    }[];
    expect(dupes.find((f) => f.ruleId === 'periods-overlap')?.facts.amount).toMatch(/^\d+\.\d{2}$/);
    expect(dupes.find((f) => f.ruleId === 'group-id-shared')?.facts.others[0]?.name).toMatch(/^[A-Z]/);
  });

  it('a stale repair says so with a reason, not "not found"', async () => {
    const r = await call('goal_family_repair', {
      ...asAdmin,
      uuid: uuid(),
      findingId: 'group-id-split:x:y',
      dryRun: true,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { reason: 'FINDING_GONE' } } });
  });
});

describe('goal_assignee_add / goal_assignee_remove (F16)', () => {
  it('adds a person with the goal’s periods and values, previewed first and journalled', async () => {
    const before = storedSlices(emulator, uuid());
    const person = await outsider(uuid());
    const params = {
      ...asAdmin,
      uuid: uuid(),
      assignee: { kind: 'owner', id: person.id },
      spread: { mode: 'even', total: '120000.00' },
    };
    const preview = await call('goal_assignee_add', { ...params, dryRun: true });
    expectContract('goal_assignee_add', preview);
    expect(preview.plan.creates).toHaveLength(12);
    expect(preview.plan.creates[0].assignee).toEqual({ kind: 'owner', id: person.id, name: person.name });
    expect(storedSlices(emulator, uuid())).toHaveLength(before.length);

    const applied = await call('goal_assignee_add', { ...params, version: preview.plan.version });
    expectContract('goal_assignee_add', applied);
    const after = storedSlices(emulator, uuid());
    const added = after.filter((r) => r.properties.hubspot_owner_id === person.id);
    expect(added).toHaveLength(12);
    const sample = before[0]?.properties ?? {};
    const groupIds = new Set(added.map((r) => r.properties.hs_goal_target_group_id));
    expect(groupIds.size).toBe(1);
    expect(before.some((r) => groupIds.has(r.properties.hs_goal_target_group_id))).toBe(false);
    for (const r of added) {
      for (const p of [
        'hs_goal_name',
        'hs_goal_type',
        'hs_milestone',
        'hs_pipeline_ids',
        'hs_group_correlation_uuid',
      ])
        expect(r.properties[p]).toBe(sample[p]);
      expect(r.properties.hs_target_amount).toBe('10000.00');
    }
    // The same periods, to the millisecond, as the goal's other assignees.
    const periods = (rs: typeof before) =>
      [...new Set(rs.map((r) => `${r.properties.hs_start_datetime}|${r.properties.hs_end_datetime}`))].sort();
    expect(periods(added)).toEqual(periods(before));
    const health = await call('goal_family_get', { ...asAdmin, uuid: uuid() });
    expect(health.family.findings).toEqual([]);
    const journal = await call('goal_journal_list', { ...asAdmin, familyUuid: uuid() });
    expect(journal.entries[0]).toMatchObject({
      operation: 'add-assignee',
      created: 12,
      assignee: { kind: 'owner', id: person.id, name: person.name },
    });
  });

  it('refuses to add someone twice and to remove the last assignee, changing nothing', async () => {
    const someone = storedSlices(emulator, uuid())[0]?.properties.hubspot_owner_id as string;
    const twice = await call('goal_assignee_add', {
      ...asAdmin,
      uuid: uuid(),
      dryRun: true,
      assignee: { kind: 'owner', id: someone },
      spread: { mode: 'even', total: '1.00' },
    });
    expect(twice).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_ERROR', details: { reason: 'ALREADY_ASSIGNED' } },
    });
    const stretch = DEMO.families.repStretch2026;
    const last = await call('goal_assignee_remove', {
      ...asAdmin,
      uuid: stretch,
      dryRun: true,
      assignee: { kind: 'owner', id: DEMO.owners.rep },
    });
    expect(last).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_ERROR', details: { reason: 'LAST_ASSIGNEE' } },
    });
  });

  it('removes one assignee by archiving every target of theirs and nothing else', async () => {
    const before = storedSlices(emulator, uuid());
    const gone = before[0]?.properties.hubspot_owner_id as string;
    const params = { ...asAdmin, uuid: uuid(), assignee: { kind: 'owner', id: gone } };
    const preview = await call('goal_assignee_remove', { ...params, dryRun: true });
    expectContract('goal_assignee_remove', preview);
    expect(preview.plan.archives).toHaveLength(12);
    expect(preview.plan.notices.map((n: { code: string }) => n.code)).toEqual([
      'total-changes',
      'archive-restorable',
    ]);
    const applied = await call('goal_assignee_remove', { ...params, version: preview.plan.version });
    expectContract('goal_assignee_remove', applied);
    const after = storedSlices(emulator, uuid());
    expect(after).toHaveLength(before.length - 12);
    expect(after.some((r) => r.properties.hubspot_owner_id === gone)).toBe(false);
  });

  it('refuses a rep without edit rights', async () => {
    const r = await call('goal_assignee_remove', {
      caller: { userId: DEMO.users.repWithoutEditRights },
      portal: asAdmin.portal,
      uuid: uuid(),
      dryRun: true,
      assignee: { kind: 'owner', id: DEMO.owners.rep },
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { reason: 'NOT_AN_EDITOR' } },
    });
  });
});

describe('notify assignees (F17)', () => {
  it('sets HubSpot’s flag on the written targets only when asked', async () => {
    const rename = async (name: string, notify?: boolean) => {
      const base = {
        ...asAdmin,
        uuid: uuid(),
        changes: { name },
        ...(notify === undefined ? {} : { notify }),
      };
      const preview = await call('goal_family_update', { ...base, dryRun: true });
      return call('goal_family_update', { ...base, version: preview.plan.version });
    };
    await rename('Quiet rename');
    expect(storedSlices(emulator, uuid()).every((r) => !r.properties.hs_should_notify_on_edit_updates)).toBe(
      true,
    );
    const loud = await rename('Loud rename', true);
    expectContract('goal_family_update', loud);
    expect(loud.plan.notices).toContainEqual({ code: 'notify', count: 72 });
    const slices = storedSlices(emulator, uuid());
    expect(slices.every((r) => r.properties.hs_should_notify_on_edit_updates === 'true')).toBe(true);
    expect(slices.every((r) => r.properties.hs_goal_name === 'Loud rename')).toBe(true);
  });
});

describe('activity', () => {
  it('labels imports and filters by the person who made the change', async () => {
    const family = await call('goal_family_get', { ...asAdmin, uuid: uuid() });
    const group = family.family.groups[0];
    const request = {
      ...asAdmin,
      uuid: uuid(),
      source: 'csv-import',
      respread: { groupId: group.groupId, from: '2026-01-01', spread: { mode: 'even', total: '120000.00' } },
    };
    const preview = await call('goal_family_update', { ...request, dryRun: true });
    await call('goal_family_update', { ...request, version: preview.plan.version });
    const mine = await call('goal_journal_list', { ...asAdmin, userId: DEMO.users.admin });
    expectContract('goal_journal_list', mine);
    expect(mine.entries[0]).toMatchObject({ source: 'csv-import', by: { userId: DEMO.users.admin } });
    const theirs = await call('goal_journal_list', { ...asAdmin, userId: DEMO.users.manager });
    expect(theirs.entries).toEqual([]);
  });

  it('lists the portal’s currencies, the company currency first', async () => {
    const options = await call('goal_property_options', asAdmin);
    expectContract('goal_property_options', options);
    expect(options.currencies[0]).toEqual({ code: 'USD', company: true });
    expect(options.currencies.map((c: { code: string }) => c.code)).toEqual(['USD', 'EUR', 'GBP', 'CAD']);
    expect(options.goalTypes).toContainEqual({ value: 'sales_quota', label: 'Revenue' });
  });
});
