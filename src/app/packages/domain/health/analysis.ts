/** What several rules need to know about a family, computed once per family and audit. */
import { type Convention, familyGrid } from '../convention';
import type { Family } from '../grouping';
import type { Milestone } from '../milestones';
import type { PeriodGrid } from '../periods';
import type { AuditContext } from './rule';

export type FamilyAnalysis = {
  convention: Convention;
  /** null when the family's milestone is not one the app knows: period rules then stay silent. */
  milestone: Milestone | null;
  grid: PeriodGrid | null;
};

const cache = new WeakMap<Family, { zone: string; analysis: FamilyAnalysis }>();

export function analyseFamily(family: Family, ctx: AuditContext): FamilyAnalysis {
  const hit = cache.get(family);
  if (hit && hit.zone === ctx.timeZone) return hit.analysis;
  const analysis = familyGrid(family, ctx.timeZone);
  cache.set(family, { zone: ctx.timeZone, analysis });
  return analysis;
}

/** "3 slices" / "1 slice". */
export const slices = (n: number): string => `${n} slice${n === 1 ? '' : 's'}`;

/** A group's name in messages. */
export const groupLabel = (groupId: string | null): string =>
  groupId === null ? 'the slices without a target group id' : `target group ${groupId}`;

/** "has" / "have" to agree with a count. */
export const have = (n: number): string => (n === 1 ? 'has' : 'have');

/** The verb form agreeing with a count: agree(1, 'starts', 'start') → 'starts'. */
export const agree = (n: number, singular: string, plural: string): string => (n === 1 ? singular : plural);
