/** What a retried create or clone finds already written, so that only missing slices are created. */
import { assigneeKey } from '../grouping';
import type { Assignee, GoalTarget } from '../target';

export type ExistingIndex = {
  /** The group id already used for the assignee (its most used one), or null. */
  groupFor(assignee: Assignee): string | null;
  /** Whether the assignee already has a slice starting at `startMs`. */
  has(assignee: Assignee, startMs: number): boolean;
  size: number;
};

export function indexExisting(existing: readonly GoalTarget[]): ExistingIndex {
  const starts = new Set<string>();
  const groups = new Map<string, Map<string, number>>();
  for (const t of existing) {
    const key = assigneeKey(t.assignee);
    if (t.startMs !== null) starts.add(`${key}|${t.startMs}`);
    if (t.groupId === null) continue;
    let counts = groups.get(key);
    if (!counts) {
      counts = new Map();
      groups.set(key, counts);
    }
    counts.set(t.groupId, (counts.get(t.groupId) ?? 0) + 1);
  }
  return {
    size: existing.length,
    groupFor(assignee) {
      const counts = groups.get(assigneeKey(assignee));
      if (!counts) return null;
      return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
    },
    has: (assignee, startMs) => starts.has(`${assigneeKey(assignee)}|${startMs}`),
  };
}
