/**
 * After one of the app's own changes: the changed family's row of the stored index, recomputed from
 * the family as the change left it (no search, so no lag) and written back in the same invocation
 * (the index itself was read with the change's other records from the store, in the same call; the
 * pages that exist are written with the journal's close, in its batch update). Best effort: a failure
 * here is not a failed change (the refresh or the next health check brings the row up to date).
 */
import { auditFamily, groupFamilies, parseTarget, type RawGoalTarget } from '@goal-families/domain';
import type { UseCaseDeps } from '../deps';
import { type CrmRecord, isEdgeFailure, type StoredRecord } from '../ports';
import { timeLimitOf } from '../safe-write/deadlines';
import { defaultZone, loadSettings } from '../safe-write/permissions';
import { patchedRecords, rowOf, storedIndexOf } from './stored-index';

/** At most this long for writing the index after a change. */
export const INDEX_UPDATE_MS = 1_000;
/** And never past this share of the invocation's time limit. */
const LAST_SHARE = 0.95;

/** An index record to write: its key, content and time. */
export type IndexRecordWrite = { key: string; payload: unknown; at: string };

/**
 * The index records a change's family row needs written, or none (no usable index, the row does not
 * fit). `stored`: the store's records the change read before it wrote (`ALL_INDEX_KEYS` among them):
 * the index as it was then, so that only the write is left for now. A change to another family written
 * since is lost from its row until the next refresh, which re-reads what changed after the watermark.
 */
export async function indexRowWrites(
  deps: UseCaseDeps,
  uuid: string,
  records: readonly CrmRecord[],
  stored: readonly StoredRecord[],
): Promise<IndexRecordWrite[]> {
  const store = deps.gateway.store;
  const index = storedIndexOf(stored);
  if (!index) return [];
  // The settings were read by this invocation already (once per invocation): no further call.
  const settings = await loadSettings(store).catch((e: unknown) => {
    if (isEdgeFailure(e)) return null;
    throw e;
  });
  if (!settings) return [];
  const zone = defaultZone(settings.settings);
  const family = groupFamilies(records.map((r) => parseTarget(r as RawGoalTarget))).families.find(
    (f) => f.uuid === uuid,
  );
  const row = family ? rowOf(family, auditFamily(family, { timeZone: zone }), deps.now()) : null;
  try {
    const patched = patchedRecords(
      index,
      new Map([[uuid, row]]),
      index.meta.watermark,
      store.maxPayloadChars,
      new Date(deps.now()).toISOString(),
    );
    return patched?.records ?? [];
  } catch (e) {
    if (e instanceof RangeError) return [];
    throw e;
  }
}

/**
 * Writes index records (by batch upsert on their keys) within what is left of the invocation, best
 * effort: a failure is not a failed change.
 */
export async function writeIndexRecordsInTime(
  deps: UseCaseDeps,
  records: readonly IndexRecordWrite[],
): Promise<void> {
  if (records.length === 0) return;
  const now = deps.now();
  const started = deps.startedAt ?? now;
  const until = Math.min(now + INDEX_UPDATE_MS, started + timeLimitOf(deps) * LAST_SHARE);
  if (until <= now) return;
  deps.gateway.setDeadline(until);
  try {
    await deps.gateway.store.writeIndexRecords(records);
  } catch (e) {
    if (!isEdgeFailure(e) && !(e instanceof RangeError)) throw e;
  } finally {
    deps.gateway.setDeadline(undefined);
  }
}
