/**
 * `goal_journal_list` (F12): the change journal, newest first, optionally for one family and/or one
 * user. Every entry says what its signature check found; entries that fail it are listed (so that people
 * see them) but never undoable. The store pages by family; a user filter reads up to `USER_FILTER_PAGES`
 * store pages per call and returns the matches from whole pages (so a cursor never splits a page). The
 * cursor is opaque and checked like every other function's.
 */
import type { JournalEntryDto, Params, Result, SuccessOf } from '@goal-families/contract';
import { failure, success } from '@goal-families/contract';
import { z } from 'zod';
import type { UseCaseDeps } from './deps';
import { parseEntry, presentEntry } from './safe-write/journal';
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
    const entries: JournalEntryDto[] = [];
    let after = cursor ? cursor.after : null;
    for (let pages = 0; pages < (p.userId ? USER_FILTER_PAGES : 1); pages++) {
      const page = await deps.gateway.store.listJournal({
        limit: p.limit,
        ...(p.familyUuid ? { familyUuid: p.familyUuid } : {}),
        ...(after ? { after } : {}),
      });
      for (const record of page.entries) {
        const entry = parseEntry(record);
        if (!entry || (p.userId && entry.by.userId !== p.userId)) continue;
        const name = entry.assignee ? await names.name(entry.assignee.kind, entry.assignee.id) : undefined;
        entries.push(presentEntry(entry, name));
      }
      after = page.after;
      if (after === null || entries.length >= p.limit) break;
    }
    return success({
      entries,
      nextCursor: after === null ? null : encodeCursor({ after, family }),
    });
  });
}
