/** F6: re-spread a group's total over its periods from a date on, keeping the earlier periods. */
import { compareIds, type Family } from '../grouping';
import { formatMoney } from '../money';
import { PROP } from '../properties';
import { type DomainResult, err, ok } from '../result';
import { respread, type SpreadRequest } from '../spread';
import type { GoalTarget } from '../target';
import { totals } from '../totals';
import { emptyPlan, updateFor } from './diff';
import type { Plan } from './plan';

export type RespreadRequest = {
  /** One assignee's group; every group of the family when absent (each gets the same total). */
  groupId?: string;
  /** Periods starting before this instant keep their amounts. */
  fromMs: number;
  spread: SpreadRequest;
};

export function planRespread(family: Family, request: RespreadRequest): DomainResult<Plan> {
  const groups = family.groups.filter((g) =>
    request.groupId === undefined ? g.groupId !== null : g.groupId === request.groupId,
  );
  if (groups.length === 0) {
    return err(
      'NOT_FOUND',
      request.groupId === undefined
        ? 'the family has no target group'
        : `target group ${request.groupId} is not in this family`,
    );
  }
  const plan = emptyPlan('respread', family.uuid, family.slices);
  const byId = new Map<string, GoalTarget>(family.slices.map((t) => [t.id, t]));
  for (const group of groups) {
    const dated = group.slices.filter((t) => t.startMs !== null);
    if (dated.length < group.slices.length) {
      plan.warnings.push(
        `${group.slices.length - dated.length} slice(s) of target group ${group.groupId} have no start date and keep their amounts.`,
      );
    }
    const result = respread(dated, request.fromMs, request.spread);
    if (!result.ok) return err(result.error.code, `target group ${group.groupId}: ${result.error.message}`);
    const before = totals(group.slices).targetCents;
    let after = before;
    for (const { id, targetCents } of result.value.spread) {
      const slice = byId.get(id) as GoalTarget;
      after += targetCents - (slice.targetCents ?? 0n);
      const update = updateFor(slice, { [PROP.targetAmount]: formatMoney(targetCents) });
      if (update) plan.updates.push(update);
    }
    if (after !== before) {
      plan.warnings.push(
        `Target group ${group.groupId}: total changes from ${formatMoney(before)} to ${formatMoney(after)}.`,
      );
    }
  }
  plan.updates.sort((a, b) => compareIds(a.id, b.id));
  plan.summary = `Re-spread ${groups.length === 1 ? `target group ${groups[0]?.groupId}` : `${groups.length} target groups`}: ${plan.updates.length} slice amounts change`;
  return ok(plan);
}
