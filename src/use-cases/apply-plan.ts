/**
 * Safe-write steps 4 and 5: apply a plan in chunks of ≤100 (the gateway retries throttles and server
 * errors), verify by reading every touched slice back by id, and when some writes failed for good,
 * roll back the ones that succeeded and verify that too. The family is never silently half-changed:
 * the report says, per slice, what state it is in.
 */
import type { SliceOutcome } from '@goal-families/contract';
import type { Plan } from '@goal-families/domain';
import { parseInstant, parseMoney, READ_ONLY_PROPERTIES } from '@goal-families/domain';
import { type CrmRecord, type GoalTargetsGateway, isGatewayError, type WriteOutcome } from '../gateway';

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

/** What a created-then-archived slice needs to be re-created: its writable properties. */
function writable(record: CrmRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record.properties)) {
    if (v !== null && v !== undefined && v !== '' && !READ_ONLY_PROPERTIES.includes(k)) out[k] = v;
  }
  return out;
}

const toStrings = (p: Record<string, string | null>): Record<string, string> =>
  Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v ?? '']));

/** One slice alone goes through PATCH (F4); anything more through batch update in chunks of 100. */
async function applyUpdates(gateway: GoalTargetsGateway, plan: Plan): Promise<WriteOutcome[]> {
  const [only, ...more] = plan.updates;
  if (!only) return [];
  if (more.length > 0 || plan.creates.length > 0) {
    return gateway.updateTargets(plan.updates.map((u) => ({ id: u.id, properties: u.after })));
  }
  try {
    return [{ state: 'ok', index: 0, record: await gateway.patchTarget(only.id, only.after) }];
  } catch (e) {
    if (!isGatewayError(e)) throw e;
    return [
      {
        state: e.kind === 'server' || e.kind === 'network' ? 'unknown' : 'failed',
        index: 0,
        message: e.message,
      },
    ];
  }
}

export async function applyPlan(
  gateway: GoalTargetsGateway,
  plan: Plan,
  /** The records the plan was computed from (for re-creating archived slices on rollback). */
  before: readonly CrmRecord[],
): Promise<ApplyReport> {
  const beforeById = new Map(before.map((r) => [r.id, r]));
  const messages = new Map<string, string>();

  // 4. Apply.
  const createOutcomes = plan.creates.length
    ? await gateway.createTargets(plan.creates.map((c) => c.properties))
    : [];
  const createdIds: string[] = [];
  const createFailures: SliceOutcome[] = [];
  for (const o of createOutcomes) {
    if (o.state === 'ok') createdIds.push(o.record.id);
    else
      createFailures.push({
        id: `new:${o.index}`,
        state: o.state === 'unknown' ? 'unknown' : 'failed',
        message: `create of slice ${o.index + 1} ${o.state === 'unknown' ? 'may or may not have happened' : 'failed'}: ${o.message}`,
      });
  }
  const updateOutcomes = await applyUpdates(gateway, plan);
  for (const o of updateOutcomes) {
    const id = plan.updates[o.index]?.id;
    if (id && o.state !== 'ok') messages.set(id, o.message);
  }
  const archiveOutcomes = plan.archives.length
    ? await gateway.archiveTargets(plan.archives.map((a) => a.id))
    : [];
  for (const o of archiveOutcomes) if (o.state !== 'ok') messages.set(o.id, o.message);

  // 5. Verify: what HubSpot holds now decides, whatever the write calls answered.
  const touched = [...createdIds, ...plan.updates.map((u) => u.id), ...plan.archives.map((a) => a.id)];
  const { found } = touched.length ? await gateway.readByIds(touched) : { found: [] };
  const now = new Map(found.map((r) => [r.id, r]));
  const updateApplied = plan.updates.map((u) => holds(now.get(u.id), u.after));
  const archiveApplied = plan.archives.map((a) => !now.has(a.id));
  const createApplied = createdIds.map((id) => now.has(id));

  const allApplied =
    createFailures.length === 0 &&
    updateApplied.every(Boolean) &&
    archiveApplied.every(Boolean) &&
    createApplied.every(Boolean);
  if (allApplied) {
    return {
      kind: 'applied',
      createdIds,
      updatedIds: plan.updates.map((u) => u.id),
      archivedIds: plan.archives.map((a) => a.id),
      records: found,
    };
  }

  // Roll back what was applied: restore before-values, archive what was created, re-create what was archived.
  const restore = plan.updates.filter((_, i) => updateApplied[i]);
  const toArchive = createdIds.filter((_, i) => createApplied[i]);
  const toRecreate = plan.archives.filter((_, i) => archiveApplied[i]).map((a) => beforeById.get(a.id));
  if (restore.length)
    await gateway.updateTargets(restore.map((u) => ({ id: u.id, properties: toStrings(u.before) })));
  if (toArchive.length) await gateway.archiveTargets(toArchive);
  const recreated = toRecreate.length
    ? await gateway.createTargets(toRecreate.filter((r) => r !== undefined).map(writable))
    : [];

  const check = [...restore.map((u) => u.id), ...toArchive];
  const { found: after } = check.length ? await gateway.readByIds(check) : { found: [] };
  const afterById = new Map(after.map((r) => [r.id, r]));

  const slices: SliceOutcome[] = [...createFailures];
  plan.updates.forEach((u, i) => {
    if (!updateApplied[i]) {
      slices.push({ id: u.id, state: 'failed', message: messages.get(u.id) ?? 'the change did not hold' });
    } else if (holds(afterById.get(u.id), toStrings(u.before))) {
      slices.push({ id: u.id, state: 'rolled_back' });
    } else {
      slices.push({ id: u.id, state: 'applied', message: 'the change was applied and could not be undone' });
    }
  });
  createdIds.forEach((id, i) => {
    if (!createApplied[i]) slices.push({ id, state: 'failed', message: 'created but not readable' });
    else if (!afterById.has(id))
      slices.push({ id, state: 'rolled_back', message: 'created, then archived again' });
    else slices.push({ id, state: 'applied', message: 'created and could not be archived again' });
  });
  let r = 0;
  plan.archives.forEach((a, i) => {
    if (!archiveApplied[i]) {
      slices.push({ id: a.id, state: 'failed', message: messages.get(a.id) ?? 'still present' });
      return;
    }
    const outcome = recreated[r++];
    slices.push(
      outcome?.state === 'ok'
        ? { id: a.id, state: 'rolled_back', message: `archived, then re-created as #${outcome.record.id}` }
        : { id: a.id, state: 'applied', message: 'archived and could not be re-created' },
    );
  });
  const stuck = slices.some((s) => s.state === 'applied' || s.state === 'unknown');
  return { kind: stuck ? 'needs_attention' : 'rolled_back', slices };
}
