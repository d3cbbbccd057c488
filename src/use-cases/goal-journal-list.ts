/** `goal_journal_list` (F12): the change journal, newest first, optionally for one family. */
import type { Params, Result, SuccessOf } from '@goal-families/contract';
import { success } from '@goal-families/contract';
import type { UseCaseDeps } from './deps';
import { parseEntry, presentEntry } from './safe-write/journal';
import { guarded } from './support/guard';

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
    const entries = page.entries
      .map(parseEntry)
      .filter((e) => e !== null)
      .map(presentEntry);
    return success({ entries, nextCursor: page.after });
  });
}
