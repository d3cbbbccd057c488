/** F17: ask HubSpot to notify the assignees of the targets a plan writes. */
import { PROP } from '../properties';
import type { GoalTarget } from '../target';
import type { Plan } from './plan';

const YES = 'true';

/**
 * The plan with `hs_should_notify_on_edit_updates` set on every target it updates or creates (on
 * updates only where it is not set already). Archives notify nobody.
 */
export function withNotification(plan: Plan, slices: readonly GoalTarget[]): Plan {
  const byId = new Map(slices.map((t) => [t.id, t]));
  return {
    ...plan,
    updates: plan.updates.map((u) => {
      const stored = byId.get(u.id)?.properties[PROP.notifyOnEdit] ?? null;
      if (stored === YES || u.after[PROP.notifyOnEdit] !== undefined) return u;
      return {
        ...u,
        before: { ...u.before, [PROP.notifyOnEdit]: stored },
        after: { ...u.after, [PROP.notifyOnEdit]: YES },
      };
    }),
    creates: plan.creates.map((c) => ({ ...c, properties: { ...c.properties, [PROP.notifyOnEdit]: YES } })),
  };
}

/** How many targets a plan asks HubSpot to notify about. */
export const notifiedTargets = (plan: Plan): number =>
  plan.updates.filter((u) => u.after[PROP.notifyOnEdit] === YES).length +
  plan.creates.filter((c) => c.properties[PROP.notifyOnEdit] === YES).length;
