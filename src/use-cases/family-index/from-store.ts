/**
 * `goal_families_index` with `source: store`: the family index the health check keeps in the app's
 * store, answered in one call (one batch read by key; the schema listing too on a new function
 * instance): the Families tab shows its rows, and reads a family live when it is opened. With `refresh`, it is first brought up to date: the targets modified
 * since its watermark (one search per 200), their families in full (one `IN` search per 100), their
 * rows recomputed and health checked again, and the changed pages written back (one batch upsert).
 */
import type { Params } from '@goal-families/contract';
import {
  auditFamily,
  formatInstant,
  groupFamilies,
  PROP,
  parseTarget,
  type RawGoalTarget,
} from '@goal-families/domain';
import type { UseCaseDeps } from '../deps';
import { isEdgeFailure } from '../ports';
import { defaultZone, loadSettings } from '../safe-write/permissions';
import { encodeCursor } from '../support/cursor';
import {
  entryOf,
  type IndexRow,
  patchedRecords,
  readStoredIndex,
  rowOf,
  type StoredIndex,
} from './stored-index';

/** Changes made this long before a refresh may not show in its search yet: the watermark stays behind. */
export const REFRESH_LAG_MS = 60_000;
/** A refresh updates at most this many families; more changed since: the next full health check rebuilds. */
export const MAX_REFRESH_FAMILIES = 500;
/** A refresh stops reading after this long (the index is then answered as stored). */
export const REFRESH_BUDGET_MS = 5_000;

export type StoredIndexAnswer = {
  entries: ReturnType<typeof entryOf>[];
  nextCursor: null;
  budget: string;
  progress: number;
  scannedTargets: number;
  stored: { builtAt: string; freshAt: string } | null;
};

export async function answerFromStore(
  deps: UseCaseDeps,
  p: Params<'goal_families_index'>,
): Promise<StoredIndexAnswer> {
  const store = deps.gateway.store;
  let index = await readStoredIndex(store);
  let freshAt = index?.meta.watermark ?? 0;
  if (index && p.refresh) ({ index, freshAt } = await refreshIndex(deps, index));
  if (!index)
    return {
      entries: [],
      nextCursor: null,
      budget: encodeCursor(deps.gateway.rateUsage()),
      progress: 1,
      scannedTargets: 0,
      stored: null,
    };
  const rows = index.pages.flat();
  return {
    entries: rows.map(entryOf),
    nextCursor: null,
    budget: encodeCursor(deps.gateway.rateUsage()),
    progress: 1,
    scannedTargets: rows.reduce((n, r) => n + r[6], 0),
    stored: { builtAt: formatInstant(index.meta.builtAt), freshAt: formatInstant(freshAt) },
  };
}

/**
 * The stored index with the families changed since its watermark recomputed and written back; as it
 * was (and its watermark) when the refresh cannot finish in its budget or has too much to do.
 */
export async function refreshIndex(
  deps: UseCaseDeps,
  index: StoredIndex,
): Promise<{ index: StoredIndex; freshAt: number }> {
  const started = deps.now();
  const stale = { index, freshAt: index.meta.watermark };
  deps.gateway.setDeadline(started + REFRESH_BUDGET_MS);
  try {
    const hits = await deps.gateway.searchTargets({ modifiedAfterMs: index.meta.watermark }, [PROP.uuid]);
    const uuids = [...new Set(hits.map((h) => h.properties[PROP.uuid]).filter((u): u is string => !!u))];
    const freshAt = Math.max(index.meta.watermark, started - REFRESH_LAG_MS);
    if (uuids.length === 0) return { index, freshAt };
    if (uuids.length > MAX_REFRESH_FAMILIES) return stale;
    const changes = await rowsOf(deps, uuids);
    const patched = patchedRecords(
      index,
      changes,
      freshAt,
      deps.gateway.store.maxPayloadChars,
      new Date(started).toISOString(),
    );
    if (!patched) return stale;
    await deps.gateway.store.writeIndexRecords(patched.records);
    return { index: patched.index, freshAt };
  } catch (e) {
    if (!isEdgeFailure(e)) throw e;
    return stale;
  } finally {
    deps.gateway.setDeadline(undefined);
  }
}

/**
 * These families' rows, each read whole and health checked as the health check does (the settings'
 * default zone); a family HubSpot no longer has any slice of is removed (null).
 */
export async function rowsOf(
  deps: UseCaseDeps,
  uuids: readonly string[],
): Promise<Map<string, IndexRow | null>> {
  const zone = defaultZone((await loadSettings(deps.gateway.store)).settings);
  const records = await deps.gateway.searchByUuids(uuids);
  const { families } = groupFamilies(records.map((r) => parseTarget(r as RawGoalTarget)));
  const changes = new Map<string, IndexRow | null>(uuids.map((u) => [u, null]));
  for (const family of families)
    changes.set(family.uuid, rowOf(family, auditFamily(family, { timeZone: zone }), deps.now()));
  return changes;
}
