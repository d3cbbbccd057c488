/** F5 + F6: create a family for many assignees × periods, retry-safe with a client-chosen uuid. */

import { dateStartMs, toLocalDate } from '../calendar';
import { assigneeKey } from '../grouping';
import { isWholeYears, wholeYearsRule } from '../health/slice-count';
import { asMilestone, defaultMilestoneValue, type Milestone } from '../milestones';
import type { Cents } from '../money';
import { buildSchedule, type EndStyle, type Period, scheduleSpecProblem } from '../periods';
import { formatPipelineIds } from '../properties';
import { type DomainResult, err, ok } from '../result';
import { newSliceProperties } from '../slice-properties';
import { type SpreadRequest, spreadAmounts } from '../spread';
import type { Assignee, GoalTarget } from '../target';
import { emptyPlan } from './diff';
import { indexExisting } from './existing';
import { clientChosenGroupId } from './group-id';
import type { Plan } from './plan';

export type CreateRequest = {
  uuid: string;
  name: string;
  goalType: string;
  milestone: Milestone;
  /**
   * The `hs_milestone` value to store: the portal's own option for `milestone` (see
   * `milestoneValueFor`). Default: HubSpot's spelling (`annually` for annual).
   */
  milestoneValue?: string;
  /** First day of the first period, "YYYY-MM-DD" in `timeZone` (see `alignStartDate`). */
  startDate: string;
  /**
   * Whole milestone years of periods, as HubSpot's goals guide requires: 12 per year monthly, 4
   * quarterly, 1 annual, 52 or 53 weekly. Anything else is refused (`PARTIAL_YEARS`).
   */
  periodCount: number;
  /**
   * A goal for part of the year: the periods outside [from, until] (dates in `timeZone`) are still
   * created, with a target of 0.00, so that HubSpot sees whole years and the health check passes; the
   * spread covers only the periods in between (one weight or amount per such period).
   */
  partialYear?: PartialYear;
  /** Default UTC, as HubSpot's documentation shows. */
  timeZone?: string;
  /** Default inclusive (`…23:59:59.999` ends), as HubSpot's documentation shows. */
  endStyle?: EndStyle;
  /** For weekly: 0 = Sunday … 6 = Saturday; default Monday. */
  weekStart?: number;
  assignees: Assignee[];
  /** Applied to each assignee: every assignee gets the same schedule of amounts… */
  spread: SpreadRequest;
  /** …unless this gives an assignee its own (keyed by `assigneeKey`: different targets per person). */
  spreadsByAssignee?: ReadonlyMap<string, SpreadRequest>;
  pipelineIds?: string[];
};

export type PartialYear = { from: string; until?: string };

/**
 * Plans the batch create. `existing` is what HubSpot already holds under `uuid` (empty the first
 * time): on a retry only the missing slices are created, in the group ids already used.
 */
export function planCreate(
  request: CreateRequest,
  newGroupId: () => string,
  existing: readonly GoalTarget[] = [],
): DomainResult<Plan> {
  const name = request.name.trim();
  if (name === '') return err('INVALID_NAME', 'the goal name must not be blank');
  if (request.goalType.trim() === '') return err('INVALID_GOAL_TYPE', 'the goal type must not be blank');
  if (request.assignees.length === 0) return err('NO_ASSIGNEES', 'choose at least one owner or team');
  const seen = new Set<string>();
  for (const a of request.assignees) {
    if (seen.has(assigneeKey(a))) return err('DUPLICATE_ASSIGNEE', `${a.kind} ${a.id} is listed twice`);
    seen.add(assigneeKey(a));
  }
  if (existing.some((t) => t.uuid !== request.uuid)) {
    return err('WRONG_FAMILY', 'the existing slices passed in belong to another family');
  }
  const spec = {
    milestone: request.milestone,
    startDate: request.startDate,
    count: request.periodCount,
    timeZone: request.timeZone ?? 'UTC',
    endStyle: request.endStyle ?? 'inclusive',
    weekStart: request.weekStart ?? 1,
  };
  const problem = scheduleSpecProblem(spec);
  if (problem !== null) return err('INVALID_SCHEDULE', problem);
  if (!isWholeYears(request.milestone, request.periodCount)) {
    return err(
      'PARTIAL_YEARS',
      `${request.periodCount} ${request.milestone} periods are not whole years: HubSpot needs ${wholeYearsRule(request.milestone)}. For a goal that covers only part of a year, keep whole years and give partialYear (the other periods get a target of 0.00).`,
    );
  }
  const milestoneValue = request.milestoneValue ?? defaultMilestoneValue(request.milestone);
  if (asMilestone(milestoneValue) !== request.milestone) {
    return err('INVALID_MILESTONE', `"${milestoneValue}" is not a ${request.milestone} milestone`);
  }

  const schedule = buildSchedule(spec);
  const active = activePeriods(schedule, request.partialYear, spec.timeZone);
  if (!active.ok) return active;
  const { first, count } = active.value;
  // Each assignee's spread covers the active periods; the periods outside a partial year get 0.00.
  const amountsFor = new Map<string, Cents[]>();
  for (const a of request.assignees) {
    const spread = spreadAmounts(request.spreadsByAssignee?.get(assigneeKey(a)) ?? request.spread, count);
    if (!spread.ok) return spread;
    if (spread.value.some((v) => v < 0n)) return err('INVALID_AMOUNT', 'target amounts must not be negative');
    amountsFor.set(
      assigneeKey(a),
      schedule.map((_, i) => (i < first || i >= first + count ? 0n : (spread.value[i - first] as Cents))),
    );
  }
  const index = indexExisting(existing);
  const plan = emptyPlan('create', request.uuid, existing);
  const pipelineIdsRaw = formatPipelineIds(request.pipelineIds ?? []);
  let skipped = 0;
  for (const assignee of request.assignees) {
    const groupId = index.groupFor(assignee) ?? clientChosenGroupId(newGroupId);
    schedule.forEach((period, i) => {
      if (index.has(assignee, period.startMs)) {
        skipped++;
        return;
      }
      const slice = {
        uuid: request.uuid,
        groupId,
        name,
        goalType: request.goalType.trim(),
        milestone: milestoneValue,
        pipelineIdsRaw,
        assignee,
        startMs: period.startMs,
        endMs: period.endMs,
        targetCents: (amountsFor.get(assigneeKey(assignee)) as Cents[])[i] as Cents,
      };
      plan.creates.push({
        properties: newSliceProperties(slice),
        assignee,
        groupId,
        startMs: period.startMs,
        endMs: period.endMs,
      });
    });
  }
  if (skipped > 0) {
    plan.counts = { existingSkipped: skipped };
    plan.warnings.push(
      `${skipped} slice(s) already exist from an earlier attempt; only the ${plan.creates.length} missing are created.`,
    );
  }
  plan.summary = `Create ${plan.creates.length} slices: ${request.assignees.length} assignee(s) × ${request.periodCount} ${request.milestone} periods`;
  if (count < schedule.length) {
    const from = schedule[first] as Period;
    const until = schedule[first + count - 1] as Period;
    plan.targetRange = { first: from, last: until, zeroPeriods: schedule.length - count };
    plan.summary += `, with targets from ${monthYear(from.startMs, spec.timeZone)} to ${monthYear(until.startMs, spec.timeZone)} (the other periods get 0.00)`;
  }
  return ok(plan);
}

/** The run of periods a partial year covers: those overlapping [from, until]; all without one. */
function activePeriods(
  schedule: readonly Period[],
  partial: PartialYear | undefined,
  zone: string,
): DomainResult<{ first: number; count: number }> {
  if (partial === undefined) return ok({ first: 0, count: schedule.length });
  const fromMs = dateStartMs(partial.from, zone);
  const untilMs = partial.until === undefined ? Number.POSITIVE_INFINITY : dateStartMs(partial.until, zone);
  if (fromMs === null || untilMs === null)
    return err('INVALID_PARTIAL_YEAR', 'the partial year needs dates such as 2027-04-01');
  if (untilMs < fromMs) return err('INVALID_PARTIAL_YEAR', 'the partial year ends before it starts');
  const exclusiveEnd = (p: Period) => (p.endMs % 1000 === 999 ? p.endMs + 1 : p.endMs);
  const indexes = schedule.flatMap((p, i) => (exclusiveEnd(p) > fromMs && p.startMs <= untilMs ? [i] : []));
  if (indexes.length === 0)
    return err('INVALID_PARTIAL_YEAR', 'the partial year covers none of the periods being created');
  return ok({ first: indexes[0] as number, count: indexes.length });
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const monthYear = (ms: number, zone: string): string => {
  const d = toLocalDate(ms, zone);
  return `${MONTHS[d.month - 1]} ${d.year}`;
};
