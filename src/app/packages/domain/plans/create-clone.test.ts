// biome-ignore-all lint/style/noNonNullAssertion: tests index into fixtures they just built
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupFamilies } from '../grouping';
import { auditFamilies } from '../health/audit';
import { formatInstant } from '../instant';
import { PROP } from '../properties';
import { parseTarget, type RawGoalTarget } from '../target';
import { applyPlan, counter } from '../testing/apply';
import { familyOf, rawSchedule, UUID_A, UUID_B } from '../testing/fixtures';
import { planClone } from './clone';
import { type CreateRequest, planCreate } from './create';

const request = (change: Partial<CreateRequest> = {}): CreateRequest => ({
  uuid: UUID_B,
  name: 'FY27 New business',
  goalType: 'sales_quota',
  milestone: 'monthly',
  startDate: '2027-01-01',
  periodCount: 12,
  assignees: [
    { kind: 'owner', id: '101' },
    { kind: 'team', id: '77' },
  ],
  spread: { mode: 'even', totalCents: 100_000_00 },
  pipelineIds: ['default'],
  ...change,
});

describe('planCreate', () => {
  it('creates one group per assignee with exact periods and amounts', () => {
    const plan = planCreate(request(), counter(800));
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.creates).toHaveLength(24);
    expect(plan.value.creates[0]!.properties).toEqual({
      [PROP.uuid]: UUID_B,
      [PROP.groupId]: '800',
      [PROP.name]: 'FY27 New business',
      [PROP.goalType]: 'sales_quota',
      [PROP.milestone]: 'monthly',
      [PROP.pipelineIds]: 'default',
      [PROP.start]: '2027-01-01T00:00:00.000Z',
      [PROP.end]: '2027-01-31T23:59:59.999Z',
      [PROP.targetAmount]: '8333.34',
      [PROP.ownerId]: '101',
    });
    expect(plan.value.creates[12]!.properties).toMatchObject({ [PROP.groupId]: '801', [PROP.teamId]: '77' });
    const sum = plan.value.creates
      .slice(0, 12)
      .reduce((s, c) => s + Number(c.properties[PROP.targetAmount]!.replace('.', '')), 0);
    expect(sum).toBe(100_000_00);
  });

  it('gives an assignee their own targets when the request says so, counting skipped retries', () => {
    const own = new Map([
      [
        'team:77',
        { mode: 'explicit' as const, amounts: Array.from({ length: 12 }, (_, i) => (i + 1) * 100) },
      ],
    ]);
    const plan = planCreate(request({ spreadsByAssignee: own }), counter(800));
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.creates.slice(12).map((c) => c.properties[PROP.targetAmount])).toEqual(
      Array.from({ length: 12 }, (_, i) => `${i + 1}.00`),
    );
    expect(plan.value.creates[0]!.properties[PROP.targetAmount]).toBe('8333.34');
    expect(plan.value.counts).toBeUndefined();
  });

  it('creates a healthy family (audit finds nothing)', () => {
    const plan = planCreate(
      request({ timeZone: 'Europe/Berlin', milestone: 'quarterly', periodCount: 4, startDate: '2027-04-01' }),
      counter(800),
    );
    if (!plan.ok) throw new Error(plan.error.message);
    const raws = applyPlan([], plan.value, counter(1));
    const { families } = groupFamilies(raws.map(parseTarget));
    expect(auditFamilies(families, { timeZone: 'Europe/Berlin' })).toEqual([]);
  });

  it('on a retry creates only the missing slices, in the group ids already used', () => {
    const first = planCreate(request(), counter(800));
    if (!first.ok) throw new Error(first.error.message);
    const half = { ...first.value, creates: first.value.creates.filter((_, i) => i % 2 === 0) };
    const written = applyPlan([], half, counter(1)).map(parseTarget);
    const retry = planCreate(request(), counter(900), written);
    expect(retry.ok).toBe(true);
    if (!retry.ok) return;
    expect(retry.value.creates).toHaveLength(12);
    expect(new Set(retry.value.creates.map((c) => c.groupId))).toEqual(new Set(['800', '801']));
    expect(retry.value.warnings[0]).toContain('12 slice(s) already exist');
  });

  it.each([
    [{ name: ' ' }, 'INVALID_NAME'],
    [{ goalType: '' }, 'INVALID_GOAL_TYPE'],
    [{ assignees: [] }, 'NO_ASSIGNEES'],
    [
      {
        assignees: [
          { kind: 'owner', id: '1' },
          { kind: 'owner', id: '1' },
        ],
      },
      'DUPLICATE_ASSIGNEE',
    ],
    [{ startDate: '2027-02-30' }, 'INVALID_SCHEDULE'],
    [{ spread: { mode: 'explicit', amounts: [1] } }, 'WRONG_COUNT'],
    [{ spread: { mode: 'even', totalCents: -100 } }, 'INVALID_AMOUNT'],
  ] as [Partial<CreateRequest>, string][])('refuses %j', (change, code) => {
    expect(planCreate(request(change), counter(1))).toMatchObject({ ok: false, error: { code } });
  });

  it('refuses existing slices of another family', () => {
    expect(planCreate(request(), counter(1), rawSchedule().map(parseTarget))).toMatchObject({
      ok: false,
      error: { code: 'WRONG_FAMILY' },
    });
  });

  it('creates amounts summing to each total for any spread (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 0, max: 10 ** 12 }), (n, total) => {
        const plan = planCreate(
          request({
            periodCount: n,
            spread: { mode: 'even', totalCents: total },
            assignees: [{ kind: 'owner', id: '1' }],
          }),
          counter(1),
        );
        if (!plan.ok) throw new Error(plan.error.message);
        const cents = plan.value.creates.map((c) =>
          Math.round(Number(c.properties[PROP.targetAmount]) * 100),
        );
        expect(cents.reduce((s, x) => s + x, 0)).toBe(total);
      }),
    );
  });
});

describe('planClone', () => {
  const clone = (raws: RawGoalTarget[], change: Partial<Parameters<typeof planClone>[1]> = {}) =>
    planClone(familyOf(raws), { newUuid: UUID_B, shiftYears: 1, scale: '1', ...change }, counter(700));
  const starts = (plan: ReturnType<typeof clone>) =>
    plan.ok ? plan.value.creates.map((c) => formatInstant(c.startMs).slice(0, 10)) : [];

  it('copies a monthly family to next year with scaled amounts', () => {
    const plan = clone(
      [...rawSchedule(), ...rawSchedule({ groupId: '5002', assignee: 'team:77', firstId: 9101 })],
      {
        scale: '1.10',
        name: 'FY27',
      },
    );
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.familyUuid).toBe(UUID_B);
    expect(plan.value.creates).toHaveLength(24);
    expect(plan.value.creates[1]!.properties).toMatchObject({
      [PROP.start]: '2027-02-01T00:00:00.000Z',
      [PROP.end]: '2027-02-28T23:59:59.999Z',
      [PROP.targetAmount]: '11000.00',
      [PROP.name]: 'FY27',
      [PROP.groupId]: '700',
    });
    expect(plan.value.creates[12]!.properties[PROP.groupId]).toBe('701');
    expect(plan.value.warnings).toEqual([
      'Every target amount is multiplied by 1.10 (rounded half-up to the cent).',
    ]);
  });

  it('recomputes February for a leap year, never adding 365 days', () => {
    const plan = clone(rawSchedule({ startDate: '2027-01-01' }));
    const feb = plan.ok ? plan.value.creates[1]! : null;
    expect([formatInstant(feb!.startMs), formatInstant(feb!.endMs)]).toEqual([
      '2028-02-01T00:00:00.000Z',
      '2028-02-29T23:59:59.999Z',
    ]);
    expect(starts(plan)[2]).toBe('2028-03-01');
  });

  it('keeps the zone and end style of the source', () => {
    const raws = rawSchedule({
      timeZone: 'Europe/Berlin',
      endStyle: 'exclusive',
      milestone: 'quarterly',
      startDate: '2026-04-01',
    });
    const plan = planClone(
      familyOf(raws),
      { newUuid: UUID_B, shiftYears: 2, scale: '1', timeZone: 'Europe/Berlin' },
      counter(1),
    );
    expect(
      plan.ok && plan.value.creates.map((c) => [formatInstant(c.startMs), formatInstant(c.endMs)])[0],
    ).toEqual(['2028-03-31T22:00:00.000Z', '2028-06-30T22:00:00.000Z']);
  });

  it('keeps months in place when the zone was not detected, and says so', () => {
    const plan = clone(rawSchedule({ timeZone: 'Europe/Berlin' }));
    if (!plan.ok) throw new Error(plan.error.message);
    expect(starts(plan).slice(0, 2)).toEqual(['2027-01-01', '2027-02-01']);
    expect(plan.value.warnings[0]).toContain(
      '12 slice(s) of the source are not on the monthly schedule (UTC)',
    );
  });

  it('copies an assignee split over two groups into one group, each period once', () => {
    const raws = [...rawSchedule(), ...rawSchedule({ groupId: '5002', count: 3, firstId: 9101 })];
    const plan = clone(raws);
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.creates).toHaveLength(12);
    expect(new Set(plan.value.creates.map((c) => c.groupId))).toEqual(new Set(['700']));
    expect(plan.value.warnings).toContain(
      '3 slice(s) repeat a period of the same assignee and are copied once.',
    );
  });

  it('keeps weeks on their weekday and contiguous', () => {
    const plan = clone(rawSchedule({ milestone: 'weekly', startDate: '2026-01-05', count: 52 }));
    if (!plan.ok) throw new Error(plan.error.message);
    const c = plan.value.creates;
    expect(new Date(c[0]!.startMs).getUTCDay()).toBe(1);
    expect(formatInstant(c[0]!.startMs).slice(0, 10)).toBe('2027-01-04');
    for (let i = 1; i < c.length; i++) expect(c[i]!.startMs).toBe(c[i - 1]!.endMs + 1);
  });

  it('produces a healthy family from a healthy one (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('monthly' as const, 'quarterly' as const, 'annual' as const, 'weekly' as const),
        fc.integer({ min: 2000, max: 2040 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 5 }),
        (milestone, year, month, shiftYears) => {
          const startDate = `${year}-${String(month).padStart(2, '0')}-01`;
          const plan = clone(rawSchedule({ milestone, startDate }), { shiftYears });
          if (!plan.ok) throw new Error(plan.error.message);
          const { families } = groupFamilies(applyPlan([], plan.value, counter(1)).map(parseTarget));
          expect(auditFamilies(families)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('skips what it cannot copy, and what a retry already created', () => {
    const raws = rawSchedule();
    raws[0] = { ...raws[0]!, properties: { ...raws[0]!.properties, [PROP.start]: null } };
    const first = clone(raws);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.creates).toHaveLength(11);
    expect(first.value.warnings[0]).toContain('not copied');
    const written = applyPlan(
      [],
      { ...first.value, creates: first.value.creates.slice(0, 5) },
      counter(1),
    ).map(parseTarget);
    const retry = planClone(
      familyOf(raws),
      { newUuid: UUID_B, shiftYears: 1, scale: '1' },
      counter(800),
      written,
    );
    expect(retry.ok && retry.value.creates).toHaveLength(6);
    expect(retry.ok && retry.value.creates[0]!.groupId).toBe('700');
  });

  it.each([
    [{ shiftYears: 0 }, 'INVALID_SHIFT'],
    [{ scale: 'double' }, 'INVALID_SCALE'],
    [{ name: ' ' }, 'INVALID_NAME'],
    [{ newUuid: UUID_A }, 'SAME_UUID'],
    [{ scale: '100000000000' }, 'AMOUNT_TOO_LARGE'],
  ])('refuses %j', (change, code) => {
    expect(clone(rawSchedule(), change)).toMatchObject({ ok: false, error: { code } });
  });

  it('refuses unknown milestones and families without periods', () => {
    const daily = rawSchedule().map((r) => ({
      ...r,
      properties: { ...r.properties, [PROP.milestone]: 'daily' },
    }));
    expect(clone(daily)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_MILESTONE' } });
    const undated = rawSchedule({ count: 1 }).map((r) => ({
      ...r,
      properties: { ...r.properties, [PROP.end]: null },
    }));
    expect(clone(undated)).toMatchObject({ ok: false, error: { code: 'NO_PERIODS' } });
  });
});
