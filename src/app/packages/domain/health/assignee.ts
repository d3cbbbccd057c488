/** Each slice names exactly one assignee: an owner or a team, not both, not neither. */
import { CLEARED, PROP } from '../properties';
import { assigneeProperty } from '../slice-properties';
import type { GoalTarget } from '../target';
import { agree, groupLabel, have, slices } from './analysis';
import { type Finding, type HealthRule, makeFinding } from './rule';

export const assigneeBoth: HealthRule = {
  id: 'assignee-both',
  severity: 'error',
  title: 'Slices with both an owner and a team',
  check(family) {
    const findings: Finding[] = [];
    for (const group of family.groups) {
      const both = group.slices.filter((t) => t.bothAssignees);
      if (both.length === 0) continue;
      // The rest of the group says which kind this schedule is for.
      let owners = 0;
      let teams = 0;
      for (const t of group.slices) {
        if (t.bothAssignees || t.assignee === null) continue;
        if (t.assignee.kind === 'owner') owners++;
        else teams++;
      }
      const keep = owners > teams ? 'owner' : teams > owners ? 'team' : null;
      const clear = keep === 'owner' ? PROP.teamId : PROP.ownerId;
      findings.push(
        makeFinding(
          assigneeBoth,
          family.uuid,
          group.groupId ?? 'none',
          `${slices(both.length)} in ${groupLabel(group.groupId)} ${agree(both.length, 'names', 'name')} both an owner and a team; a goal is for one or the other.` +
            (keep === null ? ' The other slices do not show which one is meant.' : ''),
          both.map((t) => t.id),
          keep === null
            ? null
            : {
                kind: 'set-properties',
                description: `Clear ${clear} on ${slices(both.length)}, keeping the ${keep} like the rest of the group`,
                updates: both.map((t) => ({ id: t.id, properties: { [clear]: CLEARED } })),
              },
        ),
      );
    }
    return findings;
  },
};

export const assigneeMissing: HealthRule = {
  id: 'assignee-missing',
  severity: 'error',
  title: 'Slices with neither an owner nor a team',
  check(family) {
    const findings: Finding[] = [];
    for (const group of family.groups) {
      const none: GoalTarget[] = group.slices.filter((t) => t.assignee === null);
      if (none.length === 0) continue;
      const a = group.assignee;
      findings.push(
        makeFinding(
          assigneeMissing,
          family.uuid,
          group.groupId ?? 'none',
          `${slices(none.length)} in ${groupLabel(group.groupId)} ${have(none.length)} neither an owner nor a team, so nobody's goal includes them.`,
          none.map((t) => t.id),
          a === null || group.groupId === null
            ? null
            : {
                kind: 'set-properties',
                description: `Assign ${slices(none.length)} to ${a.kind} ${a.id}, like the rest of the group`,
                updates: none.map((t) => ({ id: t.id, properties: { [assigneeProperty(a.kind)]: a.id } })),
              },
        ),
      );
    }
    return findings;
  },
};
