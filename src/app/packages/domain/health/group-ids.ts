/** One assignee's schedule is one target group: no assignee split over group ids, no group shared. */
import { assigneeKey, compareIds, type Family, majority } from '../grouping';
import { PROP } from '../properties';
import type { GoalTarget } from '../target';
import { slices } from './analysis';
import { type Finding, type HealthRule, makeFinding } from './rule';

const describe = (key: string): string => key.replace(':', ' ');

/** For each assignee, its slices (with a group id) by group id. */
function groupsByAssignee(family: Family): Map<string, Map<string, GoalTarget[]>> {
  const result = new Map<string, Map<string, GoalTarget[]>>();
  for (const t of family.slices) {
    if (t.assignee === null || t.groupId === null) continue;
    const key = assigneeKey(t.assignee);
    let byGroup = result.get(key);
    if (!byGroup) {
      byGroup = new Map();
      result.set(key, byGroup);
    }
    const list = byGroup.get(t.groupId);
    if (list) list.push(t);
    else byGroup.set(t.groupId, [t]);
  }
  return result;
}

/** The group id holding most of an assignee's slices (ties: the smallest id); null when none. */
export function homeGroupId(family: Family, target: Pick<GoalTarget, 'assignee'>): string | null {
  if (target.assignee === null) return null;
  const byGroup = groupsByAssignee(family).get(assigneeKey(target.assignee));
  if (!byGroup) return null;
  return pickHome(byGroup);
}

function pickHome(byGroup: Map<string, GoalTarget[]>): string {
  let best = '';
  let bestCount = -1;
  for (const [groupId, list] of byGroup) {
    if (list.length > bestCount || (list.length === bestCount && compareIds(groupId, best) < 0)) {
      best = groupId;
      bestCount = list.length;
    }
  }
  return best;
}

export const groupIdSplit: HealthRule = {
  id: 'group-id-split',
  severity: 'error',
  title: "One assignee's slices are split over several target group ids",
  check(family) {
    const findings: Finding[] = [];
    for (const [key, byGroup] of groupsByAssignee(family)) {
      if (byGroup.size < 2) continue;
      const home = pickHome(byGroup);
      const moved = [...byGroup.entries()]
        .filter(([g]) => g !== home)
        .flatMap(([, list]) => list.map((t) => t.id));
      const ids = [...byGroup.keys()].sort(compareIds);
      findings.push(
        makeFinding(
          groupIdSplit,
          family.uuid,
          key,
          `The slices of ${describe(key)} are split over target groups ${ids.join(', ')}; HubSpot shows each group as a separate goal.`,
          moved,
          {
            kind: 'set-properties',
            description: `Move ${slices(moved.length)} into target group ${home}`,
            updates: moved.map((id) => ({ id, properties: { [PROP.groupId]: home } })),
          },
        ),
      );
    }
    return findings;
  },
};

export const groupIdShared: HealthRule = {
  id: 'group-id-shared',
  severity: 'error',
  title: 'One target group id is used by slices of different assignees',
  check(family) {
    const findings: Finding[] = [];
    for (const group of family.groups) {
      if (group.groupId === null) continue;
      const withAssignee = group.slices.filter((t) => t.assignee !== null);
      const { key, disagreeing } = majority(
        withAssignee,
        (t) => assigneeKey(t.assignee),
        (t) => t.id,
      );
      if (disagreeing.length === 0) continue;
      const others = new Set(
        withAssignee
          .filter((t) => assigneeKey(t.assignee) !== key)
          .map((t) => describe(assigneeKey(t.assignee))),
      );
      findings.push(
        makeFinding(
          groupIdShared,
          family.uuid,
          group.groupId,
          `Target group ${group.groupId} mixes assignees: most slices belong to ${describe(key)}, ${slices(disagreeing.length)} to ${[...others].sort().join(', ')}. Check who each slice is for, then set its owner or team.`,
          disagreeing,
          null,
        ),
      );
    }
    return findings;
  },
};
