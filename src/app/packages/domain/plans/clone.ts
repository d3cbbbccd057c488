/** F10: copy a family to a later period under a new uuid, amounts kept or scaled. */
import { addDays, addYears, startOfLocalDate, toLocalDate, weekday } from '../calendar';
import { familyGrid } from '../convention';
import { assigneeKey, type Family, majorityPipelineIdsRaw } from '../grouping';
import { MAX_GRID_PERIODS } from '../health/periods';
import { isWholeYears, wholeYearsRule } from '../health/slice-count';
import { type Cents, MAX_SLICE_CENTS, scaleMoney } from '../money';
import {
  gridNearestStart,
  gridNextStart,
  gridPeriodFrom,
  gridPeriodStart,
  gridPeriodsBetween,
  type Period,
  type PeriodGrid,
} from '../periods';
import { type DomainResult, err, ok } from '../result';
import { newSliceProperties } from '../slice-properties';
import type { Assignee, GoalTarget } from '../target';
import { familyVersion } from '../version';
import { indexExisting } from './existing';
import { clientChosenGroupId } from './group-id';
import type { Plan } from './plan';

export type CloneRequest = {
  newUuid: string;
  /** Whole years later (1 = next year). */
  shiftYears: number;
  /** Multiplies every target amount, e.g. "1.10"; rounded half-up to the cent. */
  scale: string;
  name?: string;
  /** Candidate zone for reading the source family's convention (e.g. the portal's). */
  timeZone?: string;
};

/**
 * The grid periods from `firstMs` through `lastMs`, extended forward to whole milestone years: the
 * smallest count ≥ the span that `isWholeYears` accepts. Null when that is more than one family holds.
 */
function wholeYearPeriods(grid: PeriodGrid, firstMs: number, lastMs: number): Period[] | null {
  const span = gridPeriodsBetween(grid, firstMs, lastMs, MAX_GRID_PERIODS);
  if (span === null) return null;
  let wanted = span.length;
  while (!isWholeYears(grid.milestone, wanted)) wanted++;
  const periods = [...span];
  while (periods.length < wanted)
    periods.push(gridPeriodFrom(grid, gridNextStart(grid, (periods.at(-1) as Period).startMs)));
  return periods;
}

/**
 * Where a period starting at `startMs` lands `years` later on the same grid. Months and quarters
 * move by calendar years (never +365 days); weeks move by a whole number of weeks, the same for the
 * whole family (`weekShift`), so the copy keeps its weekday and stays contiguous.
 */
function shiftedStart(grid: PeriodGrid, startMs: number, years: number, weekShift: number): number {
  const d = toLocalDate(startMs, grid.timeZone);
  if (grid.milestone === 'weekly')
    return gridNearestStart(grid, startOfLocalDate(addDays(d, weekShift * 7), grid.timeZone));
  return gridNearestStart(grid, startOfLocalDate(addYears(d, years), grid.timeZone));
}

/** Weeks to move by so that `years` later lands on the nearest week start. */
function weeksFor(grid: PeriodGrid, earliestMs: number, years: number): number {
  const from = toLocalDate(earliestMs, grid.timeZone);
  const to = addYears(from, years);
  const days = Math.round(
    (Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000,
  );
  const misfit = (weekday(to) - grid.weekStart + 7) % 7;
  return (days - misfit + (misfit > 3 ? 7 : 0)) / 7;
}

export function planClone(
  family: Family,
  request: CloneRequest,
  newGroupId: () => string,
  existing: readonly GoalTarget[] = [],
): DomainResult<Plan> {
  if (!Number.isInteger(request.shiftYears) || request.shiftYears < 1) {
    return err('INVALID_SHIFT', 'shift by at least one whole year');
  }
  if (scaleMoney(0n, request.scale) === null)
    return err('INVALID_SCALE', `"${request.scale}" is not a decimal factor`);
  const name = (request.name ?? family.name.value).trim();
  if (name === '') return err('INVALID_NAME', 'the goal name must not be blank');
  if (request.newUuid === family.uuid) return err('SAME_UUID', 'the copy needs a new uuid');
  const { grid } = familyGrid(family, request.timeZone ?? 'UTC');
  if (grid === null)
    return err('UNKNOWN_MILESTONE', `cannot compute periods for milestone "${family.milestone.value}"`);
  const dated = family.slices.filter((t) => t.startMs !== null && t.endMs !== null);
  if (dated.length === 0) return err('NO_PERIODS', 'the family has no slice with a readable period');

  const plan: Plan = {
    operation: 'clone',
    familyUuid: request.newUuid,
    version: familyVersion(family.slices),
    creates: [],
    updates: [],
    archives: [],
    warnings: [],
    summary: '',
  };
  const weekShift = weeksFor(grid, Math.min(...dated.map((t) => t.startMs as number)), request.shiftYears);
  const index = indexExisting(existing);
  const pipelineIdsRaw = majorityPipelineIdsRaw(family);
  let skippedUnreadable = 0;
  let skippedExisting = 0;
  let offGrid = 0;
  let duplicates = 0;
  // Phase 1: where each assignee's slices land, with their scaled amounts.
  const copies = new Map<string, { assignee: Assignee; groupId: string; amounts: Map<number, Cents> }>();
  for (const group of family.groups) {
    if (group.groupId === null || group.assignee === null) {
      skippedUnreadable += group.slices.length;
      continue;
    }
    const assignee = group.assignee;
    // One group per assignee in the copy, even when the source split an assignee over several.
    const key = assigneeKey(assignee);
    let copy = copies.get(key);
    if (!copy) {
      copy = {
        assignee,
        groupId: index.groupFor(assignee) ?? clientChosenGroupId(newGroupId),
        amounts: new Map(),
      };
      copies.set(key, copy);
    }
    for (const slice of group.slices) {
      if (slice.startMs === null || slice.endMs === null) {
        skippedUnreadable++;
        continue;
      }
      if (gridPeriodStart(grid, slice.startMs) !== slice.startMs) offGrid++;
      const start = shiftedStart(grid, slice.startMs, request.shiftYears, weekShift);
      if (copy.amounts.has(start)) {
        duplicates++;
        continue;
      }
      const amount = scaleMoney(slice.targetCents ?? 0n, request.scale) ?? 0n;
      if (amount > MAX_SLICE_CENTS || amount < -MAX_SLICE_CENTS)
        return err('AMOUNT_TOO_LARGE', `the scaled amount of goal target ${slice.id} is too large`);
      copy.amounts.set(start, amount);
    }
  }
  // Phase 2: the copy's periods are whole milestone years with no gap, as HubSpot's goals guide
  // requires, whatever the source holds: periods the source lacks get a target of 0.00.
  const allStarts = [...copies.values()].flatMap((c) => [...c.amounts.keys()]);
  const periods =
    allStarts.length === 0 ? [] : wholeYearPeriods(grid, Math.min(...allStarts), Math.max(...allStarts));
  if (periods === null) return err('TOO_MANY_PERIODS', 'the family spans too many periods to copy');
  let filled = 0;
  for (const copy of copies.values()) {
    for (const period of periods) {
      const amount = copy.amounts.get(period.startMs);
      if (amount === undefined) filled++;
      if (index.has(copy.assignee, period.startMs)) {
        skippedExisting++;
        continue;
      }
      const properties = newSliceProperties({
        uuid: request.newUuid,
        groupId: copy.groupId,
        name,
        goalType: family.goalType.value,
        milestone: family.milestone.value,
        pipelineIdsRaw,
        assignee: copy.assignee,
        startMs: period.startMs,
        endMs: period.endMs,
        targetCents: amount ?? 0n,
      });
      plan.creates.push({
        properties,
        assignee: copy.assignee,
        groupId: copy.groupId,
        startMs: period.startMs,
        endMs: period.endMs,
      });
    }
  }
  plan.counts = {
    ...(skippedUnreadable > 0 ? { unreadableSkipped: skippedUnreadable } : {}),
    ...(offGrid > 0 ? { offPeriod: offGrid } : {}),
    ...(duplicates > 0 ? { duplicates } : {}),
    ...(skippedExisting > 0 ? { existingSkipped: skippedExisting } : {}),
    ...(filled > 0 ? { filledWithZero: filled } : {}),
  };
  if (skippedUnreadable > 0) {
    plan.warnings.push(
      `${skippedUnreadable} slice(s) without a target group, assignee or readable period are not copied.`,
    );
  }
  if (filled > 0) {
    plan.warnings.push(
      `${filled} period(s) the source has no slice for are added with a target of 0.00, so that the copy has whole years of ${grid.milestone} periods (${wholeYearsRule(grid.milestone)}), as HubSpot requires.`,
    );
  }
  if (offGrid > 0) {
    plan.warnings.push(
      `${offGrid} slice(s) of the source are not on the ${grid.milestone} schedule (${grid.timeZone}); the copy uses the nearest clean periods.`,
    );
  }
  if (duplicates > 0)
    plan.warnings.push(`${duplicates} slice(s) repeat a period of the same assignee and are copied once.`);
  if (skippedExisting > 0)
    plan.warnings.push(
      `${skippedExisting} slice(s) of the copy already exist; only the missing are created.`,
    );
  if (request.scale !== '1')
    plan.warnings.push(
      `Every target amount is multiplied by ${request.scale} (rounded half-up to the cent).`,
    );
  plan.summary = `Copy "${family.name.value}" ${request.shiftYears} year(s) later as "${name}": ${plan.creates.length} slices`;
  return ok(plan);
}
