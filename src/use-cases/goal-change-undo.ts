/** `goal_change_undo` (F12): undo a family's newest journalled change, through the safe-write protocol. */
import type { MutationResultDto, Params, Result } from '@goal-families/contract';
import { failure } from '@goal-families/contract';
import { planUndo } from '@goal-families/domain';
import type { UseCaseDeps } from './deps';
import { parseEntry, presentEntry } from './safe-write/journal';
import { requireEditor } from './safe-write/permissions';
import { planOrFailure, withFamily } from './safe-write/plan-result';
import { loadFamily } from './safe-write/read-family';
import { runMutation } from './safe-write/run-mutation';
import { guarded } from './support/guard';

/** How many of a family's newest journal records are read to find the newest one that passes its check. */
const NEWEST_ENTRIES_READ = 25;

export function undoChange(
  deps: UseCaseDeps,
  p: Params<'goal_change_undo'>,
): Promise<Result<MutationResultDto>> {
  return guarded(async () => {
    // Who may undo is decided before anything about the entry is read or revealed.
    const forbidden = await requireEditor(deps.gateway, p.caller);
    if (forbidden) return forbidden;
    const stored = await deps.gateway.store.readJournal(p.entryId);
    const entry = stored ? parseEntry(stored) : null;
    if (!entry)
      return failure('NOT_FOUND', `No journal entry ${p.entryId}.`, {
        reason: 'ENTRY_GONE',
        entryId: p.entryId,
      });
    // A record changed outside the app (or unsigned while the app signs) never drives a write.
    if (!entry.trusted) {
      return failure(
        'VALIDATION_ERROR',
        entry.integrity === 'tampered'
          ? 'This change record was altered outside the app, so it cannot be undone.'
          : 'This change record was not signed by the app, so it cannot be undone.',
        { reason: 'UNTRUSTED_ENTRY', integrity: entry.integrity },
      );
    }
    if (entry.undoneBy !== null) {
      return failure('CONFLICT', 'This change was undone already.', {
        reason: 'UNDONE_ALREADY',
        undoneBy: entry.undoneBy,
      });
    }
    if (!entry.undoable)
      return failure('VALIDATION_ERROR', `A "${entry.operation}" change cannot be undone.`, {
        reason: 'NOT_UNDOABLE',
      });
    // The newest entry that can be believed: a forged "newer" record must not block the undo.
    const { entries } = await deps.gateway.store.listJournal({
      familyUuid: entry.familyUuid,
      limit: NEWEST_ENTRIES_READ,
    });
    const newest = entries.find((e) => e.trusted);
    if (!newest || newest.id !== entry.id) {
      return failure('CONFLICT', 'Only the last change of a goal can be undone, and a later one exists.', {
        reason: 'NOT_LAST_CHANGE',
        newestEntryId: newest?.id ?? null,
      });
    }
    const changes = presentEntry(entry).changes;
    return runMutation(deps, p, {
      load: () => loadFamily(deps.gateway, entry.familyUuid, [...new Set(changes.map((c) => c.id))]),
      plan: withFamily(({ family }) => planOrFailure(planUndo(family, changes))),
      undoes: entry.id,
    });
  });
}
