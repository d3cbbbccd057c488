/** F4: one slice's amount and/or KPI value; warns when the family total changes. */
import type { Family } from '../grouping';
import { type Cents, formatMoney } from '../money';
import { PROP } from '../properties';
import { type DomainResult, err, ok } from '../result';
import { totals } from '../totals';
import { emptyPlan, updateFor } from './diff';
import type { Plan } from './plan';

export type TargetChanges = { targetCents?: Cents; kpiCents?: Cents };

export function planTargetUpdate(
  family: Family,
  targetId: string,
  changes: TargetChanges,
): DomainResult<Plan> {
  const slice = family.slices.find((t) => t.id === targetId);
  if (!slice) return err('NOT_FOUND', `goal target ${targetId} is not in this family`);
  const wanted: Record<string, string> = {};
  if (changes.targetCents !== undefined) {
    if (changes.targetCents < 0n) {
      return err('INVALID_AMOUNT', 'the target amount must not be negative');
    }
    wanted[PROP.targetAmount] = formatMoney(changes.targetCents);
  }
  if (changes.kpiCents !== undefined) {
    wanted[PROP.kpiValue] = formatMoney(changes.kpiCents);
  }
  if (Object.keys(wanted).length === 0)
    return err('NOTHING_TO_CHANGE', 'give a target amount or a KPI value');
  const plan = emptyPlan('target-update', family.uuid, family.slices);
  const update = updateFor(slice, wanted);
  if (update) plan.updates.push(update);
  if (changes.targetCents !== undefined && changes.targetCents !== (slice.targetCents ?? 0n)) {
    const before = totals(family.slices).targetCents;
    const after = before - (slice.targetCents ?? 0n) + changes.targetCents;
    plan.warnings.push(
      `The family's total target changes from ${formatMoney(before)} to ${formatMoney(after)}.`,
    );
  }
  plan.summary =
    update === null
      ? 'Nothing changes: the slice already has these values'
      : `Update 1 slice (${update.label})`;
  return ok(plan);
}
