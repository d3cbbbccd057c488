/** F7: archive a whole family, or one slice (which changes the totals). */
import type { Family } from '../grouping';
import { isWholeYears, wholeYearsRule } from '../health/slice-count';
import { asMilestone } from '../milestones';
import { formatMoney } from '../money';
import { type DomainResult, err, ok } from '../result';
import { type GoalTarget, sliceLabel } from '../target';
import { totals } from '../totals';
import { emptyPlan } from './diff';
import type { Plan } from './plan';

export function planArchiveFamily(family: Family): Plan {
  const plan = emptyPlan('archive-family', family.uuid, family.slices);
  plan.archives = family.slices.map((t) => ({ id: t.id, label: sliceLabel(t) }));
  plan.summary = `Archive all ${family.slices.length} slices of "${family.name.value}"`;
  plan.warnings.push('Archived goal targets can be restored in HubSpot for 90 days.');
  return plan;
}

export function planArchiveSlice(family: Family, targetId: string): DomainResult<Plan> {
  const slice = family.slices.find((t) => t.id === targetId);
  if (!slice) return err('NOT_FOUND', `goal target ${targetId} is not in this family`);
  const plan = emptyPlan('archive-slice', family.uuid, family.slices);
  plan.archives.push({ id: slice.id, label: sliceLabel(slice) });
  const before = totals(family.slices).targetCents;
  const after = before - (slice.targetCents ?? 0n);
  plan.warnings.push(
    `Archiving one slice leaves a gap in the schedule, and the family's total target changes from ${formatMoney(before)} to ${formatMoney(after)}.`,
  );
  const left = countAfterArchive(family, slice);
  if (left !== null) {
    plan.counts = { periodsLeft: left.count };
    plan.warnings.push(left.warning);
  }
  if (family.slices.length === 1) plan.warnings.push('This is the last slice: the goal disappears.');
  plan.summary = `Archive 1 slice (${sliceLabel(slice)})`;
  return ok(plan);
}

/**
 * HubSpot's goals guide: the number of slices must match the milestone (12 per year monthly, ...).
 * What archiving `slice` leaves its assignee's schedule with (and, for logs, in words); null when it
 * stays whole years.
 */
function countAfterArchive(family: Family, slice: GoalTarget): { count: number; warning: string } | null {
  const milestone = asMilestone(family.milestone.value);
  const group = family.groups.find((g) => g.slices.includes(slice));
  if (milestone === null || group === undefined) return null;
  const left = group.slices.length - 1;
  if (left === 0 || isWholeYears(milestone, left)) return null;
  return {
    count: left,
    warning: `Afterwards this assignee's schedule has ${left} ${milestone} period${left === 1 ? '' : 's'}, but HubSpot needs ${wholeYearsRule(milestone)}: the goal will show as needing repair until the period is added back.`,
  };
}
