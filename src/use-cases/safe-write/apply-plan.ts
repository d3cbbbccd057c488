/**
 * Safe-write steps 4 and 5: apply a plan in chunks of ≤100 (the gateway retries throttles and server
 * errors), verify by reading every touched slice back by id, and when some writes failed for good,
 * roll back the ones that succeeded and verify that too. The family is never silently half-changed:
 * the report says, per slice, what state it is in.
 *
 * Each slice the plan touches is one `SliceWrite` that moves through the phases
 * planned → written / failed / unknown → verified / not held → rolled back / stuck;
 * every phase below reads and advances those records, nothing else.
 */
import type { SliceOutcome } from '@goal-families/contract';
import type { Plan } from '@goal-families/domain';
import { parseInstant, parseMoney, READ_ONLY_PROPERTIES } from '@goal-families/domain';
import { type CrmRecord, type GoalTargetsGateway, isEdgeFailure, type WriteOutcome } from '../ports';

export type ApplyReport =
  | {
      kind: 'applied';
      createdIds: string[];
      updatedIds: string[];
      archivedIds: string[];
      records: CrmRecord[];
    }
  | { kind: 'rolled_back' | 'needs_attention'; slices: SliceOutcome[] };

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
  /** Read back: HubSpot holds what the plan wanted. */
  | 'verified'
  /** Accepted, but reading back shows it did not hold. */
  | 'not_held'
  /** Verified, then restored to what it was. */
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
  state: SliceState;
  message?: string;
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

/** What an archived slice needs to be re-created: its writable, non-empty properties. */
function writable(properties: Props): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(properties)) {
    if (v !== null && v !== undefined && v !== '' && !READ_ONLY_PROPERTIES.includes(k)) out[k] = v;
  }
  return out;
}

const toStrings = (p: Props): Record<string, string> =>
  Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v ?? '']));

const ofKind = (writes: SliceWrite[], kind: SliceWrite['kind']) => writes.filter((w) => w.kind === kind);

/** Phase 0: one record per slice the plan touches. */
function planWrites(plan: Plan, before: readonly CrmRecord[]): SliceWrite[] {
  const beforeById = new Map(before.map((r) => [r.id, r]));
  return [
    ...plan.creates.map((c, index) => ({
      kind: 'create' as const,
      index,
      id: null,
      after: c.properties,
      before: {},
      state: 'planned' as const,
    })),
    ...plan.updates.map((u, index) => ({
      kind: 'update' as const,
      index,
      id: u.id,
      after: u.after,
      before: u.before,
      state: 'planned' as const,
    })),
    ...plan.archives.map((a, index) => ({
      kind: 'archive' as const,
      index,
      id: a.id,
      after: {},
      before: beforeById.get(a.id)?.properties ?? {},
      state: 'planned' as const,
    })),
  ];
}

function markWritten(write: SliceWrite, outcome: WriteOutcome | undefined) {
  if (outcome?.state === 'ok') {
    write.state = 'written';
    if (write.kind === 'create') write.id = outcome.record.id;
    return;
  }
  write.state = outcome?.state === 'unknown' ? 'unknown' : 'failed';
  write.message = outcome?.message ?? 'HubSpot gave no answer for this slice';
}

/** One slice alone goes through PATCH (F4); anything more through batch update in chunks of 100. */
async function writeUpdates(gateway: GoalTargetsGateway, updates: SliceWrite[], alone: boolean) {
  const [only] = updates;
  if (!only) return;
  if (!alone || updates.length > 1) {
    const outcomes = await gateway.updateTargets(
      updates.map((u) => ({ id: u.id ?? '', properties: toStrings(u.after) })),
    );
    updates.forEach((u, i) => {
      markWritten(
        u,
        outcomes.find((o) => o.index === i),
      );
    });
    return;
  }
  try {
    markWritten(only, {
      state: 'ok',
      index: 0,
      record: await gateway.patchTarget(only.id ?? '', toStrings(only.after)),
    });
  } catch (e) {
    if (!isEdgeFailure(e)) throw e;
    markWritten(only, { state: e.outcomeUnknown ? 'unknown' : 'failed', index: 0, message: e.message });
  }
}

/** Phase 1: send every write; each slice becomes written, failed or unknown. */
async function applyWrites(gateway: GoalTargetsGateway, writes: SliceWrite[]) {
  const creates = ofKind(writes, 'create');
  if (creates.length > 0) {
    const outcomes = await gateway.createTargets(creates.map((c) => toStrings(c.after)));
    creates.forEach((c, i) => {
      markWritten(
        c,
        outcomes.find((o) => o.index === i),
      );
    });
  }
  await writeUpdates(gateway, ofKind(writes, 'update'), creates.length === 0);
  const archives = ofKind(writes, 'archive');
  if (archives.length > 0) {
    const outcomes = await gateway.archiveTargets(archives.map((a) => a.id ?? ''));
    archives.forEach((a, i) => {
      const o = outcomes.find((x) => x.index === i);
      if (o?.state === 'ok') a.state = 'written';
      else {
        a.state = o?.state === 'unknown' ? 'unknown' : 'failed';
        a.message = o?.message ?? 'HubSpot gave no answer for this slice';
      }
    });
  }
}

/**
 * Phase 2: what HubSpot holds now decides, whatever the write calls answered — a write whose answer
 * was lost or refused may still have happened, so every slice with an id is read back.
 */
async function verifyWrites(gateway: GoalTargetsGateway, writes: SliceWrite[]): Promise<CrmRecord[]> {
  const readable = writes.filter((w) => w.id !== null);
  const { found } = readable.length
    ? await gateway.readByIds(readable.map((w) => w.id ?? ''))
    : { found: [] as CrmRecord[] };
  const now = new Map(found.map((r) => [r.id, r]));
  for (const w of readable) {
    const current = now.get(w.id ?? '');
    const held = w.kind === 'archive' ? current === undefined : holds(current, w.after);
    if (held) {
      w.state = 'verified';
      delete w.message;
    } else if (w.state === 'written') {
      w.state = 'not_held';
      w.message =
        w.kind === 'create'
          ? 'created but not readable'
          : w.kind === 'archive'
            ? 'still present'
            : 'the change did not hold';
    } else {
      // Refused, or lost and not there: either way it did not happen.
      w.state = 'failed';
    }
  }
  return found;
}

/** Phase 3: restore every verified slice (re-create archived ones, archive created ones), then read back. */
async function rollBack(gateway: GoalTargetsGateway, writes: SliceWrite[]) {
  const verified = writes.filter((w) => w.state === 'verified');
  const restore = verified.filter((w) => w.kind === 'update');
  const unCreate = verified.filter((w) => w.kind === 'create');
  const reCreate = verified.filter((w) => w.kind === 'archive');
  if (restore.length)
    await gateway.updateTargets(restore.map((u) => ({ id: u.id ?? '', properties: toStrings(u.before) })));
  if (unCreate.length) await gateway.archiveTargets(unCreate.map((c) => c.id ?? ''));
  const recreated = reCreate.length
    ? await gateway.createTargets(reCreate.map((a) => writable(a.before)))
    : [];

  const check = [...restore, ...unCreate].map((w) => w.id ?? '');
  const { found } = check.length ? await gateway.readByIds(check) : { found: [] as CrmRecord[] };
  const after = new Map(found.map((r) => [r.id, r]));
  for (const u of restore) {
    const back = holds(after.get(u.id ?? ''), toStrings(u.before));
    u.state = back ? 'rolled_back' : 'stuck';
    if (!back) u.message = 'the change was applied and could not be undone';
  }
  for (const c of unCreate) {
    const gone = !after.has(c.id ?? '');
    c.state = gone ? 'rolled_back' : 'stuck';
    c.message = gone ? 'created, then archived again' : 'created and could not be archived again';
  }
  reCreate.forEach((a, i) => {
    const outcome = recreated.find((o) => o.index === i);
    a.state = outcome?.state === 'ok' ? 'rolled_back' : 'stuck';
    a.message =
      outcome?.state === 'ok'
        ? `archived, then re-created as #${outcome.record.id}`
        : 'archived and could not be re-created';
  });
}

/** Phase 4: each slice's state as the contract reports it. */
function outcomes(writes: SliceWrite[]): SliceOutcome[] {
  const id = (w: SliceWrite) => w.id ?? `new:${w.index}`;
  const ordered = [
    // Creates that never got an id first (they cannot be named otherwise), then every slice in plan order.
    ...writes.filter((w) => w.kind === 'create' && (w.state === 'failed' || w.state === 'unknown')),
    ...writes.filter((w) => !(w.kind === 'create' && (w.state === 'failed' || w.state === 'unknown'))),
  ];
  return ordered.map((w): SliceOutcome => {
    const message = w.message;
    switch (w.state) {
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
          message: message ?? 'the change was applied and could not be undone',
        };
      case 'unknown':
        return w.kind === 'create'
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

export async function applyPlan(
  gateway: GoalTargetsGateway,
  plan: Plan,
  /** The records the plan was computed from (for re-creating archived slices on rollback). */
  before: readonly CrmRecord[],
): Promise<ApplyReport> {
  const writes = planWrites(plan, before);
  await applyWrites(gateway, writes);
  const found = await verifyWrites(gateway, writes);
  if (writes.every((w) => w.state === 'verified')) {
    const idsOf = (kind: SliceWrite['kind']) => ofKind(writes, kind).map((w) => w.id ?? '');
    return {
      kind: 'applied',
      createdIds: idsOf('create'),
      updatedIds: idsOf('update'),
      archivedIds: idsOf('archive'),
      records: found,
    };
  }
  await rollBack(gateway, writes);
  const slices = outcomes(writes);
  const stuck = slices.some((s) => s.state === 'applied' || s.state === 'unknown');
  return { kind: stuck ? 'needs_attention' : 'rolled_back', slices };
}
