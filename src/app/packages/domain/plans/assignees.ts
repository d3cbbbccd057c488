/**
 * F16: add an assignee to an existing family (a new target group under the family's uuid, with the
 * family's periods — in its own time zone and end style — and its family-defining properties), and
 * remove one (archive every slice of that assignee).
 */
import { assigneeKey, type Family, majorityPipelineIdsRaw } from '../grouping';
import type { Cents } from '../money';
import { type DomainResult, err, ok } from '../result';
import { newSliceProperties } from '../slice-properties';
import { type SpreadRequest, spreadAmounts } from '../spread';
import { type Assignee, sliceLabel } from '../target';
import { emptyPlan } from './diff';
import { clientChosenGroupId } from './group-id';
import type { Plan } from './plan';

export type AddAssigneeRequest = {
  assignee: Assignee;
  /** Spread over the family's periods, in order. */
  spread: SpreadRequest;
};

export type FamilyPeriod = { startMs: number; endMs: number };

/**
 * The family's periods as its slices store them: one per distinct start, with the end most slices
 * starting there use (so the new group keeps the family's end style and zone exactly), by start.
 */
export function familyPeriods(family: Family): FamilyPeriod[] {
  const ends = new Map<number, Map<number, number>>();
  for (const t of family.slices) {
    if (t.startMs === null || t.endMs === null || t.endMs <= t.startMs) continue;
    const counts = ends.get(t.startMs) ?? new Map<number, number>();
    counts.set(t.endMs, (counts.get(t.endMs) ?? 0) + 1);
    ends.set(t.startMs, counts);
  }
  return [...ends.entries()]
    .sort(([a], [b]) => a - b)
    .map(([startMs, counts]) => {
      const [endMs] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] as [number, number];
      return { startMs, endMs };
    });
}

export function planAddAssignee(
  family: Family,
  request: AddAssigneeRequest,
  newGroupId: () => string,
): DomainResult<Plan> {
  const key = assigneeKey(request.assignee);
  if (family.slices.some((t) => assigneeKey(t.assignee) === key)) {
    return err(
      'ALREADY_ASSIGNED',
      `${request.assignee.kind} ${request.assignee.id} is already an assignee of this goal`,
    );
  }
  const periods = familyPeriods(family);
  if (periods.length === 0) return err('NO_PERIODS', 'the family has no slice with a readable period');
  const amounts = spreadAmounts(request.spread, periods.length);
  if (!amounts.ok) return amounts;
  if (amounts.value.some((a) => a < 0)) return err('INVALID_AMOUNT', 'target amounts must not be negative');
  const plan = emptyPlan('add-assignee', family.uuid, family.slices);
  const groupId = clientChosenGroupId(newGroupId);
  const pipelineIdsRaw = majorityPipelineIdsRaw(family);
  periods.forEach((period, i) => {
    plan.creates.push({
      properties: newSliceProperties({
        uuid: family.uuid,
        groupId,
        name: family.name.value,
        goalType: family.goalType.value,
        milestone: family.milestone.value,
        pipelineIdsRaw,
        assignee: request.assignee,
        startMs: period.startMs,
        endMs: period.endMs,
        targetCents: amounts.value[i] as Cents,
      }),
      assignee: request.assignee,
      groupId,
      startMs: period.startMs,
      endMs: period.endMs,
    });
  });
  plan.summary = `Add ${key} with ${plan.creates.length} slices`;
  return ok(plan);
}

export function planRemoveAssignee(family: Family, assignee: Assignee): DomainResult<Plan> {
  const key = assigneeKey(assignee);
  const theirs = family.slices.filter((t) => assigneeKey(t.assignee) === key);
  if (theirs.length === 0) {
    return err('NOT_ASSIGNED', `${assignee.kind} ${assignee.id} is not an assignee of this goal`);
  }
  if (theirs.length === family.slices.length) {
    return err('LAST_ASSIGNEE', 'this is the goal’s only assignee: archive the goal instead');
  }
  const plan = emptyPlan('remove-assignee', family.uuid, family.slices);
  plan.archives = theirs.map((t) => ({ id: t.id, label: sliceLabel(t) }));
  plan.warnings.push('Archived goal targets can be restored in HubSpot for 90 days.');
  plan.summary = `Remove ${key}: archive ${theirs.length} slices`;
  return ok(plan);
}
