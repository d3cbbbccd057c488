/**
 * Applies a plan to raw targets in memory, the way HubSpot would (for tests: "after the repair the
 * finding is gone", "a family-wide plan leaves every slice equal"). New records get ids from `nextId`.
 */
import type { Plan } from '../plans/plan';
import type { RawGoalTarget } from '../target';

export function applyPlan(raws: readonly RawGoalTarget[], plan: Plan, nextId: () => string): RawGoalTarget[] {
  const archived = new Set(plan.archives.map((a) => a.id));
  const updates = new Map(plan.updates.map((u) => [u.id, u.after]));
  const out: RawGoalTarget[] = [];
  for (const raw of raws) {
    if (archived.has(raw.id)) continue;
    const after = updates.get(raw.id);
    out.push(after ? { ...raw, properties: { ...raw.properties, ...after } } : raw);
  }
  for (const c of plan.creates) {
    const id = nextId();
    out.push({ id, properties: { ...c.properties, hs_object_id: id } });
  }
  return out;
}

/** A counter for `nextId` / `newGroupId` arguments. */
export function counter(start: number): () => string {
  let n = start;
  return () => String(n++);
}
