// biome-ignore-all lint/style/noNonNullAssertion: tests index into fixtures they just built
import { describe, expect, it } from 'vitest';
import { groupFamilies } from '../grouping';
import { auditFamilies, needsRepair } from '../health/audit';
import { formatInstant } from '../instant';
import { PROP } from '../properties';
import { parseTarget } from '../target';
import { applyPlan, counter } from '../testing/apply';
import { familyOf, rawSchedule, UUID_A, UUID_B, withProps } from '../testing/fixtures';
import { planArchiveFamily, planArchiveSlice } from './archive';
import { batchCount, chunk } from './chunk';
import { emptyPlan, mergePlans, sameValue, updateFor } from './diff';
import { clientChosenGroupId } from './group-id';
import { isEmptyPlan } from './plan';
import { planRepair } from './repair';
import { planRespread } from './respread';
import { planTargetUpdate } from './target-update';

const family = () =>
  familyOf([...rawSchedule(), ...rawSchedule({ groupId: '5002', assignee: 'team:77', firstId: 9101 })]);

describe('chunk and batchCount', () => {
  it('splits into batches of at most 100', () => {
    const items = Array.from({ length: 250 }, (_, i) => i);
    expect(chunk(items).map((c) => c.length)).toEqual([100, 100, 50]);
    expect(chunk([], 100)).toEqual([]);
    expect(chunk([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
    expect(() => chunk([1], 0)).toThrow(RangeError);
    const plan = {
      ...emptyPlan('create', UUID_A, []),
      creates: Array(201).fill(null),
      updates: Array(100).fill(null),
    };
    expect(batchCount(plan)).toEqual({ create: 3, update: 1, archive: 0 });
  });
});

describe('diff helpers', () => {
  it.each([
    [PROP.targetAmount, '5000', '5000.00', true],
    [PROP.targetAmount, 'abc', '0.00', false],
    [PROP.start, '1767225600000', '2026-01-01T00:00:00.000Z', true],
    [PROP.start, 'x', '2026-01-01T00:00:00.000Z', false],
    [PROP.teamId, null, '', true],
    [PROP.name, 'A', 'a', false],
  ])('sameValue(%s, %j, %j) = %s', (p, stored, wanted, same) =>
    expect(sameValue(p, stored, wanted)).toBe(same),
  );

  it('merges plans of one family and version', () => {
    const f = family();
    const a = {
      ...emptyPlan('family-update', f.uuid, f.slices),
      updates: [updateFor(f.slices[0]!, { [PROP.name]: 'X' })!],
    };
    const b = {
      ...emptyPlan('respread', f.uuid, f.slices),
      updates: [updateFor(f.slices[0]!, { [PROP.targetAmount]: '1.00', [PROP.name]: 'Y' })!],
      summary: 'b',
    };
    const m = mergePlans(a, b);
    expect(m.updates).toHaveLength(1);
    expect(m.updates[0]!.after).toEqual({ [PROP.name]: 'Y', [PROP.targetAmount]: '1.00' });
    expect(m.updates[0]!.before).toEqual({
      [PROP.name]: 'Q1-Q4 New business',
      [PROP.targetAmount]: '10000.00',
    });
    expect(m.summary).toBe('b');
    expect(() => mergePlans(a, emptyPlan('repair', UUID_B, []))).toThrow(RangeError);
    expect(isEmptyPlan(emptyPlan('repair', UUID_B, []))).toBe(true);
  });

  it('checks client-chosen group ids', () => {
    expect(clientChosenGroupId(() => '123')).toBe('123');
    expect(() => clientChosenGroupId(() => 'abc')).toThrow(RangeError);
  });
});

describe('planTargetUpdate', () => {
  it('changes one amount and warns about the family total', () => {
    const plan = planTargetUpdate(family(), '9003', { targetCents: 12_000_00n, kpiCents: 5_00n });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.updates).toEqual([
      expect.objectContaining({
        id: '9003',
        before: { [PROP.targetAmount]: '10000.00', [PROP.kpiValue]: '0' },
        after: { [PROP.targetAmount]: '12000.00', [PROP.kpiValue]: '5.00' },
      }),
    ]);
    expect(plan.value.warnings).toEqual(["The family's total target changes from 240000.00 to 242000.00."]);
  });

  it('does not warn for a KPI-only change, and plans nothing when equal', () => {
    const kpi = planTargetUpdate(family(), '9003', { kpiCents: 1n });
    expect(kpi.ok && kpi.value.warnings).toEqual([]);
    const same = planTargetUpdate(family(), '9003', { targetCents: 10_000_00n });
    expect(same.ok && same.value.updates).toEqual([]);
  });

  it.each([
    ['1', { targetCents: 1n }, 'NOT_FOUND'],
    ['9003', { targetCents: -1n }, 'INVALID_AMOUNT'],
    ['9003', {}, 'NOTHING_TO_CHANGE'],
  ])('refuses %s %o', (id, changes, code) => {
    expect(planTargetUpdate(family(), id, changes)).toMatchObject({ ok: false, error: { code } });
  });
});

describe('planRespread', () => {
  const from = Date.UTC(2026, 6, 1);
  it('re-spreads every group from July, keeping January to June', () => {
    const plan = planRespread(family(), { fromMs: from, spread: { mode: 'even', totalCents: 180_000_00n } });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.updates).toHaveLength(12);
    for (const u of plan.value.updates) expect(u.after).toEqual({ [PROP.targetAmount]: '20000.00' });
    expect(plan.value.warnings).toEqual([
      'Target group 5001: total changes from 120000.00 to 180000.00.',
      'Target group 5002: total changes from 120000.00 to 180000.00.',
    ]);
  });

  it('re-spreads one group with weights', () => {
    const plan = planRespread(family(), {
      groupId: '5002',
      fromMs: Date.UTC(2026, 9, 1),
      spread: { mode: 'weighted', totalCents: 120_000_00n, weights: [1, 1, 2] },
    });
    expect(plan.ok && plan.value.updates.map((u) => [u.id, u.after[PROP.targetAmount]])).toEqual([
      ['9110', '7500.00'],
      ['9111', '7500.00'],
      ['9112', '15000.00'],
    ]);
  });

  it('keeps slices without a start and says so', () => {
    const raws = rawSchedule().map((r, i) => (i === 11 ? withProps(r, { [PROP.start]: null }) : r));
    const plan = planRespread(familyOf(raws), {
      fromMs: from,
      spread: { mode: 'even', totalCents: 120_000_00n },
    });
    expect(plan.ok && plan.value.warnings[0]).toContain('no start date');
  });

  it.each([
    [{ groupId: '1', fromMs: from, spread: { mode: 'even', totalCents: 1n } as const }, 'NOT_FOUND'],
    [{ fromMs: from, spread: { mode: 'even', totalCents: 1n } as const }, 'NEGATIVE_REMAINDER'],
  ])('refuses %o', (request, code) => {
    expect(planRespread(family(), request)).toMatchObject({ ok: false, error: { code } });
  });

  it('refuses a family without groups', () => {
    const raws = rawSchedule({ count: 2 }).map((r) => withProps(r, { [PROP.groupId]: null }));
    expect(
      planRespread(familyOf(raws), { fromMs: 0, spread: { mode: 'even', totalCents: 0n } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('archive', () => {
  it('archives every slice of a family', () => {
    const plan = planArchiveFamily(family());
    expect(plan.archives).toHaveLength(24);
    expect(plan.warnings[0]).toContain('90 days');
  });

  it('archives one slice with a warning about totals', () => {
    const plan = planArchiveSlice(family(), '9005');
    expect(plan.ok && plan.value.archives).toEqual([
      { id: '9005', label: 'Q1-Q4 New business · 2026-05-01 · #9005' },
    ]);
    expect(plan.ok && plan.value.warnings[0]).toContain('from 240000.00 to 230000.00');
    expect(planArchiveSlice(family(), 'x')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const last = planArchiveSlice(familyOf(rawSchedule({ count: 1 })), '9001');
    expect(last.ok && last.value.warnings).toHaveLength(2);
  });
});

describe('archiving one slice breaks the count: the preview says so, and the family needs repair after', () => {
  it.each([
    ['a middle month', '9005'],
    ['the last month', '9012'],
    ['the first month', '9001'],
  ])('%s', (_label, id) => {
    const raws = rawSchedule();
    const plan = planArchiveSlice(familyOf(raws), id);
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.warnings).toContain(
      "Afterwards this assignee's schedule has 11 monthly periods, but HubSpot needs 12 per year: the goal will show as needing repair until the period is added back.",
    );
    const after = groupFamilies(applyPlan(raws, plan.value, counter(1)).map(parseTarget));
    expect(needsRepair(auditFamilies(after.families))).toBe(true);
  });

  it('says nothing about the count when the schedule stays whole years (a duplicate month)', () => {
    const raws = [...rawSchedule(), { ...rawSchedule()[4]!, id: '9999' }];
    const plan = planArchiveSlice(familyOf(raws), '9999');
    expect(plan.ok && plan.value.warnings.join(' ')).not.toContain('HubSpot needs');
  });
});

describe('planRepair', () => {
  it('refuses findings without repair, of another family, or stale', () => {
    const raws = rawSchedule().map((r, i) =>
      i === 1 ? withProps(r, { [PROP.targetAmount]: 'x', [PROP.name]: 'Y' }) : r,
    );
    const { families } = groupFamilies(raws.map(parseTarget));
    const findings = auditFamilies(families);
    const f = families[0]!;
    const noRepair = findings.find((x) => x.ruleId === 'amount-invalid')!;
    const rename = findings.find((x) => x.ruleId === 'family-properties-disagree')!;
    expect(planRepair(f, noRepair)).toMatchObject({ ok: false, error: { code: 'NO_REPAIR' } });
    expect(planRepair({ uuid: UUID_B, slices: [] }, rename)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_FAMILY' },
    });
    expect(planRepair({ uuid: UUID_A, slices: [] }, rename)).toMatchObject({
      ok: false,
      error: { code: 'STALE_FINDING' },
    });
    const archive = {
      ...rename,
      repair: { kind: 'archive-slices' as const, description: 'd', ids: ['404'] },
    };
    expect(planRepair(f, archive)).toMatchObject({ ok: false, error: { code: 'STALE_FINDING' } });
    const ok = planRepair(f, rename);
    expect(ok.ok && ok.value.updates).toHaveLength(1);
    const fixed = familyOf(raws.map((r) => withProps(r, { [PROP.name]: 'Q1-Q4 New business' })));
    const noop = planRepair(fixed, rename);
    expect(noop.ok && noop.value.warnings[0]).toContain('already looks repaired');
  });

  it('plans the creation of missing slices with their assignee', () => {
    const raws = rawSchedule({ assignee: 'team:77' }).filter((_, i) => i !== 0 && i !== 4);
    const { families } = groupFamilies(raws.map(parseTarget));
    const finding = auditFamilies(families).find((x) => x.ruleId === 'periods-missing')!;
    const plan = planRepair(families[0]!, finding);
    expect(plan.ok && plan.value.creates.map((c) => [formatInstant(c.startMs), c.assignee])).toEqual([
      ['2026-05-01T00:00:00.000Z', { kind: 'team', id: '77' }],
    ]);
  });
});
