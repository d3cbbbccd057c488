/**
 * `goal_journal_list` (F12): the change journal, newest first, optionally for one family and/or one
 * user; each entry says whether it can be undone and, if not, why. Whether a family "changed since"
 * its newest change is one search over the page's candidate families (slices modified after that
 * change was recorded). Every entry says what its signature check found; entries that fail it (and
 * pending entries copied from elsewhere) are listed, so that people see them, but never undoable or
 * resolvable. The store pages by family; a user filter reads up to `USER_FILTER_PAGES` store pages
 * per call and returns the matches from whole pages (so a cursor never splits a page). The cursor is
 * opaque and checked like every other function's.
 */
import type { JournalEntryDto, Params, Result, SuccessOf } from '@goal-families/contract';
import { failure, success } from '@goal-families/contract';
import { z } from 'zod';
import type { UseCaseDeps } from './deps';
import { type Entry, notUndoableReason, parseEntry, presentEntry } from './safe-write/journal';
import { checkPendingEntries, isNewestKey } from './safe-write/journal-lifecycle';
import { decodeCursor, encodeCursor } from './support/cursor';
import { guarded } from './support/guard';
import { createNameBook } from './support/names';

/** Store pages one call reads at most when filtering by user (each `limit` entries). */
export const USER_FILTER_PAGES = 5;

/** HubSpot's search paging token and the family the pages are of. */
const JournalCursor = z.strictObject({
  after: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  family: z.string().nullable(),
});

const isNewest = (e: Entry) => isNewestKey(e.key, e.familyUuid);

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
    const cursor = decodeCursor(p.cursor, JournalCursor);
    const family = p.familyUuid ?? null;
    if (cursor === 'invalid' || (cursor && cursor.family !== family)) {
      return failure('VALIDATION_ERROR', 'cursor is not one this function returned for this journal', {
        issues: [{ path: ['cursor'], code: 'custom', message: 'is not one this function returned' }],
      });
    }
    const names = createNameBook(deps.gateway);
    const parsed: Entry[] = [];
    let after = cursor ? cursor.after : null;
    for (let pages = 0; pages < (p.userId ? USER_FILTER_PAGES : 1); pages++) {
      const page = await deps.gateway.store.listJournal({
        limit: p.limit,
        ...(p.familyUuid ? { familyUuid: p.familyUuid } : {}),
        ...(after ? { after } : {}),
      });
      for (const record of page.entries) {
        const entry = parseEntry(record);
        if (!entry || (p.userId && entry.payload.by.userId !== p.userId)) continue;
        parsed.push(entry);
      }
      after = page.after;
      if (after === null || parsed.length >= p.limit) break;
    }
    const checked = await checkPendingEntries(deps.gateway.store, parsed);
    const candidates = checked.filter(
      (e) => notUndoableReason(e, { newest: isNewest(e), changedSince: false }) === null,
    );
    const changed = await changedSince(deps, candidates);
    const entries: JournalEntryDto[] = [];
    for (const e of checked) {
      const who = e.payload.assignee;
      const name = who ? await names.name(who.kind, who.id) : undefined;
      entries.push(presentEntry(e, { newest: isNewest(e), changedSince: changed.has(e.familyUuid) }, name));
    }
    return success({
      entries,
      nextCursor: after === null ? null : encodeCursor({ after, family }),
    });
  });
}
