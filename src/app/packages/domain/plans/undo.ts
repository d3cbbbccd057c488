/**
 * F12 and unfinished changes: what a journal entry recorded of one change, and the plans that undo
 * it, finish it or roll it back against the family as it is now.
 *
 * A recorded change names every slice it touches explicitly: the slices it created (their full
 * properties, and their ids once HubSpot gave them), each updated property's value before (null:
 * the property was empty) and after, and each archived slice's properties. So undo never has to
 * guess: an empty "before" is restored by clearing the property, a created slice is archived, an
 * archived one is re-created (same uuid, group id, period, amounts and assignee; a new record id).
 */
import { compareIds } from '../grouping';
import { parseInstant } from '../instant';
import { CLEARED, PROP } from '../properties';
import { type DomainResult, err, ok } from '../result';
import { type GoalTarget, parseTarget, sliceLabel } from '../target';
import { emptyPlan, sameValue, updateFor } from './diff';
import type { Operation, Plan, PlannedCreate } from './plan';

/** One updated property of one slice; `before` null: the property was empty. */
export type RecordedUpdate = { id: string; property: string; before: string | null; after: string };

export type RecordedChange = {
  uuid: string;
  /** The family's slice ids before the change (created slices are the live ones not among them). */
  beforeIds: readonly string[];
  updates: readonly RecordedUpdate[];
  /** Every slice the change creates, with every property sent. */
  creates: readonly { properties: Record<string, string> }[];
  /** The ids HubSpot gave the created slices, as far as known. */
  createdIds: readonly string[];
  /** Every slice the change archives, with its writable properties as they were. */
  archives: readonly { id: string; properties: Record<string, string> }[];
};

/** Where each recorded slice stands now. */
export type ChangeProgress = {
  /** Slices that already hold the change (or, for archives, are gone). */
  done: string[];
  /** Slices that still hold what they held before. */
  notDone: string[];
  /** Slices that hold neither (changed by someone else since). */
  other: string[];
  /** Planned creates present now (by index), with the slices that are them. */
  created: Map<number, GoalTarget[]>;
};

/** A slice's identity within a family before it has an id: its group and its start instant. */
const createKey = (groupId: string | null | undefined, startMs: number | null) =>
  `${groupId ?? ''}|${startMs ?? ''}`;

const keyOf = (properties: Record<string, string | null | undefined>) =>
  createKey(properties[PROP.groupId], parseInstant(properties[PROP.start] ?? ''));

const holds = (slice: GoalTarget, values: Record<string, string>) =>
  Object.entries(values).every(([p, v]) => sameValue(p, slice.properties[p], v));

function byId(updates: readonly RecordedUpdate[]): Map<string, RecordedUpdate[]> {
  const out = new Map<string, RecordedUpdate[]>();
  for (const u of updates) out.set(u.id, [...(out.get(u.id) ?? []), u]);
  return out;
}

/**
 * Matches the recorded change against the family's live slices: which planned creates exist (by
 * created id, else by group and start among slices that were not there before), and which archived
 * slices were re-created already by an earlier roll back (same group and start, a new id).
 */
function presentCreates(change: RecordedChange, slices: readonly GoalTarget[]): Map<number, GoalTarget[]> {
  const before = new Set(change.beforeIds);
  const knownCreated = new Set(change.createdIds);
  const candidates = slices.filter((s) => !before.has(s.id));
  const out = new Map<number, GoalTarget[]>();
  change.creates.forEach((c, i) => {
    const key = keyOf(c.properties);
    const found = candidates.filter((s) => knownCreated.has(s.id) && createKey(s.groupId, s.startMs) === key);
    const matched =
      found.length > 0 ? found : candidates.filter((s) => createKey(s.groupId, s.startMs) === key);
    if (matched.length > 0) out.set(i, matched);
  });
  return out;
}

export function changeProgress(change: RecordedChange, slices: readonly GoalTarget[]): ChangeProgress {
  const live = new Map(slices.map((s) => [s.id, s]));
  const progress: ChangeProgress = { done: [], notDone: [], other: [], created: new Map() };
  for (const [id, recorded] of byId(change.updates)) {
    const slice = live.get(id);
    if (!slice) {
      progress.other.push(id);
      continue;
    }
    const after = Object.fromEntries(recorded.map((u) => [u.property, u.after]));
    const before = Object.fromEntries(recorded.map((u) => [u.property, u.before ?? CLEARED]));
    if (holds(slice, after)) progress.done.push(id);
    else if (holds(slice, before)) progress.notDone.push(id);
    else progress.other.push(id);
  }
  progress.created = presentCreates(change, slices);
  change.creates.forEach((_, i) => {
    const present = progress.created.get(i);
    if (present) progress.done.push(...present.map((s) => s.id));
    else progress.notDone.push(`new:${i}`);
  });
  for (const a of change.archives) {
    if (live.has(a.id)) progress.notDone.push(a.id);
    else progress.done.push(a.id);
  }
  return progress;
}

function plannedCreate(properties: Record<string, string>): PlannedCreate {
  const t = parseTarget({ id: 'new', properties });
  return {
    properties: { ...properties },
    assignee: t.assignee,
    groupId: t.groupId ?? '',
    startMs: t.startMs ?? 0,
    endMs: t.endMs ?? 0,
  };
}

/** The slices of `slices` re-created by an earlier roll back of archived slice `a` (same group and start). */
function reCreated(
  change: RecordedChange,
  a: RecordedChange['archives'][number],
  slices: readonly GoalTarget[],
): GoalTarget[] {
  const before = new Set(change.beforeIds);
  const key = keyOf(a.properties);
  return slices.filter((s) => !before.has(s.id) && createKey(s.groupId, s.startMs) === key);
}

/** Brings every recorded slice to its state before the change; `operation` names the plan. */
function planBack(change: RecordedChange, slices: readonly GoalTarget[], operation: Operation): Plan {
  const live = new Map(slices.map((s) => [s.id, s]));
  const plan = emptyPlan(operation, change.uuid, slices);
  for (const [id, recorded] of [...byId(change.updates)].sort(([a], [b]) => compareIds(a, b))) {
    const slice = live.get(id);
    if (!slice) continue;
    const update = updateFor(
      slice,
      Object.fromEntries(recorded.map((u) => [u.property, u.before ?? CLEARED])),
    );
    if (update) plan.updates.push(update);
  }
  const created = presentCreates(change, slices);
  const archived = new Set<string>();
  for (const matches of created.values()) {
    for (const s of matches) {
      if (archived.has(s.id)) continue;
      archived.add(s.id);
      plan.archives.push({ id: s.id, label: sliceLabel(s) });
    }
  }
  for (const a of change.archives) {
    if (live.has(a.id) || reCreated(change, a, slices).length > 0) continue;
    plan.creates.push(plannedCreate(a.properties));
  }
  return plan;
}

/** Brings every recorded slice to its state after the change. */
function planForward(change: RecordedChange, slices: readonly GoalTarget[]): Plan {
  const live = new Map(slices.map((s) => [s.id, s]));
  const plan = emptyPlan('finish', change.uuid, slices);
  for (const [id, recorded] of [...byId(change.updates)].sort(([a], [b]) => compareIds(a, b))) {
    const slice = live.get(id);
    if (!slice) continue;
    const update = updateFor(slice, Object.fromEntries(recorded.map((u) => [u.property, u.after])));
    if (update) plan.updates.push(update);
  }
  const created = presentCreates(change, slices);
  change.creates.forEach((c, i) => {
    if (!created.has(i)) plan.creates.push(plannedCreate(c.properties));
  });
  for (const a of change.archives) {
    const slice = live.get(a.id);
    if (slice) plan.archives.push({ id: a.id, label: sliceLabel(slice) });
  }
  return plan;
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** A plan's one line, in the words of goals and periods (the preview shows it). */
function summarise(plan: Plan, verb: string): string {
  const parts = [
    plan.updates.length > 0 ? `earlier values back on ${count(plan.updates.length, 'period')}` : '',
    plan.creates.length > 0 ? `${count(plan.creates.length, 'archived period')} brought back` : '',
    plan.archives.length > 0 ? `${count(plan.archives.length, 'period')} it created archived` : '',
  ].filter((p) => p !== '');
  return parts.length === 0 ? `${verb}: nothing left to change` : `${verb}: ${parts.join('; ')}`;
}

/**
 * Undo: only a change the family still fully holds. Refused with CHANGED_SINCE (naming the slices)
 * when a slice no longer holds what the change wrote, a created slice is gone, an archived one is
 * back, or `changedAfterMs` is given and a slice was modified after it (by someone else).
 */
export function planUndo(
  change: RecordedChange,
  slices: readonly GoalTarget[],
  changedAfterMs: number | null = null,
): DomainResult<Plan> {
  if (change.updates.length + change.creates.length + change.archives.length === 0) {
    return err('NOTHING_TO_UNDO', 'the journal entry records no change');
  }
  const progress = changeProgress(change, slices);
  const later =
    changedAfterMs === null
      ? []
      : slices.filter((s) => s.lastModifiedMs !== null && s.lastModifiedMs > changedAfterMs).map((s) => s.id);
  const changed = [...new Set([...progress.notDone, ...progress.other, ...later])];
  if (changed.length > 0) {
    return err(
      'CHANGED_SINCE',
      `the goal changed since this change was made (${count(changed.length, 'period')} no longer as it left them); undoing it would overwrite those edits`,
    );
  }
  const plan = planBack(change, slices, 'undo');
  plan.summary = summarise(plan, 'Undo');
  return ok(plan);
}

/** Finish an unfinished change: write what it did not write yet. */
export function planFinish(change: RecordedChange, slices: readonly GoalTarget[]): Plan {
  const plan = planForward(change, slices);
  const gone = changeProgress(change, slices).other;
  if (gone.length > 0) {
    plan.counts = { changedSince: gone.length };
    plan.warnings.push(
      `${count(gone.length, 'period')} changed again since this change or were archived; finishing sets this change's values on those still there.`,
    );
  }
  plan.summary =
    plan.updates.length + plan.creates.length + plan.archives.length === 0
      ? 'Finish: the goal already holds all of this change'
      : `Finish: ${[
          plan.updates.length > 0 ? `${count(plan.updates.length, 'period')} updated` : '',
          plan.creates.length > 0 ? `${count(plan.creates.length, 'period')} created` : '',
          plan.archives.length > 0 ? `${count(plan.archives.length, 'period')} archived` : '',
        ]
          .filter((p) => p !== '')
          .join('; ')}`;
  return plan;
}

/** Roll back an unfinished change: bring back what it already changed. */
export function planRollBack(change: RecordedChange, slices: readonly GoalTarget[]): Plan {
  const plan = planBack(change, slices, 'roll-back');
  plan.summary = summarise(plan, 'Roll back');
  return plan;
}
