// biome-ignore-all lint/style/noNonNullAssertion: tests index into fixtures they just built
import { describe, expect, it } from 'vitest';
import { groupFamilies } from '../grouping';
import { planRepair } from '../plans/repair';
import { PROP } from '../properties';
import { parseTarget, type RawGoalTarget } from '../target';
import { applyPlan, counter } from '../testing/apply';
import { rawSchedule, UUID_A, UUID_B, withProps } from '../testing/fixtures';
import { auditFamilies, auditFamily, HEALTH_RULES, needsRepair, RULE_CATALOG } from './audit';
import type { AuditContext, Finding } from './rule';

const UTC: AuditContext = { timeZone: 'UTC' };
const audit = (raws: RawGoalTarget[], ctx = UTC): Finding[] => {
  const { families, orphans } = groupFamilies(raws.map(parseTarget));
  return auditFamilies(families, ctx, orphans);
};
const twoAssignees = () => [
  ...rawSchedule({ groupId: '5001', assignee: '101', firstId: 9001 }),
  ...rawSchedule({ groupId: '5002', assignee: 'team:77', firstId: 9101 }),
];
/** Applies a finding's repair and audits again. */
function repairAndReaudit(raws: RawGoalTarget[], finding: Finding, ctx = UTC): Finding[] {
  const { families } = groupFamilies(raws.map(parseTarget));
  const family = families.find((f) => f.uuid === finding.familyUuid);
  const plan = planRepair(family ?? { uuid: null, slices: raws.map(parseTarget) }, finding);
  if (!plan.ok) throw new Error(plan.error.message);
  return audit(applyPlan(raws, plan.value, counter(70000)), ctx);
}

describe('healthy families have no findings', () => {
  it.each([
    ['monthly UTC', twoAssignees(), UTC],
    ['quarterly fiscal April', rawSchedule({ milestone: 'quarterly', startDate: '2026-04-01' }), UTC],
    ['annual', rawSchedule({ milestone: 'annual', count: 2 }), UTC],
    ['weekly', rawSchedule({ milestone: 'weekly', count: 53, startDate: '2026-01-05' }), UTC],
    ['monthly exclusive ends', rawSchedule({ endStyle: 'exclusive' }), UTC],
    [
      'monthly Berlin with the portal zone',
      rawSchedule({ timeZone: 'Europe/Berlin' }),
      { timeZone: 'Europe/Berlin' },
    ],
    ['two years of months', rawSchedule({ count: 24 }), UTC],
  ])('%s', (_label, raws, ctx) => {
    expect(audit(raws, ctx)).toEqual([]);
  });
});

describe('each breakage is found, with a working repair where one exists', () => {
  type Case = [string, (raws: RawGoalTarget[]) => RawGoalTarget[], string, 'error' | 'warning', boolean];
  const set = (i: number, props: Record<string, string | null>) => (raws: RawGoalTarget[]) =>
    raws.map((r, j) => (j === i ? withProps(r, props) : r));
  const cases: Case[] = [
    [
      'a renamed slice',
      set(3, { [PROP.name]: 'Q1 quota (copy)' }),
      'family-properties-disagree',
      'error',
      true,
    ],
    [
      'other pipelines',
      set(4, { [PROP.pipelineIds]: 'default;7781' }),
      'family-properties-disagree',
      'error',
      true,
    ],
    ['another goal type', set(5, { [PROP.goalType]: 'calls' }), 'family-properties-disagree', 'error', true],
    ['a slice in another group id', set(2, { [PROP.groupId]: '5999' }), 'group-id-split', 'error', true],
    ['a slice without group id', set(2, { [PROP.groupId]: null }), 'orphan-no-group-id', 'error', true],
    [
      'a group shared by two assignees',
      set(2, { [PROP.ownerId]: null, [PROP.teamId]: '77' }),
      'group-id-shared',
      'error',
      false,
    ],
    ['owner and team both set', set(2, { [PROP.teamId]: '77' }), 'assignee-both', 'error', true],
    ['neither owner nor team', set(2, { [PROP.ownerId]: null }), 'assignee-missing', 'error', true],
    ['a missing month', (r) => r.filter((_, i) => i !== 5), 'periods-missing', 'error', true],
    ['a duplicated month', (r) => [...r, { ...r[3]!, id: '9999' }], 'periods-overlap', 'error', true],
    [
      'an end one hour late',
      set(0, { [PROP.end]: '2026-02-01T00:59:59.999Z' }),
      'periods-overlap',
      'error',
      false,
    ],
    [
      'a start one day late',
      set(1, { [PROP.start]: '2026-02-02T00:00:00.000Z' }),
      'periods-misaligned',
      'error',
      true,
    ],
    [
      'an exclusive end in an inclusive family',
      set(1, { [PROP.end]: '2026-03-01T00:00:00.000Z' }),
      'periods-misaligned',
      'error',
      true,
    ],
    ['an unreadable end', set(1, { [PROP.end]: 'tomorrow' }), 'periods-unreadable', 'error', false],
    [
      '13 monthly slices',
      (r) => [...r, ...rawSchedule({ startDate: '2027-01-01', count: 1, firstId: 9500 })],
      'slice-count-mismatch',
      'error',
      false,
    ],
    ['an amount that is text', set(1, { [PROP.targetAmount]: 'TBD' }), 'amount-invalid', 'error', false],
    ['a negative amount', set(1, { [PROP.targetAmount]: '-5.00' }), 'amount-negative', 'warning', false],
    [
      'an unknown milestone',
      (r) => r.map((x) => withProps(x, { [PROP.milestone]: 'daily' })),
      'milestone-unknown',
      'warning',
      false,
    ],
  ];

  it.each(cases)('%s → %s', (_label, breakIt, ruleId, severity, repairable) => {
    const raws = breakIt(rawSchedule());
    const findings = audit(raws);
    const finding = findings.find((f) => f.ruleId === ruleId);
    expect(finding, JSON.stringify(findings.map((f) => f.ruleId))).toBeDefined();
    expect(finding!.severity).toBe(severity);
    expect(finding!.message.length).toBeGreaterThan(20);
    expect(finding!.sliceIds.length).toBeGreaterThan(0);
    expect(finding!.id.startsWith(`${ruleId}:${UUID_A}:`)).toBe(true);
    expect(finding!.repair !== null).toBe(repairable);
    if (repairable) {
      const after = repairAndReaudit(raws, finding!);
      expect(after.map((f) => f.id)).not.toContain(finding!.id);
    }
  });

  it('finding ids are stable across scans and input order', () => {
    const raws = set(3, { [PROP.name]: 'X' })(rawSchedule());
    expect(audit([...raws].reverse()).map((f) => f.id)).toEqual(audit(raws).map((f) => f.id));
  });
});

describe('repairs in detail', () => {
  it('creates missing slices with amount 0 in the family convention', () => {
    const raws = rawSchedule({ timeZone: 'Europe/Berlin', endStyle: 'exclusive' }).filter((_, i) => i !== 6);
    const [finding] = audit(raws, { timeZone: 'Europe/Berlin' });
    expect(finding!.ruleId).toBe('periods-missing');
    expect(finding!.repair).toMatchObject({ kind: 'create-missing-slices' });
    if (finding!.repair?.kind !== 'create-missing-slices') return;
    expect(finding!.repair.slices).toHaveLength(1);
    expect(finding!.repair.slices[0]!.properties).toMatchObject({
      [PROP.start]: '2026-06-30T22:00:00.000Z',
      [PROP.end]: '2026-07-31T22:00:00.000Z',
      [PROP.targetAmount]: '0.00',
      [PROP.groupId]: '5001',
      [PROP.ownerId]: '101',
      [PROP.uuid]: UUID_A,
    });
  });

  it('finds periods another group covers but this one lacks', () => {
    const raws = [
      ...rawSchedule({ count: 12 }),
      ...rawSchedule({ groupId: '5002', assignee: '102', count: 11, firstId: 9101 }),
    ];
    const findings = audit(raws);
    const missing = findings.find((f) => f.ruleId === 'periods-missing');
    expect(missing?.message).toContain('2026-12-01');
    expect(missing?.id).toBe(`periods-missing:${UUID_A}:5002`);
  });

  it('archives exact duplicates, keeping the older slice', () => {
    const raws = rawSchedule();
    const dup = withProps({ ...raws[3]!, id: '9999' }, { [PROP.createdAt]: '2026-03-01T00:00:00.000Z' });
    const finding = audit([dup, ...raws]).find((f) => f.ruleId === 'periods-overlap');
    expect(finding!.repair).toMatchObject({ kind: 'archive-slices', ids: ['9999'] });
  });

  it('moves a split assignee into its main group', () => {
    const raws = twoAssignees().map((r) => (r.id === '9003' ? withProps(r, { [PROP.groupId]: '5002' }) : r));
    const findings = audit(raws);
    expect(findings.find((f) => f.ruleId === 'group-id-shared')).toBeDefined();
    const split = findings.find((f) => f.ruleId === 'group-id-split');
    expect(split!.repair).toMatchObject({
      updates: [{ id: '9003', properties: { [PROP.groupId]: '5001' } }],
    });
  });

  it('has no repair when the rest gives no evidence', () => {
    const raws = rawSchedule({ count: 2 }).map((r) => withProps(r, { [PROP.teamId]: '77' }));
    const finding = audit(raws).find((f) => f.ruleId === 'assignee-both');
    expect(finding!.repair).toBeNull();
    const blankName = rawSchedule({ count: 3 }).map((r, i) =>
      withProps(r, { [PROP.name]: i === 0 ? 'Named' : '' }),
    );
    expect(audit(blankName).find((f) => f.ruleId === 'family-properties-disagree')!.repair).toBeNull();
    const lone = rawSchedule({ count: 12 }).map((r) => withProps(r, { [PROP.groupId]: null }));
    expect(audit(lone).find((f) => f.ruleId === 'orphan-no-group-id')!.repair).toBeNull();
    const nobody = rawSchedule({ count: 12 }).map((r) => withProps(r, { [PROP.ownerId]: null }));
    expect(audit(nobody).find((f) => f.ruleId === 'assignee-missing')!.repair).toBeNull();
  });

  it('clears the team when the group is an owner schedule', () => {
    const raws = rawSchedule().map((r, i) => (i === 0 ? withProps(r, { [PROP.teamId]: '77' }) : r));
    const finding = audit(raws).find((f) => f.ruleId === 'assignee-both');
    expect(finding!.repair).toMatchObject({ updates: [{ id: '9001', properties: { [PROP.teamId]: '' } }] });
    const teams = rawSchedule({ assignee: 'team:77' }).map((r, i) =>
      i === 0 ? withProps(r, { [PROP.ownerId]: '5' }) : r,
    );
    expect(audit(teams).find((f) => f.ruleId === 'assignee-both')!.repair).toMatchObject({
      updates: [{ id: '9001', properties: { [PROP.ownerId]: '' } }],
    });
  });
});

describe("each family's own zone", () => {
  it.each(['Europe/Berlin', 'America/Havana', 'Asia/Kathmandu', 'Pacific/Chatham'])(
    'a family in %s is healthy whatever the default zone',
    (zone) => {
      for (const defaultZone of ['UTC', 'America/Los_Angeles', zone]) {
        expect(audit(rawSchedule({ timeZone: zone }), { timeZone: defaultZone })).toEqual([]);
        expect(
          audit(rawSchedule({ timeZone: zone, endStyle: 'exclusive' }), { timeZone: defaultZone }),
        ).toEqual([]);
      }
    },
  );

  it('a family whose slices start at no midnight anywhere is off the grid, with no repair moving every slice', () => {
    const raws = rawSchedule().map((r) =>
      withProps(r, { [PROP.start]: `${String(r.properties[PROP.start]).slice(0, 10)}T12:34:56.789Z` }),
    );
    const findings = audit(raws, UTC);
    expect(findings.map((f) => f.ruleId)).toEqual(['periods-misaligned']);
    expect(findings[0]!.repair).toBeNull();
    expect(findings[0]!.message).toContain('in any time zone');
  });

  it('snaps a slightly early start forward to its own period, not back to the previous one', () => {
    const raws = rawSchedule().map((r, i) =>
      i === 4 ? withProps(r, { [PROP.start]: '2026-04-30T22:00:00.000Z' }) : r,
    );
    const finding = audit(raws).find((f) => f.ruleId === 'periods-misaligned');
    expect(finding!.repair).toMatchObject({
      updates: [{ id: '9005', properties: { [PROP.start]: '2026-05-01T00:00:00.000Z' } }],
    });
  });
});

describe('orphans', () => {
  it('puts an orphan back into the family its group id belongs to', () => {
    const raws = rawSchedule().map((r, i) => (i === 0 ? withProps(r, { [PROP.uuid]: null }) : r));
    const findings = audit(raws);
    const orphan = findings.find((f) => f.ruleId === 'orphan-no-uuid')!;
    expect(orphan).toMatchObject({ id: 'orphan-no-uuid:orphan:9001', familyUuid: null, severity: 'warning' });
    expect(orphan.repair).toMatchObject({ updates: [{ id: '9001', properties: { [PROP.uuid]: UUID_A } }] });
    expect(repairAndReaudit(raws, orphan)).toEqual([]);
  });

  it('offers no repair when the group id is unknown or ambiguous', () => {
    const orphan = withProps(rawSchedule({ count: 1 })[0]!, { [PROP.uuid]: null, [PROP.groupId]: '42' });
    expect(audit([orphan])[0]!.repair).toBeNull();
    const raws = [
      ...rawSchedule({ count: 12 }),
      ...rawSchedule({ uuid: UUID_B, count: 12, firstId: 9501 }),
      withProps(orphan, { [PROP.groupId]: '5001' }),
    ];
    expect(audit(raws).find((f) => f.ruleId === 'orphan-no-uuid')!.repair).toBeNull();
    const noGroup = withProps(orphan, { [PROP.groupId]: null, [PROP.name]: null });
    expect(audit([noGroup])[0]!.message).toContain('unnamed');
  });
});

describe('catalog', () => {
  it('lists every rule once with a title', () => {
    const ids = RULE_CATALOG.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(HEALTH_RULES.length + 1);
    for (const r of RULE_CATALOG) expect(r.title.length).toBeGreaterThan(10);
  });

  it('audits one family with the default context', () => {
    const { families } = groupFamilies(rawSchedule().map(parseTarget));
    expect(auditFamily(families[0]!)).toEqual([]);
  });
});

describe("the guide's must rules make a family need repair (errors); warnings are for the rest", () => {
  const errors = (raws: RawGoalTarget[]) => audit(raws).filter((f) => f.severity === 'error');
  it.each([
    [
      'a monthly family with 11 slices (the last one gone)',
      rawSchedule().slice(0, 11),
      'slice-count-mismatch',
    ],
    [
      'a monthly family with 11 slices (March gone)',
      rawSchedule().filter((_, i) => i !== 2),
      'periods-missing',
    ],
    [
      'March ending on 30 March 23:59:59.999',
      rawSchedule().map((r, i) => (i === 2 ? withProps(r, { [PROP.end]: '2026-03-30T23:59:59.999Z' }) : r)),
      'periods-misaligned',
    ],
    [
      'a start off its period',
      rawSchedule().map((r, i) => (i === 4 ? withProps(r, { [PROP.start]: '2026-05-02T00:00:00.000Z' }) : r)),
      'periods-misaligned',
    ],
    ['13 monthly slices', rawSchedule({ count: 13 }), 'slice-count-mismatch'],
    ['5 quarterly slices', rawSchedule({ milestone: 'quarterly', count: 5 }), 'slice-count-mismatch'],
  ] as [string, RawGoalTarget[], string][])('%s is an error', (_label, raws, ruleId) => {
    expect(errors(raws).map((f) => f.ruleId)).toContain(ruleId);
  });

  it('keeps warnings for what the guide does not forbid', () => {
    const negative = rawSchedule().map((r, i) =>
      i === 1 ? withProps(r, { [PROP.targetAmount]: '-5.00' }) : r,
    );
    expect(audit(negative).map((f) => [f.ruleId, f.severity])).toEqual([['amount-negative', 'warning']]);
    expect(RULE_CATALOG.filter((r) => r.severity === 'warning').map((r) => r.id)).toEqual([
      'milestone-unknown',
      'amount-negative',
      'orphan-no-uuid',
    ]);
  });
});

describe('needsRepair', () => {
  it('is true with any error, false with warnings only', () => {
    expect(needsRepair(audit(rawSchedule().slice(0, 11)))).toBe(true);
    expect(needsRepair(audit(rawSchedule()))).toBe(false);
    const negative = rawSchedule().map((r, i) =>
      i === 1 ? withProps(r, { [PROP.targetAmount]: '-5.00' }) : r,
    );
    expect(needsRepair(audit(negative))).toBe(false);
  });
});
