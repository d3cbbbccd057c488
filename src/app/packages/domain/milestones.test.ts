import { describe, expect, it } from 'vitest';
import { groupFamilies } from './grouping';
import { auditFamilies } from './health/audit';
import {
  asMilestone,
  defaultMilestoneValue,
  MILESTONES,
  milestoneValueFor,
  milestoneValuesOf,
} from './milestones';
import { PROP } from './properties';
import { parseTarget, type RawGoalTarget } from './target';
import { rawSchedule, withProps } from './testing/fixtures';

const audit = (raws: RawGoalTarget[]) => {
  const { families, orphans } = groupFamilies(raws.map(parseTarget));
  return auditFamilies(families, { timeZone: 'UTC' }, orphans);
};

describe('reading hs_milestone', () => {
  it.each([
    ['weekly', 'weekly'],
    ['monthly', 'monthly'],
    [' Monthly ', 'monthly'],
    ['quarterly', 'quarterly'],
    ['annually', 'annual'],
    ['ANNUALLY', 'annual'],
    ['annual', 'annual'],
    ['yearly', 'annual'],
    ['daily', null],
    ['', null],
    [null, null],
  ])('%j reads as %j', (raw, kind) => expect(asMilestone(raw)).toBe(kind));

  it('every value HubSpot has reads back as its own kind', () => {
    for (const kind of MILESTONES) {
      for (const value of milestoneValuesOf(kind)) expect(asMilestone(value)).toBe(kind);
      expect(asMilestone(defaultMilestoneValue(kind))).toBe(kind);
    }
  });

  it('a family stored as "annually" is an annual family: no milestone-unknown, its periods are checked', () => {
    const raws = rawSchedule({ milestone: 'annual', count: 2 }).map((r) =>
      withProps(r, { [PROP.milestone]: 'annually' }),
    );
    expect(audit(raws)).toEqual([]);
    const shifted = raws.map((r, i) =>
      i === 1 ? withProps(r, { [PROP.start]: '2027-01-02T00:00:00.000Z' }) : r,
    );
    expect(audit(shifted).map((f) => f.ruleId)).toContain('periods-misaligned');
  });
});

describe('writing hs_milestone: the portal says which value', () => {
  const HUBSPOT = ['weekly', 'monthly', 'quarterly', 'annually'];
  it.each([
    ['annual', HUBSPOT, 'annually'],
    ['monthly', HUBSPOT, 'monthly'],
    ['annual', ['monthly', 'annual'], 'annual'],
    ['annual', ['Yearly', 'monthly'], 'Yearly'],
    ['weekly', ['monthly', 'quarterly', 'annually'], null],
  ] as const)('%s with options %j → %j', (kind, options, value) => {
    expect(milestoneValueFor(kind, options)).toBe(value);
  });
});
