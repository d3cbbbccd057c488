/**
 * A health finding → the contract's FindingDto with its facts: whose targets, which periods, which
 * value, what the repair does — as data (names from the name book, instants, Money) that the UI words
 * per rule. The domain's English `message` and repair `description` stay for logs and API users.
 */
import type { FindingDto, FindingFactsDto, GoalField } from '@goal-families/contract';
import {
  type Assignee,
  asMilestone,
  assigneeFromKey,
  assigneeKey,
  detectConvention,
  type Family,
  type Finding,
  formatInstant,
  formatMoney,
  type GoalTarget,
  majorityPipelineIdsRaw,
  PERIODS_PER_YEAR,
  PROP,
} from '@goal-families/domain';
import type { NameBook } from './names';
import { named } from './present-plan';

/** The targets a problem lists; `targetCount` counts them all. */
const MAX_LISTED = 50;

export type FindingContext = {
  names: NameBook;
  /** The zone to try when detecting a family's convention (the portal's). */
  timeZone: string;
  /** Orphans (targets without a family), by id: what an orphan finding is about. */
  orphans?: ReadonlyMap<string, GoalTarget>;
  /** Names of the families an orphan can be put back into, by uuid. */
  familyNames?: ReadonlyMap<string, string>;
};

const FIELD_OF: Record<string, GoalField> = {
  [PROP.name]: 'name',
  [PROP.goalType]: 'goalType',
  [PROP.milestone]: 'milestone',
  [PROP.pipelineIds]: 'pipelines',
};

/** Which family-defining value a subject names, and the value most of the family's slices have. */
function fieldValue(family: Family, property: string): { field: GoalField; value: string } | null {
  switch (property) {
    case PROP.name:
      return { field: 'name', value: family.name.value };
    case PROP.goalType:
      return { field: 'goalType', value: family.goalType.value };
    case PROP.milestone:
      return { field: 'milestone', value: family.milestone.value };
    case PROP.pipelineIds:
      return { field: 'pipelines', value: majorityPipelineIdsRaw(family) };
    default:
      return null;
  }
}

/** The assignee a finding is about: its subject is a group id, or an assignee key. */
function subjectAssignee(
  finding: Finding,
  family: Family | null,
  slices: readonly GoalTarget[],
): Assignee | null {
  if (/^(owner|team):/.test(finding.subject)) return assigneeFromKey(finding.subject);
  const group = family?.groups.find((g) => (g.groupId ?? 'none') === finding.subject);
  if (group) return group.assignee;
  // One assignee for every listed target: say whose they are.
  const keys = new Set(slices.map((t) => assigneeKey(t.assignee)));
  return keys.size === 1 ? (slices[0]?.assignee ?? null) : null;
}

async function refsOf(slices: readonly GoalTarget[], names: NameBook) {
  const out: FindingFactsDto['targets'] = [];
  for (const t of slices.slice(0, MAX_LISTED)) {
    out.push({
      id: t.id,
      assignee: await named(names, t.assignee),
      start: t.startMs === null ? null : formatInstant(t.startMs),
      end: t.endMs === null ? null : formatInstant(t.endMs),
    });
  }
  return out;
}

async function repairFacts(
  finding: Finding,
  family: Family | null,
  ctx: FindingContext,
): Promise<FindingFactsDto['repair']> {
  const repair = finding.repair;
  if (repair === null) return null;
  const base = { field: null, value: null, assignee: null, goalName: null };
  switch (repair.kind) {
    case 'create-missing-slices':
      return { ...base, kind: 'create-missing', count: repair.slices.length };
    case 'archive-slices':
      return { ...base, kind: 'archive', count: repair.ids.length };
    case 'set-properties': {
      const properties = repair.updates[0]?.properties ?? {};
      const [property = null, value = null] = Object.entries(properties)[0] ?? [];
      const facts = { ...base, kind: 'set-values' as const, count: repair.updates.length };
      if (property === PROP.ownerId && value)
        return { ...facts, field: 'owner', assignee: await named(ctx.names, { kind: 'owner', id: value }) };
      if (property === PROP.teamId && value)
        return { ...facts, field: 'team', assignee: await named(ctx.names, { kind: 'team', id: value }) };
      // Clearing one of the two assignee properties: the field says which one goes.
      if (property === PROP.ownerId || property === PROP.teamId)
        return { ...facts, field: property === PROP.teamId ? 'team' : 'owner' };
      if (property === PROP.uuid && value)
        return {
          ...facts,
          field: 'goal',
          goalName: ctx.familyNames?.get(value) ?? family?.name.value ?? null,
        };
      if (property === PROP.groupId) return { ...facts, field: 'group' };
      return { ...facts, field: property ? (FIELD_OF[property] ?? 'other') : null, value };
    }
  }
}

export async function presentFinding(
  finding: Finding,
  family: Family | null,
  ctx: FindingContext,
): Promise<FindingDto> {
  const byId = new Map<string, GoalTarget>((family?.slices ?? []).map((t) => [t.id, t]));
  for (const [id, t] of ctx.orphans ?? []) if (!byId.has(id)) byId.set(id, t);
  const slices = finding.sliceIds.map((id) => byId.get(id)).filter((t): t is GoalTarget => t !== undefined);
  const convention = family ? detectConvention(family.slices, ctx.timeZone) : { timeZone: ctx.timeZone };
  const milestone = family?.milestone.value ?? slices[0]?.milestone ?? null;
  const known = milestone === null ? null : asMilestone(milestone);
  const subjectField = family ? fieldValue(family, finding.subject) : null;
  const assignee = subjectAssignee(finding, family, slices);
  const repair = finding.repair;
  const others =
    finding.ruleId === 'group-id-shared'
      ? [
          ...new Map(
            slices
              .filter((t) => assigneeKey(t.assignee) !== assigneeKey(assignee))
              .map((t) => [assigneeKey(t.assignee), t.assignee]),
          ).values(),
        ]
      : [];
  const facts: FindingFactsDto = {
    milestone,
    timeZone: convention.timeZone,
    assignee: await named(ctx.names, assignee),
    targets: await refsOf(slices, ctx.names),
    targetCount: finding.sliceIds.length,
    goalTargetCount: family?.slices.length ?? finding.sliceIds.length,
    field: subjectField?.field ?? null,
    value: subjectField?.value ?? null,
    others: (await Promise.all(others.map((a) => named(ctx.names, a)))).filter((a) => a !== null),
    parts:
      finding.ruleId === 'group-id-split' && family
        ? new Set(
            family.slices.filter((t) => assigneeKey(t.assignee) === finding.subject).map((t) => t.groupId),
          ).size
        : null,
    periods:
      repair?.kind === 'create-missing-slices'
        ? repair.slices.map((s) => ({ start: formatInstant(s.startMs), end: formatInstant(s.endMs) }))
        : [],
    amount:
      repair?.kind === 'archive-slices'
        ? formatMoney(repair.ids.reduce((sum, id) => sum + (byId.get(id)?.targetCents ?? 0), 0))
        : null,
    expectedPerYear:
      known === null ? null : known === 'weekly' ? '52 or 53' : String(PERIODS_PER_YEAR[known]),
    wholesale: finding.ruleId === 'periods-misaligned' && repair === null,
    repair: await repairFacts(finding, family, ctx),
  };
  return {
    id: finding.id,
    ruleId: finding.ruleId,
    severity: finding.severity,
    familyUuid: finding.familyUuid,
    familyName: family?.name.value ?? null,
    goalType: family?.goalType.value ?? null,
    message: finding.message,
    sliceIds: finding.sliceIds,
    repair: repair?.description ?? null,
    facts,
  };
}
