/** F10: copy a family to a later period under a new uuid, amounts kept or scaled. */
import { addDays, addYears, startOfLocalDate, toLocalDate, weekday } from '../calendar';
import { familyGrid } from '../convention';
import { assigneeKey, type Family, majorityPipelineIdsRaw } from '../grouping';
import { scaleMoney } from '../money';
import { gridNearestStart, gridPeriodFrom, gridPeriodStart, type PeriodGrid } from '../periods';
import { type DomainResult, err, ok } from '../result';
import { newSliceProperties } from '../slice-properties';
import type { GoalTarget } from '../target';
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
  if (scaleMoney(0, request.scale) === null)
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
  const planned = new Set<string>();
  const groupIdByAssignee = new Map<string, string>();
  for (const group of family.groups) {
    if (group.groupId === null || group.assignee === null) {
      skippedUnreadable += group.slices.length;
      continue;
    }
    const assignee = group.assignee;
    // One group per assignee in the copy, even when the source split an assignee over several.
    const known = groupIdByAssignee.get(assigneeKey(assignee));
    const groupId = known ?? index.groupFor(assignee) ?? clientChosenGroupId(newGroupId);
    groupIdByAssignee.set(assigneeKey(assignee), groupId);
    for (const slice of group.slices) {
      if (slice.startMs === null || slice.endMs === null) {
        skippedUnreadable++;
        continue;
      }
      if (gridPeriodStart(grid, slice.startMs) !== slice.startMs) offGrid++;
      const period = gridPeriodFrom(grid, shiftedStart(grid, slice.startMs, request.shiftYears, weekShift));
      const key = `${assigneeKey(assignee)}|${period.startMs}`;
      if (planned.has(key)) {
        duplicates++;
        continue;
      }
      planned.add(key);
      if (index.has(assignee, period.startMs)) {
        skippedExisting++;
        continue;
      }
      const amount = scaleMoney(slice.targetCents ?? 0, request.scale);
      if (amount === null)
        return err('AMOUNT_TOO_LARGE', `the scaled amount of goal target ${slice.id} is too large`);
      const properties = newSliceProperties({
        uuid: request.newUuid,
        groupId,
        name,
        goalType: family.goalType.value,
        milestone: family.milestone.value,
        pipelineIdsRaw,
        assignee,
        startMs: period.startMs,
        endMs: period.endMs,
        targetCents: amount,
      });
      plan.creates.push({ properties, assignee, groupId, startMs: period.startMs, endMs: period.endMs });
    }
  }
  plan.counts = {
    ...(skippedUnreadable > 0 ? { unreadableSkipped: skippedUnreadable } : {}),
    ...(offGrid > 0 ? { offPeriod: offGrid } : {}),
    ...(duplicates > 0 ? { duplicates } : {}),
    ...(skippedExisting > 0 ? { existingSkipped: skippedExisting } : {}),
  };
  if (skippedUnreadable > 0) {
    plan.warnings.push(
      `${skippedUnreadable} slice(s) without a target group, assignee or readable period are not copied.`,
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
