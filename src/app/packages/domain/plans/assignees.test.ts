// biome-ignore-all lint/style/noNonNullAssertion: tests index into fixtures they just built
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupFamilies } from '../grouping';
import { auditFamilies } from '../health/audit';
import { PROP } from '../properties';
import { parseTarget } from '../target';
import { applyPlan, counter } from '../testing/apply';
import { familyOf, rawSchedule, UUID_A } from '../testing/fixtures';
import { familyPeriods, planAddAssignee, planRemoveAssignee } from './assignees';
import { notifiedTargets, withNotification } from './notify';

const two = () => [
  ...rawSchedule({ assignee: '101', groupId: '5001', firstId: 100 }),
  ...rawSchedule({ assignee: 'team:7', groupId: '5002', firstId: 200 }),
];

describe('planAddAssignee', () => {
  it.each([
    ['monthly, UTC, inclusive ends', { milestone: 'monthly' as const }],
    [
      'quarterly, Berlin, exclusive ends',
      { milestone: 'quarterly' as const, timeZone: 'Europe/Berlin', endStyle: 'exclusive' as const },
    ],
    ['yearly, New York', { milestone: 'annual' as const, timeZone: 'America/New_York' }],
    ['weekly', { milestone: 'weekly' as const }],
  ])('adds a new target group in the family’s own periods: %s', (_, shape) => {
    const raws = rawSchedule({
      ...shape,
      pipelineIds: 'default;p2',
      name: 'FY26 quota',
      goalType: 'deals_won',
    });
    const family = familyOf(raws);
    const plan = planAddAssignee(
      family,
      { assignee: { kind: 'owner', id: '555' }, spread: { mode: 'even', totalCents: 1_200_00 } },
      counter(9000),
    );
    if (!plan.ok) throw new Error(plan.error.message);
    const creates = plan.value.creates;
    expect(creates).toHaveLength(raws.length);
    // Same periods, to the millisecond, as the existing schedule; family-defining values copied.
    expect(creates.map((c) => [c.properties[PROP.start], c.properties[PROP.end]])).toEqual(
      raws.map((r) => [r.properties[PROP.start], r.properties[PROP.end]]),
    );
    for (const c of creates) {
      expect(c.properties).toMatchObject({
        [PROP.uuid]: UUID_A,
        [PROP.groupId]: '9000',
        [PROP.name]: 'FY26 quota',
        [PROP.goalType]: 'deals_won',
        [PROP.milestone]: shape.milestone,
        [PROP.pipelineIds]: 'default;p2',
        [PROP.ownerId]: '555',
      });
    }
    const cents = creates.reduce((s, c) => s + Number(c.properties[PROP.targetAmount]!.replace('.', '')), 0);
    expect(cents).toBe(1_200_00);
    // The result is a family the health check is happy with.
    const after = applyPlan(raws, plan.value, counter(70_000)).map(parseTarget);
    const grouped = groupFamilies(after);
    expect(grouped.families).toHaveLength(1);
    expect(grouped.families[0]!.groups).toHaveLength(2);
    expect(
      auditFamilies(grouped.families, { timeZone: 'timeZone' in shape ? shape.timeZone : 'UTC' }),
    ).toEqual([]);
  });

  it('takes explicit amounts per period and refuses a wrong count', () => {
    const family = familyOf(rawSchedule({ milestone: 'quarterly' }));
    const ok = planAddAssignee(
      family,
      { assignee: { kind: 'team', id: '9' }, spread: { mode: 'explicit', amounts: [1, 2, 3, 4] } },
      counter(1),
    );
    expect(ok.ok && ok.value.creates.map((c) => c.properties[PROP.targetAmount])).toEqual([
      '0.01',
      '0.02',
      '0.03',
      '0.04',
    ]);
    expect(ok.ok && ok.value.creates[0]!.properties[PROP.teamId]).toBe('9');
    const wrong = planAddAssignee(
      family,
      { assignee: { kind: 'team', id: '9' }, spread: { mode: 'explicit', amounts: [1, 2] } },
      counter(1),
    );
    expect(wrong.ok).toBe(false);
  });

  it.each([
    ['an assignee already on the goal', { kind: 'owner' as const, id: '101' }, 'ALREADY_ASSIGNED'],
    ['a team already on the goal', { kind: 'team' as const, id: '7' }, 'ALREADY_ASSIGNED'],
  ])('refuses %s', (_, assignee, code) => {
    const plan = planAddAssignee(
      familyOf(two()),
      { assignee, spread: { mode: 'even', totalCents: 0 } },
      counter(1),
    );
    expect(!plan.ok && plan.error.code).toBe(code);
  });

  it('uses the end most slices have for a period when the family disagrees', () => {
    const raws = rawSchedule({ count: 2 });
    const odd = {
      ...raws[0]!,
      id: '77',
      properties: {
        ...raws[0]!.properties,
        [PROP.groupId]: '5009',
        [PROP.ownerId]: '9',
        [PROP.end]: '2026-02-01T00:00:00.000Z',
      },
    };
    expect(familyPeriods(familyOf([...raws, odd]))[0]!.endMs).toBe(Date.parse('2026-01-31T23:59:59.999Z'));
  });

  it('spreads any total exactly over the family’s periods', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000_00 }),
        fc.constantFrom('monthly', 'quarterly', 'annual'),
        (total, milestone) => {
          const family = familyOf(rawSchedule({ milestone: milestone as 'monthly' }));
          const plan = planAddAssignee(
            family,
            { assignee: { kind: 'owner', id: '1' }, spread: { mode: 'even', totalCents: total } },
            counter(1),
          );
          if (!plan.ok) throw new Error(plan.error.message);
          const sum = plan.value.creates.reduce(
            (s, c) => s + BigInt(c.properties[PROP.targetAmount]!.replace('.', '')),
            0n,
          );
          expect(sum).toBe(BigInt(total));
        },
      ),
    );
  });
});

describe('planRemoveAssignee', () => {
  it('archives every target of that assignee and nothing else', () => {
    const raws = two();
    const plan = planRemoveAssignee(familyOf(raws), { kind: 'team', id: '7' });
    if (!plan.ok) throw new Error(plan.error.message);
    expect(plan.value.operation).toBe('remove-assignee');
    expect(plan.value.archives.map((a) => a.id)).toEqual(raws.filter((r) => r.id >= '200').map((r) => r.id));
    expect(plan.value.updates).toEqual([]);
    expect(plan.value.creates).toEqual([]);
  });

  it('archives an assignee split over several groups entirely', () => {
    const raws = [
      ...two(),
      ...rawSchedule({ assignee: 'team:7', groupId: '5003', firstId: 300, startDate: '2027-01-01' }),
    ];
    const plan = planRemoveAssignee(familyOf(raws), { kind: 'team', id: '7' });
    expect(plan.ok && plan.value.archives).toHaveLength(24);
  });

  it.each([
    ['someone not on the goal', { kind: 'owner' as const, id: '999' }, 'NOT_ASSIGNED'],
    ['the only assignee', { kind: 'owner' as const, id: '101' }, 'LAST_ASSIGNEE'],
  ])('refuses %s', (_, assignee, code) => {
    const family = code === 'LAST_ASSIGNEE' ? familyOf(rawSchedule()) : familyOf(two());
    const plan = planRemoveAssignee(family, assignee);
    expect(!plan.ok && plan.error.code).toBe(code);
  });
});

describe('withNotification', () => {
  it('asks HubSpot to notify on every updated and created target, once', () => {
    const raws = two();
    const family = familyOf(raws);
    const add = planAddAssignee(
      family,
      { assignee: { kind: 'owner', id: '3' }, spread: { mode: 'even', totalCents: 12 } },
      counter(1),
    );
    if (!add.ok) throw new Error(add.error.message);
    const withUpdate = {
      ...add.value,
      updates: [
        { id: '100', label: 'x', before: { [PROP.name]: 'a' }, after: { [PROP.name]: 'b' } },
        { id: '101', label: 'x', before: { [PROP.name]: 'a' }, after: { [PROP.name]: 'b' } },
      ],
    };
    const already = family.slices.map((t) =>
      t.id === '101' ? { ...t, properties: { ...t.properties, [PROP.notifyOnEdit]: 'true' } } : t,
    );
    const notified = withNotification(withUpdate, already);
    expect(notified.updates[0]!.after[PROP.notifyOnEdit]).toBe('true');
    expect(notified.updates[0]!.before[PROP.notifyOnEdit]).toBeNull();
    expect(notified.updates[1]!.after[PROP.notifyOnEdit]).toBeUndefined();
    expect(notified.creates.every((c) => c.properties[PROP.notifyOnEdit] === 'true')).toBe(true);
    expect(notifiedTargets(notified)).toBe(1 + 12);
    expect(notifiedTargets(withUpdate)).toBe(0);
  });
});
