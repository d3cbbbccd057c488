/** F5 + F6: create a family for many assignees × periods, retry-safe with a client-chosen uuid. */
import { assigneeKey } from '../grouping';
import type { Cents } from '../money';
import { buildSchedule, type EndStyle, type Milestone, scheduleSpecProblem } from '../periods';
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
  /** First day of the first period, "YYYY-MM-DD" in `timeZone` (see `alignStartDate`). */
  startDate: string;
  periodCount: number;
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
  const amountsFor = new Map<string, Cents[]>();
  for (const a of request.assignees) {
    const amounts = spreadAmounts(
      request.spreadsByAssignee?.get(assigneeKey(a)) ?? request.spread,
      request.periodCount,
    );
    if (!amounts.ok) return amounts;
    if (amounts.value.some((v) => v < 0)) return err('INVALID_AMOUNT', 'target amounts must not be negative');
    amountsFor.set(assigneeKey(a), amounts.value);
  }

  const schedule = buildSchedule(spec);
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
        milestone: request.milestone,
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
  return ok(plan);
}
