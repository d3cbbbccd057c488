/** F9: turn one finding's repair action into a plan. */
import { compareIds } from '../grouping';
import type { Finding } from '../health/rule';
import { type DomainResult, err, ok } from '../result';
import { type GoalTarget, sliceLabel } from '../target';
import { emptyPlan, updateFor } from './diff';
import type { Plan } from './plan';

/** The slices a repair may touch: a family, or `{ uuid: null, slices: [orphan] }` for an orphan. */
export type RepairScope = { uuid: string | null; slices: readonly GoalTarget[] };

export function planRepair(scope: RepairScope, finding: Finding): DomainResult<Plan> {
  if (finding.familyUuid !== scope.uuid) return err('WRONG_FAMILY', 'the finding belongs to another family');
  const repair = finding.repair;
  if (repair === null) return err('NO_REPAIR', 'this finding has no automatic repair; fix it in HubSpot');
  const byId = new Map(scope.slices.map((t) => [t.id, t]));
  const plan = emptyPlan('repair', scope.uuid ?? '', scope.slices);
  plan.summary = repair.description;
  switch (repair.kind) {
    case 'set-properties':
      for (const u of repair.updates) {
        const slice = byId.get(u.id);
        if (!slice)
          return err(
            'STALE_FINDING',
            `goal target ${u.id} is no longer in this family; run the health check again`,
          );
        const update = updateFor(slice, u.properties);
        if (update) plan.updates.push(update);
      }
      break;
    case 'create-missing-slices':
      for (const s of repair.slices) {
        plan.creates.push({
          properties: { ...s.properties },
          assignee: null,
          groupId: s.groupId,
          startMs: s.startMs,
          endMs: s.endMs,
        });
      }
      fillAssignees(plan, scope.slices);
      break;
    case 'archive-slices':
      for (const id of [...repair.ids].sort(compareIds)) {
        const slice = byId.get(id);
        if (!slice)
          return err(
            'STALE_FINDING',
            `goal target ${id} is no longer in this family; run the health check again`,
          );
        plan.archives.push({ id, label: sliceLabel(slice) });
      }
      plan.warnings.push('Archiving slices changes the totals of their target group.');
      break;
  }
  if (plan.updates.length + plan.creates.length + plan.archives.length === 0) {
    plan.warnings.push('Nothing to do: the family already looks repaired.');
  }
  return ok(plan);
}

/** Previews show who a created slice is for: take it from the group's existing slices. */
function fillAssignees(plan: Plan, slices: readonly GoalTarget[]): void {
  const byGroup = new Map<string, GoalTarget>();
  for (const t of slices)
    if (t.groupId !== null && t.assignee !== null && !byGroup.has(t.groupId)) byGroup.set(t.groupId, t);
  for (const c of plan.creates) c.assignee = byGroup.get(c.groupId)?.assignee ?? null;
}
