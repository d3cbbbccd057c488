/** F1: targets → families (by uuid) → target groups (by group id) → slices ordered by start. */
import type { Assignee, GoalTarget } from './target';

/** A family-level value: the majority value and the slices that disagree with it. */
export type FamilyValue<T> = { value: T; disagreeing: string[] };

export type TargetGroup = {
  /** `hs_goal_target_group_id`; null for the family's slices that lack one. */
  groupId: string | null;
  /** The majority assignee of the group's slices (null when none has one). */
  assignee: Assignee | null;
  /** Ordered by start (slices without a start last), ties by id. */
  slices: GoalTarget[];
};

export type Family = {
  uuid: string;
  /** Ordered by group id (numerically when numeric); the group of slices without a group id last. */
  groups: TargetGroup[];
  /** Every slice of the family, ordered by start then id. */
  slices: GoalTarget[];
  name: FamilyValue<string>;
  goalType: FamilyValue<string>;
  milestone: FamilyValue<string>;
  /** The value is the parsed ids of the majority raw `hs_pipeline_ids` (compared as exact strings). */
  pipelineIds: FamilyValue<string[]>;
};

export type Grouping = {
  families: Family[];
  /** Targets without a uuid: no family can hold them. */
  orphans: GoalTarget[];
};

/** Orders slices by start (missing starts last), then by id, numerically when both are numeric. */
export function compareSlices(a: GoalTarget, b: GoalTarget): number {
  const sa = a.startMs ?? Number.POSITIVE_INFINITY;
  const sb = b.startMs ?? Number.POSITIVE_INFINITY;
  if (sa !== sb) return sa < sb ? -1 : 1;
  return compareIds(a.id, b.id);
}

/** Numeric-aware id order: "9" < "10"; non-numeric ids after numeric ones, then by code points. */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  const na = /^\d+$/.test(a);
  const nb = /^\d+$/.test(b);
  if (na && nb) {
    if (a.length !== b.length) return a.length - b.length;
    return a < b ? -1 : 1;
  }
  if (na !== nb) return na ? -1 : 1;
  return a < b ? -1 : 1;
}

/**
 * The majority value by key; ties go to the smallest key (code-point order) so the result never
 * depends on input order. Returns the winning key and the ids of items with another key.
 */
export function majority<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  idOf: (item: T) => string,
): { key: string; disagreeing: string[] } {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = keyOf(item);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let best = '';
  let bestCount = -1;
  for (const [k, c] of counts) {
    if (c > bestCount || (c === bestCount && k < best)) {
      best = k;
      bestCount = c;
    }
  }
  const disagreeing: string[] = [];
  if (counts.size > 1) for (const item of items) if (keyOf(item) !== best) disagreeing.push(idOf(item));
  return { key: best, disagreeing };
}

export const assigneeKey = (a: Assignee | null): string => (a === null ? '' : `${a.kind}:${a.id}`);

export function assigneeFromKey(key: string): Assignee | null {
  if (key === '') return null;
  const i = key.indexOf(':');
  return { kind: key.slice(0, i) as Assignee['kind'], id: key.slice(i + 1) };
}

const idOf = (t: GoalTarget) => t.id;

function buildGroup(groupId: string | null, slices: GoalTarget[]): TargetGroup {
  slices.sort(compareSlices);
  const { key } = majority(slices, (t) => assigneeKey(t.assignee), idOf);
  return { groupId, assignee: assigneeFromKey(key), slices };
}

/** Builds one family from its slices (all sharing `uuid`). */
export function buildFamily(uuid: string, targets: readonly GoalTarget[]): Family {
  const byGroup = new Map<string, GoalTarget[]>();
  const noGroup: GoalTarget[] = [];
  for (const t of targets) {
    if (t.groupId === null) {
      noGroup.push(t);
      continue;
    }
    const list = byGroup.get(t.groupId);
    if (list) list.push(t);
    else byGroup.set(t.groupId, [t]);
  }
  const groupIds = [...byGroup.keys()].sort(compareIds);
  const groups: TargetGroup[] = groupIds.map((g) => buildGroup(g, byGroup.get(g) ?? []));
  if (noGroup.length > 0) groups.push(buildGroup(null, noGroup));

  const slices = [...targets].sort(compareSlices);
  const name = majority(slices, (t) => t.name, idOf);
  const goalType = majority(slices, (t) => t.goalType, idOf);
  const milestone = majority(slices, (t) => t.milestone, idOf);
  const pipelines = majority(slices, (t) => t.pipelineIdsRaw, idOf);
  const pipelineWinner = slices.find((t) => t.pipelineIdsRaw === pipelines.key);
  return {
    uuid,
    groups,
    slices,
    name: { value: name.key, disagreeing: name.disagreeing },
    goalType: { value: goalType.key, disagreeing: goalType.disagreeing },
    milestone: { value: milestone.key, disagreeing: milestone.disagreeing },
    pipelineIds: {
      value: pipelineWinner ? [...pipelineWinner.pipelineIds] : [],
      disagreeing: pipelines.disagreeing,
    },
  };
}

/**
 * Groups targets into families. Every input target lands in exactly one place: in one family's
 * `slices` (and in exactly one of its groups), or in `orphans`. Families are ordered by uuid.
 * Duplicate ids (the same record passed twice) are kept as given; the caller de-duplicates reads.
 */
export function groupFamilies(targets: readonly GoalTarget[]): Grouping {
  const byUuid = new Map<string, GoalTarget[]>();
  const orphans: GoalTarget[] = [];
  for (const t of targets) {
    if (t.uuid === null) {
      orphans.push(t);
      continue;
    }
    const list = byUuid.get(t.uuid);
    if (list) list.push(t);
    else byUuid.set(t.uuid, [t]);
  }
  const uuids = [...byUuid.keys()].sort();
  const families = uuids.map((u) => buildFamily(u, byUuid.get(u) ?? []));
  orphans.sort((a, b) => compareIds(a.id, b.id));
  return { families, orphans };
}

/** The majority `hs_pipeline_ids` value exactly as stored (what repairs and new slices copy). */
export function majorityPipelineIdsRaw(family: Family): string {
  const odd = new Set(family.pipelineIds.disagreeing);
  return family.slices.find((t) => !odd.has(t.id))?.pipelineIdsRaw ?? '';
}
