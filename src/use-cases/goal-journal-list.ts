/**
 * `goal_journal_list` (F12): the change journal, newest first, optionally for one family; each entry
 * says whether it can be undone and, if not, why. Whether a family "changed since" its newest change
 * is one search over the page's candidate families (slices modified after that change was recorded).
 */
import type { Params, Result, SuccessOf } from '@goal-families/contract';
import { success } from '@goal-families/contract';
import type { UseCaseDeps } from './deps';
import { type Entry, notUndoableReason, parseEntry, presentEntry } from './safe-write/journal';
import { journalKeys } from './safe-write/journal-lifecycle';
import { guarded } from './support/guard';

const isNewest = (e: Entry) => e.key === journalKeys.last(e.familyUuid);

/** The families (of these undo candidates) with a slice modified after their newest change was recorded. */
async function changedSince(deps: UseCaseDeps, candidates: Entry[]): Promise<Set<string>> {
  if (candidates.length === 0) return new Set();
  const closedAt = new Map(candidates.map((e) => [e.familyUuid, Date.parse(e.version)]));
  const since = Math.min(...closedAt.values());
  const records = await deps.gateway.searchTargets(
    { uuids: [...closedAt.keys()].slice(0, 100), modifiedAfterMs: since },
    ['hs_group_correlation_uuid', 'hs_lastmodifieddate'],
  );
  const changed = new Set<string>();
  for (const r of records) {
    const uuid = r.properties.hs_group_correlation_uuid ?? '';
    const modified = Date.parse(r.properties.hs_lastmodifieddate ?? '');
    const at = closedAt.get(uuid);
    if (at !== undefined && modified > at) changed.add(uuid);
  }
  return changed;
}

export function listJournal(
  deps: UseCaseDeps,
  p: Params<'goal_journal_list'>,
): Promise<Result<SuccessOf<'goal_journal_list'>>> {
  return guarded(async () => {
    const page = await deps.gateway.store.listJournal({
      limit: p.limit,
      ...(p.familyUuid ? { familyUuid: p.familyUuid } : {}),
      ...(p.cursor ? { after: p.cursor } : {}),
    });
    const entries = page.entries.map(parseEntry).filter((e) => e !== null);
    const candidates = entries.filter(
      (e) => notUndoableReason(e, { newest: isNewest(e), changedSince: false }) === null,
    );
    const changed = await changedSince(deps, candidates);
    return success({
      entries: entries.map((e) =>
        presentEntry(e, { newest: isNewest(e), changedSince: changed.has(e.familyUuid) }),
      ),
      nextCursor: page.after,
    });
  });
}
