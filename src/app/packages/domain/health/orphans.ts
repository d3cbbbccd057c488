/** Slices without a uuid (no family) or without a target group id. */
import { assigneeKey, type Family } from '../grouping';
import { PROP } from '../properties';
import type { GoalTarget } from '../target';
import { slices } from './analysis';
import { homeGroupId } from './group-ids';
import { type Finding, type HealthRule, makeFinding } from './rule';

export const orphanNoGroupId: HealthRule = {
  id: 'orphan-no-group-id',
  severity: 'error',
  title: 'Slices of a family without a target group id',
  check(family) {
    const group = family.groups.find((g) => g.groupId === null);
    if (!group) return [];
    const findings: Finding[] = [];
    // One finding per assignee, so that each gets the repair its own group allows.
    const byAssignee = new Map<string, GoalTarget[]>();
    for (const t of group.slices) {
      const key = assigneeKey(t.assignee);
      const list = byAssignee.get(key);
      if (list) list.push(t);
      else byAssignee.set(key, [t]);
    }
    for (const [key, list] of [...byAssignee.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const first = list[0] as GoalTarget;
      const home = homeGroupId(family, first);
      const who = key === '' ? 'no assignee' : key.replace(':', ' ');
      findings.push(
        makeFinding(
          orphanNoGroupId,
          family.uuid,
          key === '' ? 'unassigned' : key,
          `${slices(list.length)} (${who}) ${list.length === 1 ? 'has' : 'have'} no target group id, so HubSpot cannot place ${list.length === 1 ? 'it' : 'them'} in this goal.` +
            (home === null ? ' No target group of the same assignee exists to move them into.' : ''),
          list.map((t) => t.id),
          home === null
            ? null
            : {
                kind: 'set-properties',
                description: `Put ${slices(list.length)} into target group ${home}`,
                updates: list.map((t) => ({ id: t.id, properties: { [PROP.groupId]: home } })),
              },
        ),
      );
    }
    return findings;
  },
};

const orphanNoUuidRule = {
  id: 'orphan-no-uuid',
  severity: 'warning',
  title: 'Slices without a family (no hs_group_correlation_uuid)',
} as const;

/**
 * Findings for targets without a uuid. When an orphan's group id belongs to exactly one family,
 * the repair puts the uuid back; otherwise there is nothing safe to do automatically.
 */
export function auditOrphans(orphans: readonly GoalTarget[], families: readonly Family[]): Finding[] {
  const familyByGroupId = new Map<string, string | null>();
  for (const f of families) {
    for (const g of f.groups) {
      if (g.groupId === null) continue;
      const known = familyByGroupId.get(g.groupId);
      familyByGroupId.set(g.groupId, known === undefined || known === f.uuid ? f.uuid : null);
    }
  }
  return orphans.map((t) => {
    const uuid = t.groupId === null ? null : (familyByGroupId.get(t.groupId) ?? null);
    return makeFinding(
      orphanNoUuidRule,
      null,
      t.id,
      `Goal target ${t.id} ("${t.name || 'unnamed'}") belongs to no family: it has no hs_group_correlation_uuid.` +
        (uuid === null
          ? ' Archive it or fix it in HubSpot.'
          : ` Its target group ${t.groupId} belongs to family ${uuid}.`),
      [t.id],
      uuid === null
        ? null
        : {
            kind: 'set-properties',
            description: `Put goal target ${t.id} back into family ${uuid}`,
            updates: [{ id: t.id, properties: { [PROP.uuid]: uuid } }],
          },
    );
  });
}

export const ORPHAN_NO_UUID = orphanNoUuidRule;
