/**
 * `goal_journal_list` (F12): the change journal, newest first, optionally for one family. Every entry
 * says what its signature check found; entries that fail it are listed (so that people see them) but
 * never undoable. The cursor is opaque and checked like every other function's.
 */
import type { Params, Result, SuccessOf } from '@goal-families/contract';
import { failure, success } from '@goal-families/contract';
import { z } from 'zod';
import type { UseCaseDeps } from './deps';
import { parseEntry, presentEntry } from './safe-write/journal';
import { decodeCursor, encodeCursor } from './support/cursor';
import { guarded } from './support/guard';

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
    const page = await deps.gateway.store.listJournal({
      limit: p.limit,
      ...(p.familyUuid ? { familyUuid: p.familyUuid } : {}),
      ...(cursor ? { after: cursor.after } : {}),
    });
    const entries = page.entries
      .map(parseEntry)
      .filter((e) => e !== null)
      .map(presentEntry);
    return success({
      entries,
      nextCursor: page.after === null ? null : encodeCursor({ after: page.after, family }),
    });
  });
}
