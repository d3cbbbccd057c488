/**
 * After one of the app's own changes: the changed family's row of the stored index, recomputed from
 * the family as the change left it (no search, so no lag) and written back in the same invocation
 * (the index itself was read with the change's other records from the store, in the same call).
 * Best effort, within what is left of the invocation: a failure here is not a failed change (the
 * refresh or the next health check brings the row up to date).
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

/**
 * `stored`: the store's records the change read before it wrote (`ALL_INDEX_KEYS` among them): the
 * index as it was then, so that only the write is left for now. A change to another family written
 * since is lost from its row until the next refresh, which re-reads what changed after the watermark.
 */
export async function updateIndexRow(
  deps: UseCaseDeps,
  uuid: string,
  records: readonly CrmRecord[],
  stored: readonly StoredRecord[],
): Promise<void> {
  const now = deps.now();
  const started = deps.startedAt ?? now;
  const until = Math.min(now + INDEX_UPDATE_MS, started + timeLimitOf(deps) * LAST_SHARE);
  if (until <= now) return;
  deps.gateway.setDeadline(until);
  try {
    const store = deps.gateway.store;
    const index = storedIndexOf(stored);
    if (!index) return;
    // The settings were read by this invocation already (once per invocation): no further call.
    const zone = defaultZone((await loadSettings(store)).settings);
    const family = groupFamilies(records.map((r) => parseTarget(r as RawGoalTarget))).families.find(
      (f) => f.uuid === uuid,
    );
    const row = family ? rowOf(family, auditFamily(family, { timeZone: zone }), deps.now()) : null;
    const patched = patchedRecords(
      index,
      new Map([[uuid, row]]),
      index.meta.watermark,
      store.maxPayloadChars,
      new Date(deps.now()).toISOString(),
    );
    if (patched) await store.writeIndexRecords(patched.records);
  } catch (e) {
    if (!isEdgeFailure(e) && !(e instanceof RangeError)) throw e;
  } finally {
    deps.gateway.setDeadline(undefined);
  }
}
