/** A target group holds a whole number of years of periods: 12 monthly, 4 quarterly, 1 annual, 52-53 weekly. */
import { asMilestone, type Milestone } from '../milestones';
import { PERIODS_PER_YEAR } from '../periods';
import { PROP } from '../properties';
import { groupLabel } from './analysis';
import { type Finding, type HealthRule, makeFinding } from './rule';

/** Whether `count` slices make whole years of `milestone` periods. */
export function isWholeYears(milestone: Milestone, count: number): boolean {
  if (count < 1) return false;
  if (milestone !== 'weekly') return count % PERIODS_PER_YEAR[milestone] === 0;
  // k years hold between 52k and 53k weeks.
  const years = Math.max(1, Math.round(count / 52.18));
  return count >= 52 * years && count <= 53 * years;
}

/** How many periods one year holds, as a number in words: "12", "4", "1", "52 or 53". */
export const expectedPerYear = (milestone: Milestone): string =>
  milestone === 'weekly' ? '52 or 53' : String(PERIODS_PER_YEAR[milestone]);

/** How many periods make whole years, in words: "12 per year", "52 or 53 per year". */
export const wholeYearsRule = (milestone: Milestone): string => `${expectedPerYear(milestone)} per year`;

export const sliceCountMismatch: HealthRule = {
  id: 'slice-count-mismatch',
  // The guide: "the number of objects must match the hs_milestone frequency".
  severity: 'error',
  title: 'Slice count of a target group does not match the milestone (whole years)',
  check(family) {
    const milestone = asMilestone(family.milestone.value);
    if (milestone === null) return [];
    const expected = wholeYearsRule(milestone);
    const findings: Finding[] = [];
    for (const group of family.groups) {
      if (isWholeYears(milestone, group.slices.length)) continue;
      findings.push(
        makeFinding(
          sliceCountMismatch,
          family.uuid,
          group.groupId ?? 'none',
          `${groupLabel(group.groupId)} has ${group.slices.length} ${milestone} slices; HubSpot expects ${expected}.`,
          group.slices.map((t) => t.id),
          null,
        ),
      );
    }
    return findings;
  },
};

export const milestoneUnknown: HealthRule = {
  id: 'milestone-unknown',
  severity: 'warning',
  title: 'Milestone is not weekly, monthly, quarterly or annual: periods are not checked',
  check(family) {
    if (asMilestone(family.milestone.value) !== null) return [];
    return [
      makeFinding(
        milestoneUnknown,
        family.uuid,
        PROP.milestone,
        `${PROP.milestone} is "${family.milestone.value}", which this app does not know; its periods were not checked.`,
        family.slices.map((t) => t.id),
        null,
      ),
    ];
  },
};
