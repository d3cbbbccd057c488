/**
 * Safe-write steps 4 and 5: apply a plan in batches of ≤100 (the gateway retries throttles and server
 * errors), verify, and when some writes failed for good, roll back the ones that succeeded and verify
 * that too. The family is never silently half-changed: the report says, per slice, what state it is in.
 *
 * Verifying: a create or update whose answer shows every property the plan wrote, with the value
 * written, has held — HubSpot answers batch create, batch update and PATCH with the records as written.
 * Every other touched slice is read back by id: those the answer left out or showed with other values,
 * refused ones, those whose answer was lost (a lost connection, a server error after sending), and
 * archives (HubSpot answers them with no body).
 *
 * Each slice the plan touches is one `SliceWrite` that moves through the phases
 * planned → written / failed / unknown → verified / not held → rolled back / stuck;
 * every phase below reads and advances those records, nothing else.
 *
 * After the first write, nothing escapes as an exception: a failing read, write or deadline stops
 * the phase it happens in and the report says what each slice holds as far as known (NEEDS_ATTENTION).
 * Writes stop at `writeBy` (no batch is started, and no throttle waited out, that would end past
 * it), leaving the time until `finishBy` to verify and roll back inside the invocation.
 */
import type { SliceOutcome } from '@goal-families/contract';
import type { Plan } from '@goal-families/domain';
import { chunk, PROP, parseInstant, parseMoney } from '@goal-families/domain';
import {
  type ArchiveOutcome,
  type CrmRecord,
  type EdgeFailure,
  type GoalTargetsGateway,
  isEdgeFailure,
  type WriteOutcome,
} from '../ports';
import { writableProperties } from './journal';

export type ApplyReport = {
  kind: 'applied' | 'rolled_back' | 'needs_attention';
  /** Ids of the created slices HubSpot answered with (and that were not archived again). */
  createdIds: string[];
  updatedIds: string[];
  archivedIds: string[];
  /**
   * The touched slices as HubSpot holds them (applied only): as read back by id, or, for a slice its
   * write's answer proved, the record read before with the answer's properties over it.
   */
  records: CrmRecord[];
  /** Every touched slice's state (rolled back and needs attention). */
  slices: SliceOutcome[];
  /**
   * Archived slices the roll back re-created, under new ids: the family's members changed even
   * though the change was undone (search will show them only after its lag).
   */
  recreatedIds: string[];
  /** Why writing stopped early: the deadline (or a throttle it kept us from waiting out). */
  stoppedBy: 'deadline' | null;
  /** Whether anything may have changed in HubSpot (false: every write was refused or never sent). */
  wroteAnything: boolean;
};

export type ApplyOptions = {
  /**
   * Send the one update of the plan through PATCH: `goal_target_update` (one slice's amount or KPI
   * override) only. Everything else, family-defining properties above all, goes through batch update.
   */
  patchSingle?: boolean;
  /** Epoch ms by which every write must have ended (room is left after it to roll back). */
  writeBy?: number;
  /** Epoch ms by which verifying and rolling back must have ended. */
  finishBy?: number;
};

type Props = Record<string, string | null | undefined>;

type SliceState =
  /** In the plan, not yet sent. */
  | 'planned'
  /** HubSpot accepted the write. */
  | 'written'
  /** HubSpot refused the write (it never held). */
  | 'failed'
  /** The write's answer was lost: it may or may not have happened. */
  | 'unknown'
  /** HubSpot holds what the plan wanted: its answer to the write showed it, or reading back did. */
  | 'verified'
  /** Accepted, but reading back shows it did not hold. */
  | 'not_held'
  /** Verified (or accepted), then restored to what it was. */
  | 'rolled_back'
  /** Verified, and restoring it failed: the change is still there. */
  | 'stuck';

type SliceWrite = {
  readonly kind: 'create' | 'update' | 'archive';
  /** Position within its kind (names a create that has no id). */
  readonly index: number;
  /** The record id; a create's is known once HubSpot answers. */
  id: string | null;
  /** What the slice must hold afterwards (create: every property; update: the changed ones). */
  readonly after: Props;
  /** What it held before (update: the changed properties; archive: the whole record). */
  readonly before: Props;
  /** The record as read before the change (update), that an answer's properties are laid over. */
  readonly base?: CrmRecord;
  /** The record as HubSpot answered the write (create, update), or null. */
  answered: CrmRecord | null;
  /** The record as HubSpot answered the restore (an update's roll back), or null. */
  restored: CrmRecord | null;
  state: SliceState;
  message?: string;
  /** The restore was accepted but could not be read back. */
  unverified?: boolean;
  /** An archived slice re-created by the roll back: its new id. */
  recreatedAs?: string;
};

/** HubSpot may echo "5000" for "5000.00" or an epoch for an ISO instant: compare meaning, not spelling. */
export function sameValue(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = a ?? '';
  const y = b ?? '';
  if (x === y) return true;
  const mx = parseMoney(x);
  if (mx !== null && mx === parseMoney(y)) return true;
  const ix = parseInstant(x);
  return ix !== null && ix === parseInstant(y);
}

const holds = (record: CrmRecord | undefined, expected: Props) =>
  record !== undefined && Object.entries(expected).every(([k, v]) => sameValue(record.properties[k], v));

/**
 * Whether a write's answer proves that HubSpot holds `expected`: it shows every one of those properties
 * with the value written (same meaning: `sameValue`). A property the answer leaves out proves nothing.
 * `withVersion`: it must show `hs_lastmodifieddate` too, which the family's version after the change
 * is made of.
 */
function answerProves(answer: CrmRecord | null, expected: Props, withVersion: boolean): boolean {
  if (answer === null) return false;
  const shown = answer.properties;
  if (withVersion && (shown[PROP.lastModified] ?? null) === null) return false;
  return Object.entries(expected).every(([k, v]) => shown[k] !== undefined && sameValue(shown[k], v));
}

/** A copy of an answered record, so that later writes through the same objects cannot change it. */
const snapshot = (r: CrmRecord): CrmRecord => ({ ...r, properties: { ...r.properties } });

const toStrings = (p: Props): Record<string, string> =>
  Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v ?? '']));

const ofKind = (writes: SliceWrite[], kind: SliceWrite['kind']) => writes.filter((w) => w.kind === kind);

/** Thrown inside a phase to stop it; carries the edge failure. */
class PhaseStopped extends Error {
  constructor(readonly failure: EdgeFailure) {
    super(failure.message);
  }
}

/** Runs a gateway call; an edge failure stops the phase, anything else is a bug and propagates. */
async function edge<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isEdgeFailure(e)) throw new PhaseStopped(e);
    throw e;
  }
}

/** Phase 0: one record per slice the plan touches. */
function planWrites(plan: Plan, before: readonly CrmRecord[]): SliceWrite[] {
  const beforeById = new Map(before.map((r) => [r.id, r]));
  return [
    ...plan.creates.map(
      (c, index): SliceWrite => ({
        kind: 'create',
        index,
        id: null,
        after: c.properties,
        before: {},
        answered: null,
        restored: null,
        state: 'planned',
      }),
    ),
    ...plan.updates.map((u, index): SliceWrite => {
      const base = beforeById.get(u.id);
      return {
        kind: 'update',
        index,
        id: u.id,
        after: u.after,
        before: u.before,
        ...(base ? { base } : {}),
        answered: null,
        restored: null,
        state: 'planned',
      };
    }),
    ...plan.archives.map(
      (a, index): SliceWrite => ({
        kind: 'archive',
        index,
        id: a.id,
        after: {},
        before: beforeById.get(a.id)?.properties ?? {},
        answered: null,
        restored: null,
        state: 'planned',
      }),
    ),
  ];
}

type Outcome = WriteOutcome | ArchiveOutcome | undefined;

/** Records one answer; returns whether it failed for a reason worth stopping for. */
function markWritten(write: SliceWrite, outcome: Outcome): { failed: boolean; deadline: boolean } {
  if (outcome?.state === 'ok') {
    write.state = 'written';
    if ('record' in outcome) {
      write.answered = snapshot(outcome.record);
      if (write.kind === 'create') write.id = outcome.record.id;
    }
    return { failed: false, deadline: false };
  }
  write.state = outcome?.state === 'unknown' ? 'unknown' : 'failed';
  write.message = outcome?.message ?? 'HubSpot gave no answer for this slice';
  return { failed: true, deadline: outcome?.deadline === true };
}

type Progress = { stoppedBy: 'deadline' | null; failed: boolean };

/**
 * Sends one batch (≤100 inputs, one HTTP call) and records each input's answer. A call that throws
 * (a lost answer the gateway could not retry) leaves its inputs unknown, or failed when nothing was
 * sent (the deadline).
 */
async function sendBatch(
  part: SliceWrite[],
  send: () => Promise<Outcome[]>,
  progress: Progress,
): Promise<void> {
  let outcomes: Outcome[];
  try {
    outcomes = await send();
  } catch (e) {
    if (!isEdgeFailure(e)) throw e;
    const state = e.deadline || !e.outcomeUnknown ? 'failed' : 'unknown';
    outcomes = part.map((_, index) => ({
      state,
      index,
      message: e.message,
      ...(e.deadline ? { deadline: true } : {}),
    }));
  }
  part.forEach((w, i) => {
    const r = markWritten(
      w,
      outcomes.find((o) => o?.index === i),
    );
    if (r.failed) progress.failed = true;
    if (r.deadline) progress.stoppedBy = 'deadline';
  });
}

/**
 * Phase 1: send the writes, creates → updates → archives, a batch at a time. The first batch with a
 * failure stops the rest: they would have to be rolled back anyway, and the time is better spent
 * rolling back what went through.
 */
async function applyWrites(
  gateway: GoalTargetsGateway,
  writes: SliceWrite[],
  options: ApplyOptions,
): Promise<Progress> {
  const progress: Progress = { stoppedBy: null, failed: false };
  for (const part of chunk(ofKind(writes, 'create'))) {
    await sendBatch(part, () => gateway.createTargets(part.map((c) => toStrings(c.after))), progress);
    if (progress.failed) return progress;
  }
  const updates = ofKind(writes, 'update');
  const [only] = updates;
  if (options.patchSingle && only && updates.length === 1) {
    await sendBatch(
      updates,
      async () => [
        { state: 'ok', index: 0, record: await gateway.patchTarget(only.id ?? '', toStrings(only.after)) },
      ],
      progress,
    );
    if (progress.failed) return progress;
  } else {
    for (const part of chunk(updates)) {
      await sendBatch(
        part,
        () => gateway.updateTargets(part.map((u) => ({ id: u.id ?? '', properties: toStrings(u.after) }))),
        progress,
      );
      if (progress.failed) return progress;
    }
  }
  for (const part of chunk(ofKind(writes, 'archive'))) {
    await sendBatch(part, () => gateway.archiveTargets(part.map((a) => a.id ?? '')), progress);
    if (progress.failed) return progress;
  }
  return progress;
}

/** The slice as HubSpot holds it after a write its answer proved: the answer over what was read before. */
function provenRecord(w: SliceWrite, answer: CrmRecord): CrmRecord {
  const record: CrmRecord = {
    id: answer.id,
    properties: { ...w.base?.properties, ...answer.properties },
  };
  const updatedAt = answer.updatedAt ?? w.base?.updatedAt;
  if (updatedAt !== undefined) record.updatedAt = updatedAt;
  return record;
}

/**
 * Phase 2: what HubSpot holds now decides. A create or update whose answer shows every property the
 * plan wrote has held (`answerProves`); every other slice with an id is read back — a write whose
 * answer was lost, refused or showed something else may or may not have happened, and an archive's
 * answer shows nothing.
 */
async function verifyWrites(gateway: GoalTargetsGateway, writes: SliceWrite[]): Promise<CrmRecord[]> {
  const proven: CrmRecord[] = [];
  for (const w of writes) {
    if (w.state !== 'written' || w.kind === 'archive' || w.id === null || w.answered === null) continue;
    if (!answerProves(w.answered, w.after, true)) continue;
    w.state = 'verified';
    delete w.message;
    proven.push(provenRecord(w, w.answered));
  }
  const readable = writes.filter((w) => w.id !== null && w.state !== 'planned' && w.state !== 'verified');
  const { found, unreadable } = await readBack(
    gateway,
    readable.map((w) => w.id ?? ''),
  );
  const now = new Map(found.map((r) => [r.id, r]));
  for (const w of readable) {
    if (unreadable.has(w.id ?? '')) {
      // HubSpot would not say what it holds: neither applied nor not.
      if (w.state === 'written' || w.state === 'unknown') {
        w.state = 'unknown';
        w.message = 'written, but HubSpot would not read it back';
      }
      continue;
    }
    const current = now.get(w.id ?? '');
    const held = w.kind === 'archive' ? current === undefined : holds(current, w.after);
    if (held) {
      w.state = 'verified';
      delete w.message;
    } else if (w.state === 'written') {
      // A create HubSpot answered but cannot read back yet may still exist: not known.
      w.state = w.kind === 'create' ? 'unknown' : 'not_held';
      w.message =
        w.kind === 'create'
          ? 'created, but it could not be read back'
          : w.kind === 'archive'
            ? 'still present'
            : 'the change did not hold';
    } else if (w.state === 'unknown' || w.state === 'failed') {
      // Refused, or lost and not there: either way it did not happen.
      w.state = 'failed';
    }
  }
  return [...proven, ...found];
}

/**
 * Reads slices back by id; ids HubSpot answers with an error (not "not found") are read once more,
 * and those still unreadable are returned as such, never taken for missing.
 */
async function readBack(
  gateway: GoalTargetsGateway,
  ids: string[],
): Promise<{ found: CrmRecord[]; unreadable: Set<string> }> {
  if (ids.length === 0) return { found: [], unreadable: new Set() };
  const first = await edge(() => gateway.readByIds(ids));
  if (first.unreadable.length === 0) return { found: first.found, unreadable: new Set() };
  const again = await edge(() => gateway.readByIds(first.unreadable));
  return { found: [...first.found, ...again.found], unreadable: new Set(again.unreadable) };
}

/** Sends restores batch by batch; every batch is tried (restore as much as possible), in the time left. */
async function restoreAll<T>(
  items: SliceWrite[],
  send: (part: SliceWrite[]) => Promise<T[]>,
  onAnswer: (w: SliceWrite, answer: T | undefined) => void,
): Promise<void> {
  for (const part of chunk(items)) {
    let answers: T[] = [];
    try {
      answers = await send(part);
    } catch (e) {
      if (!isEdgeFailure(e)) throw e;
      for (const w of part) {
        w.state = 'stuck';
        w.message = `the change was applied and undoing it failed: ${e.message}`;
      }
      continue;
    }
    part.forEach((w, i) => {
      onAnswer(
        w,
        answers.find((a) => (a as { index: number }).index === i),
      );
    });
  }
}

/**
 * Phase 3: restore every verified slice (re-create archived ones, archive created ones), then read
 * back. Restores go through batch update too; a restore that HubSpot accepted but could not be read
 * back counts as rolled back, marked unverified.
 */
async function rollBack(gateway: GoalTargetsGateway, writes: SliceWrite[]): Promise<void> {
  // Restoring an update or archiving a created slice is harmless if the write did not happen, so
  // slices in an unknown state are restored too; an archive is re-created only once known to be gone.
  const uncertain = (w: SliceWrite) => w.state === 'unknown' && w.id !== null && w.kind !== 'archive';
  const verified = writes.filter((w) => w.state === 'verified' || uncertain(w));
  const restore = verified.filter((w) => w.kind === 'update');
  const unCreate = verified.filter((w) => w.kind === 'create');
  const reCreate = verified.filter((w) => w.kind === 'archive');
  const accepted = (w: SliceWrite, ok: boolean, what: string) => {
    w.state = ok ? 'rolled_back' : 'stuck';
    w.message = ok ? what : 'the change was applied and could not be undone';
  };
  await restoreAll(
    restore,
    (part) => gateway.updateTargets(part.map((u) => ({ id: u.id ?? '', properties: toStrings(u.before) }))),
    (w, a) => {
      accepted(w, a?.state === 'ok', 'restored');
      w.restored = a?.state === 'ok' ? snapshot(a.record) : null;
    },
  );
  await restoreAll(
    unCreate,
    (part) => gateway.archiveTargets(part.map((c) => c.id ?? '')),
    (w, a) => accepted(w, a?.state === 'ok', 'created, then archived again'),
  );
  await restoreAll(
    reCreate,
    (part) => gateway.createTargets(part.map((a) => writableProperties(a.before))),
    (w, a) => {
      const ok = a?.state === 'ok';
      w.state = ok ? 'rolled_back' : 'stuck';
      w.message = ok
        ? `archived, then re-created as #${a.record.id}`
        : 'archived and could not be re-created';
      if (ok) w.recreatedAs = a.record.id;
    },
  );

  // As for the writes: a restore whose answer shows the values before needs no read; an archive does.
  const check = [
    ...restore.filter(
      (w) => w.state === 'rolled_back' && !answerProves(w.restored, toStrings(w.before), false),
    ),
    ...unCreate.filter((w) => w.state === 'rolled_back'),
  ];
  let after: Map<string, CrmRecord>;
  let unreadable: Set<string>;
  try {
    const read = await readBack(
      gateway,
      check.map((w) => w.id ?? ''),
    );
    after = new Map(read.found.map((r) => [r.id, r]));
    unreadable = read.unreadable;
  } catch (e) {
    const failure = e instanceof PhaseStopped ? e.failure : null;
    if (!failure) throw e;
    for (const w of check) {
      w.unverified = true;
      w.message = `${w.message ?? 'restored'} (HubSpot accepted it; reading it back failed: ${failure.message})`;
    }
    return;
  }
  for (const w of check) {
    if (unreadable.has(w.id ?? '')) {
      w.unverified = true;
      w.message = `${w.message ?? 'restored'} (HubSpot accepted it but would not read it back)`;
      continue;
    }
    const back =
      w.kind === 'update' ? holds(after.get(w.id ?? ''), toStrings(w.before)) : !after.has(w.id ?? '');
    if (!back) {
      w.state = 'stuck';
      w.message =
        w.kind === 'update'
          ? 'the change was applied and could not be undone'
          : 'created and could not be archived again';
    }
  }
}

/** Phase 4: each slice's state as the contract reports it. */
function outcomes(writes: SliceWrite[]): SliceOutcome[] {
  const id = (w: SliceWrite) => w.id ?? `new:${w.index}`;
  const ordered = [
    // Creates that never got an id first (they cannot be named otherwise), then every slice in plan order.
    ...writes.filter((w) => w.kind === 'create' && w.id === null),
    ...writes.filter((w) => !(w.kind === 'create' && w.id === null)),
  ];
  return ordered.map((w): SliceOutcome => {
    const message = w.message;
    switch (w.state) {
      case 'planned':
        return { id: id(w), state: 'unchanged', message: 'not sent: the change stopped before this slice' };
      case 'rolled_back':
        return message === undefined
          ? { id: id(w), state: 'rolled_back' }
          : { id: id(w), state: 'rolled_back', message };
      case 'stuck':
      case 'verified':
      case 'written':
        return {
          id: id(w),
          state: 'applied',
          message:
            message ?? (w.state === 'stuck' ? 'the change was applied and could not be undone' : 'applied'),
        };
      case 'unknown':
        return w.kind === 'create' && w.id === null
          ? {
              id: id(w),
              state: 'unknown',
              message: `create of slice ${w.index + 1} may or may not have happened: ${message}`,
            }
          : { id: id(w), state: 'unknown', message: message ?? 'may or may not have happened' };
      default:
        return w.kind === 'create' && w.id === null
          ? { id: id(w), state: 'failed', message: `create of slice ${w.index + 1} failed: ${message}` }
          : { id: id(w), state: 'failed', message: message ?? 'the change did not hold' };
    }
  });
}

function report(
  writes: SliceWrite[],
  kind: ApplyReport['kind'],
  progress: Progress,
  records: CrmRecord[] = [],
): ApplyReport {
  const idsOf = (k: SliceWrite['kind'], states: SliceState[]) =>
    ofKind(writes, k)
      .filter((w) => states.includes(w.state) && w.id !== null)
      .map((w) => w.id ?? '');
  const held: SliceState[] = ['written', 'verified', 'stuck', 'unknown'];
  return {
    kind,
    createdIds: idsOf('create', held),
    updatedIds: idsOf('update', held),
    archivedIds: idsOf('archive', held),
    records,
    slices: kind === 'applied' ? [] : outcomes(writes),
    recreatedIds: writes.flatMap((w) => (w.recreatedAs ? [w.recreatedAs] : [])),
    stoppedBy: progress.stoppedBy,
    wroteAnything: writes.some((w) => w.state !== 'planned' && w.state !== 'failed'),
  };
}

/** Whatever is still applied (or not known) after the phases ran: needs attention, else rolled back. */
function settle(writes: SliceWrite[], progress: Progress): ApplyReport {
  const open = writes.some(
    (w) =>
      w.state === 'written' ||
      w.state === 'verified' ||
      w.state === 'stuck' ||
      w.state === 'unknown' ||
      (w.state === 'rolled_back' && w.unverified === true),
  );
  return report(writes, open ? 'needs_attention' : 'rolled_back', progress);
}

export async function applyPlan(
  gateway: GoalTargetsGateway,
  plan: Plan,
  /** The records the plan was computed from (for re-creating archived slices on rollback). */
  before: readonly CrmRecord[],
  options: ApplyOptions = {},
): Promise<ApplyReport> {
  const writes = planWrites(plan, before);
  gateway.setDeadline(options.writeBy);
  try {
    const progress = await applyWrites(gateway, writes, options);
    gateway.setDeadline(options.finishBy);
    try {
      const found = await verifyWrites(gateway, writes);
      if (writes.every((w) => w.state === 'verified')) return report(writes, 'applied', progress, found);
      await rollBack(gateway, writes);
    } catch (e) {
      if (!(e instanceof PhaseStopped)) throw e;
      for (const w of writes) {
        if (w.state === 'written' || w.state === 'unknown') {
          w.message = `${w.kind === 'create' ? 'created' : 'written'}, but it could not be checked: ${e.failure.message}`;
        }
      }
    }
    return settle(writes, progress);
  } finally {
    gateway.setDeadline(undefined);
  }
}
