/** F12: undo a recorded change by restoring each property's `before` value. */
import { compareIds, type Family } from '../grouping';
import { CLEARED } from '../properties';
import { type DomainResult, err, ok } from '../result';
import { sliceLabel } from '../target';
import { emptyPlan, sameValue, updateFor } from './diff';
import type { Plan } from './plan';

/** One recorded property change of a journal entry. */
export type RecordedChange = { id: string; property: string; before: string | null; after: string | null };

/**
 * Slices whose every recorded `before` is null were created by the change: undo archives them.
 * Others get their `before` values back (null → cleared). Slices changed again since the entry was
 * recorded are still restored, with a warning naming them; slices that no longer exist are skipped.
 */
export function planUndo(family: Family, changes: readonly RecordedChange[]): DomainResult<Plan> {
  if (changes.length === 0) return err('NOTHING_TO_UNDO', 'the journal entry records no change');
  const byId = new Map(family.slices.map((t) => [t.id, t]));
  const perSlice = new Map<string, RecordedChange[]>();
  for (const c of changes) {
    const list = perSlice.get(c.id);
    if (list) list.push(c);
    else perSlice.set(c.id, [c]);
  }
  const plan = emptyPlan('undo', family.uuid, family.slices);
  const changedSince: string[] = [];
  const gone: string[] = [];
  for (const id of [...perSlice.keys()].sort(compareIds)) {
    const recorded = perSlice.get(id) ?? [];
    const slice = byId.get(id);
    if (!slice) {
      gone.push(id);
      continue;
    }
    if (
      recorded.some((c) => c.after !== null && !sameValue(c.property, slice.properties[c.property], c.after))
    ) {
      changedSince.push(id);
    }
    if (recorded.every((c) => c.before === null)) {
      plan.archives.push({ id, label: sliceLabel(slice) });
      continue;
    }
    const wanted: Record<string, string> = {};
    for (const c of recorded) wanted[c.property] = c.before ?? CLEARED;
    const update = updateFor(slice, wanted);
    if (update) plan.updates.push(update);
  }
  plan.counts = {
    ...(changedSince.length > 0 ? { overwritten: changedSince.length } : {}),
    ...(gone.length > 0 ? { gone: gone.length } : {}),
  };
  if (changedSince.length > 0) {
    plan.warnings.push(
      `${changedSince.length} slice(s) were changed again since (${changedSince.join(', ')}); undo overwrites those changes.`,
    );
  }
  if (gone.length > 0)
    plan.warnings.push(`${gone.length} slice(s) no longer exist and are skipped (${gone.join(', ')}).`);
  plan.summary =
    `Undo: restore ${plan.updates.length} slice(s)` +
    (plan.archives.length > 0 ? `, archive ${plan.archives.length} created slice(s)` : '');
  return ok(plan);
}
