/**
 * HubSpot's goal rules end to end, through the built function bundles against the emulator: the
 * milestone options of the portal, whole years, the guide's must rules in the health flag, both end
 * conventions, each family's own time zone, and exact money at every size the contract accepts.
 */
// biome-ignore-all lint/style/noNonNullAssertion: tests index into results they just checked
import { functionContracts } from '@goal-families/contract';
import { PROP } from '@goal-families/domain';
import { rawSchedule, type ScheduleFixture } from '@goal-families/domain/testing';
import type { Emulator } from '@goal-families/emulator';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asAdmin, call, DEMO, startEmulator, storedSlices } from './harness';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

const NEW = 'b1b2b3b4-c1c2-4d1d-8e1e-f1f2f3f4f5f6';
const OTHER = 'c1c2c3c4-d1d2-4e1e-8f1f-a1a2a3a4a5a6';
const owner = () => DEMO.owners.rep;

/** Changes a stored slice's properties; returning 'skip' leaves the slice out. */
type Edit = (p: Record<string, string | null | undefined>, i: number) => unknown;

/**
 * Puts a family into the portal as HubSpot (or another tool) stored it, bypassing the app. `edit`
 * changes a slice's properties, or returns 'skip' to leave the slice out.
 */
function seedFamily(fixture: ScheduleFixture & { uuid: string }, edit: Edit = () => undefined) {
  const raws = rawSchedule({ assignee: owner(), ...fixture });
  raws.forEach((raw, i) => {
    const properties = { ...raw.properties };
    delete properties[PROP.objectId];
    delete properties[PROP.createdAt];
    delete properties[PROP.lastModified];
    if (edit(properties, i) === 'skip') return;
    // HubSpot keeps no empty values: an unset property is absent.
    const stored = Object.fromEntries(
      Object.entries(properties).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    emulator.store.insert('goal_targets', { properties: stored });
  });
}

const get = async (uuid: string) => {
  const r = await call('goal_family_get', { ...asAdmin, uuid });
  expect(r.ok, JSON.stringify(r).slice(0, 400)).toBe(true);
  expect(functionContracts.goal_family_get.result.safeParse(r).success).toBe(true);
  return r.family;
};

async function brokenUuids(): Promise<Set<string>> {
  const out = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await call('goal_families_list', {
      ...asAdmin,
      filter: { health: 'broken' },
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    expect(page.ok, JSON.stringify(page).slice(0, 300)).toBe(true);
    for (const f of page.families) out.add(f.uuid);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

async function auditFindings(): Promise<{ ruleId: string; familyUuid: string | null; severity: string }[]> {
  const all = [];
  let cursor: string | undefined;
  do {
    const page = await call('goal_families_audit', { ...asAdmin, ...(cursor ? { cursor } : {}) });
    expect(page.ok, JSON.stringify(page).slice(0, 300)).toBe(true);
    expect(functionContracts.goal_families_audit.result.safeParse(page).success).toBe(true);
    all.push(...page.findings);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** Preview, then apply with the preview's version. */
async function previewThenApply(
  uid:
    | 'goal_family_create'
    | 'goal_family_update'
    | 'goal_target_archive'
    | 'goal_family_repair'
    | 'goal_family_clone',
  params: Record<string, unknown>,
) {
  const preview = await call(uid, { ...asAdmin, ...params, dryRun: true });
  expect(preview.ok, JSON.stringify(preview).slice(0, 400)).toBe(true);
  // Create and clone take no version: they write under a new uuid.
  const version =
    uid === 'goal_family_create' || uid === 'goal_family_clone' ? {} : { version: preview.plan.version };
  const applied = await call(uid, { ...asAdmin, ...params, dryRun: false, ...version });
  expect(applied.ok, JSON.stringify(applied).slice(0, 400)).toBe(true);
  return { preview, applied };
}

const createParams = (change: Record<string, unknown> = {}) => ({
  uuid: NEW,
  name: 'FY27 quota',
  milestone: 'monthly',
  startDate: '2027-01-01',
  periodCount: 12,
  assignees: [{ kind: 'owner', id: owner() }],
  spread: { mode: 'even', total: '120000.00' },
  ...change,
});

describe("hs_milestone comes from the portal's options", () => {
  it('creates an annual goal with the option HubSpot has ("annually"), also when asked for "annually"', async () => {
    for (const [uuid, milestone] of [
      [NEW, 'annual'],
      [OTHER, 'annually'],
    ] as const) {
      await previewThenApply('goal_family_create', createParams({ uuid, milestone, periodCount: 1 }));
      expect(storedSlices(emulator, uuid).map((r) => r.properties.hs_milestone)).toEqual(['annually']);
      const family = await get(uuid);
      expect(family.periodKind).toBe('annual');
      expect(family.findings).toEqual([]);
    }
  });

  it('reads a family stored as "annually" as an annual family: no milestone-unknown, healthy', async () => {
    seedFamily({ uuid: NEW, milestone: 'annual', count: 2 }, (p) => {
      p[PROP.milestone] = 'annually';
    });
    const family = await get(NEW);
    expect(family.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual([]);
    expect(family.healthy).toBe(true);
  });

  it('filters the list by period kind, whatever the spelling stored', async () => {
    seedFamily({ uuid: NEW, milestone: 'annual', count: 1, name: 'Old spelling' }, (p) => {
      p[PROP.milestone] = 'annual';
    });
    const page = await call('goal_families_list', {
      ...asAdmin,
      filter: { milestone: 'annual' },
      limit: 100,
    });
    const names = page.families.map((f: { name: string }) => f.name);
    expect(names).toContain('Old spelling');
    expect(page.families.every((f: { periodKind: string }) => f.periodKind === 'annual')).toBe(true);
    expect(names.length).toBeGreaterThan(1); // the demo's annual families, stored as "annually"
  });
});

describe('period counts match the milestone', () => {
  it.each([
    ['monthly', 5],
    ['quarterly', 3],
    ['monthly', 13],
  ])('refuses %s × %d with a clear reason, and writes nothing', async (milestone, periodCount) => {
    const before = emulator.snapshot();
    const r = await call('goal_family_create', { ...asAdmin, ...createParams({ milestone, periodCount }) });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_ERROR', details: { reason: 'PARTIAL_YEARS' } },
    });
    expect(r.error.message).toContain('per year');
    expect(emulator.snapshot()).toBe(before);
  });

  it('makes a partial year by the named option, and the health check accepts exactly that', async () => {
    const { applied } = await previewThenApply(
      'goal_family_create',
      createParams({ partialYear: { from: '2027-04-01' } }),
    );
    expect(applied.applied.created).toBe(12);
    const family = await get(NEW);
    expect(family.healthy).toBe(true);
    expect(family.findings).toEqual([]);
    const amounts = family.groups[0].slices.map((s: { targetAmount: string }) => s.targetAmount);
    expect(amounts.slice(0, 3)).toEqual(['0.00', '0.00', '0.00']);
    expect(family.totalTarget).toBe('120000.00');
    expect((await auditFindings()).filter((f) => f.familyUuid === NEW)).toEqual([]);
  });

  it('archiving one slice: the preview says the count breaks, and the family needs repair after', async () => {
    await previewThenApply('goal_family_create', createParams());
    const family = await get(NEW);
    const last = family.groups[0].slices.at(-1).id;
    const { preview } = await previewThenApply('goal_target_archive', { uuid: NEW, targetId: last });
    expect(preview.plan.warnings.join(' ')).toContain('11 monthly periods, but HubSpot needs 12 per year');
    const after = await get(NEW);
    expect(after.healthy).toBe(false);
    expect(after.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('slice-count-mismatch');
    expect(await brokenUuids()).toContain(NEW);
  });

  it('a copy of a family with 11 slices has whole years again', async () => {
    seedFamily({ uuid: NEW, count: 11 });
    const { applied } = await previewThenApply('goal_family_clone', { uuid: NEW, newUuid: OTHER });
    expect(applied.applied.created).toBe(12);
    expect((await get(OTHER)).healthy).toBe(true);
  });
});

describe("the health flag follows the goals guide's must rules", () => {
  it.each([
    [
      'a monthly family with 11 slices',
      ((_p, i) => (i === 11 ? 'skip' : undefined)) as Edit,
      'slice-count-mismatch',
    ],
    [
      'March ending on 30 March 23:59:59.999',
      ((p, i) => {
        if (i === 2) p[PROP.end] = '2026-03-30T23:59:59.999Z';
      }) as Edit,
      'periods-misaligned',
    ],
    ['a month missing', ((_p, i) => (i === 5 ? 'skip' : undefined)) as Edit, 'periods-missing'],
  ])(
    '%s needs repair: healthy false, in the broken filter, an error in the health check',
    async (_label, edit, ruleId) => {
      emulator.reset('empty');
      seedFamily({ uuid: NEW }, edit);
      const family = await get(NEW);
      expect(family.healthy).toBe(false);
      expect(family.findings).toContainEqual(expect.objectContaining({ ruleId, severity: 'error' }));
      expect(await brokenUuids()).toContain(NEW);
      expect(await auditFindings()).toContainEqual(
        expect.objectContaining({ ruleId, familyUuid: NEW, severity: 'error' }),
      );
    },
  );
});

describe('both end conventions HubSpot uses', () => {
  it("reads the goals guide's GET sample convention (end = next period's first millisecond) as healthy, and keeps it on every change", async () => {
    seedFamily({ uuid: NEW, endStyle: 'exclusive' });
    seedFamily({
      uuid: NEW,
      endStyle: 'exclusive',
      groupId: '5002',
      assignee: DEMO.owners.manager,
      firstId: 20_000,
    });
    const family = await get(NEW);
    expect(family.healthy).toBe(true);
    expect(family.convention).toEqual({ endStyle: 'exclusive', timeZone: 'UTC' });
    const exclusive = (uuid: string) =>
      storedSlices(emulator, uuid).every((r) =>
        String(r.properties.hs_end_datetime).endsWith('T00:00:00.000Z'),
      );

    // Edit and re-spread.
    await previewThenApply('goal_family_update', {
      uuid: NEW,
      changes: { name: 'Renamed' },
      respread: { from: '2026-07-01', spread: { mode: 'even', total: '240000.00' } },
    });
    expect(exclusive(NEW)).toBe(true);
    // Repair: a month gone, recreated in the family's convention.
    const march = storedSlices(emulator, NEW).find(
      (r) => r.properties.hs_start_datetime === '2026-03-01T00:00:00.000Z',
    )!;
    await previewThenApply('goal_target_archive', { uuid: NEW, targetId: march.id });
    const missing = (await get(NEW)).findings.find((f: { ruleId: string }) => f.ruleId === 'periods-missing');
    await previewThenApply('goal_family_repair', { uuid: NEW, findingId: missing.id });
    expect(exclusive(NEW)).toBe(true);
    expect((await get(NEW)).findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    // Copy.
    await previewThenApply('goal_family_clone', { uuid: NEW, newUuid: OTHER });
    expect(exclusive(OTHER)).toBe(true);
    expect((await get(OTHER)).healthy).toBe(true);
  });

  it('makes new families by the guide rule: the last millisecond', async () => {
    await previewThenApply('goal_family_create', createParams());
    expect(
      storedSlices(emulator, NEW).every((r) => String(r.properties.hs_end_datetime).endsWith('.999Z')),
    ).toBe(true);
  });
});

describe('time zones, one rule', () => {
  async function setDefaultZone(timeZone: string) {
    const current = await call('app_settings_get', asAdmin);
    const saved = await call('app_settings_save', {
      ...asAdmin,
      settings: { ...current.settings, defaults: { ...current.settings.defaults, timeZone } },
      version: current.version,
    });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
  }

  it("changing the settings' default zone changes nothing for existing families", async () => {
    seedFamily({ uuid: NEW, timeZone: 'Europe/Berlin' });
    const before = await get(NEW);
    await setDefaultZone('America/Los_Angeles');
    const after = await get(NEW);
    expect(after.healthy).toBe(true);
    expect(after.findings).toEqual([]);
    expect(after.convention).toEqual({ endStyle: 'inclusive', timeZone: 'Europe/Berlin' });
    expect(after.convention).toEqual(before.convention);
    expect((await auditFindings()).filter((f) => f.familyUuid === NEW)).toEqual([]);
    expect((await brokenUuids()).has(NEW)).toBe(false);
  });

  it('a direct call of create without a zone starts in the default zone, as the create form does, and the health check reads it as healthy', async () => {
    await setDefaultZone('Europe/Berlin');
    await previewThenApply('goal_family_create', createParams());
    const first = storedSlices(emulator, NEW)
      .map((r) => String(r.properties.hs_start_datetime))
      .sort()[0];
    expect(first).toBe('2026-12-31T23:00:00.000Z');
    const family = await get(NEW);
    expect(family.convention.timeZone).toBe('Europe/Berlin');
    expect((await auditFindings()).filter((f) => f.familyUuid === NEW)).toEqual([]);
    await setDefaultZone('UTC');
    expect((await get(NEW)).healthy).toBe(true);
  });

  it('creates in America/Havana across the November 2026 double midnight, healthy', async () => {
    await previewThenApply(
      'goal_family_create',
      createParams({ startDate: '2026-01-01', timeZone: 'America/Havana' }),
    );
    const starts = storedSlices(emulator, NEW)
      .map((r) => String(r.properties.hs_start_datetime))
      .sort();
    expect(starts).toContain('2026-11-01T04:00:00.000Z');
    expect((await get(NEW)).findings).toEqual([]);
  });
});

describe('money is exact at every size the contract accepts', () => {
  const MAX = '9999999999999.99';

  it('12 slices of 9,999,999,999,999.99: get, the unfiltered list and the health check succeed with exact totals', async () => {
    seedFamily({ uuid: NEW }, (p) => {
      p[PROP.targetAmount] = MAX;
      p[PROP.kpiValue] = MAX;
    });
    const family = await get(NEW);
    expect(family.totalTarget).toBe('119999999999999.88');
    expect(family.totalKpi).toBe('119999999999999.88');
    const list = await call('goal_families_list', { ...asAdmin, limit: 100 });
    expect(list.ok, JSON.stringify(list).slice(0, 300)).toBe(true);
    expect(functionContracts.goal_families_list.result.safeParse(list).success).toBe(true);
    let found: { totalTarget: string } | undefined;
    let cursor: string | undefined;
    do {
      const page = await call('goal_families_list', {
        ...asAdmin,
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      found ??= page.families.find((f: { uuid: string }) => f.uuid === NEW);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && !found);
    expect(found?.totalTarget).toBe('119999999999999.88');
    // The health check over the same family (alone, to keep the scan short).
    emulator.reset('empty');
    seedFamily({ uuid: NEW }, (p) => {
      p[PROP.targetAmount] = MAX;
      p[PROP.kpiValue] = MAX;
    });
    expect((await auditFindings()).filter((f) => f.familyUuid === NEW)).toEqual([]);
  });

  it('get, list and audit stay exact for any amounts the contract accepts (fuzz)', async () => {
    const amount = fc
      .tuple(fc.bigInt({ min: 0n, max: 9_999_999_999_999n }), fc.integer({ min: 0, max: 99 }))
      .map(([whole, cents]) => `${whole}.${String(cents).padStart(2, '0')}`);
    await fc.assert(
      fc.asyncProperty(
        fc.array(amount, { minLength: 12, maxLength: 12 }),
        fc.array(amount, { minLength: 12, maxLength: 12 }),
        async (targets, kpis) => {
          emulator.reset('empty');
          seedFamily({ uuid: NEW }, (p, i) => {
            p[PROP.targetAmount] = targets[i];
            p[PROP.kpiValue] = kpis[i];
          });
          const exact = (values: string[]) => {
            const cents = values.reduce((s, v) => s + BigInt(v.replace('.', '')), 0n);
            return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
          };
          const family = await get(NEW);
          expect(family.totalTarget).toBe(exact(targets));
          expect(family.totalKpi).toBe(exact(kpis));
          expect(family.groups[0].slices.map((s: { targetAmount: string }) => s.targetAmount)).toEqual(
            targets,
          );
          const list = await call('goal_families_list', { ...asAdmin, uuids: [NEW] });
          expect(functionContracts.goal_families_list.result.safeParse(list).success).toBe(true);
          expect(list.families[0].totalTarget).toBe(exact(targets));
          expect((await auditFindings()).filter((f) => f.familyUuid === NEW)).toEqual([]);
        },
      ),
      { numRuns: 12 },
    );
  });
});
