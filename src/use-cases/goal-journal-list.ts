/**
 * `goal_journal_list` (F12): the change journal, newest first, optionally for one family and/or one
 * user. The store pages by family; a user filter reads up to `USER_FILTER_PAGES` store pages per call
 * and returns the matches from whole pages (so a cursor never splits a page).
 */
import type { JournalEntryDto, Params, Result, SuccessOf } from '@goal-families/contract';
import { success } from '@goal-families/contract';
import type { UseCaseDeps } from './deps';
import { parseEntry, presentEntry } from './safe-write/journal';
import { guarded } from './support/guard';
import { createNameBook } from './support/names';

/** Store pages one call reads at most when filtering by user (each `limit` entries). */
export const USER_FILTER_PAGES = 5;

export function listJournal(
  deps: UseCaseDeps,
  p: Params<'goal_journal_list'>,
): Promise<Result<SuccessOf<'goal_journal_list'>>> {
  return guarded(async () => {
    const names = createNameBook(deps.gateway);
    const entries: JournalEntryDto[] = [];
    let after = p.cursor ?? null;
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
    return success({ entries, nextCursor: after });
  });
}
