/**
 * `goal_change_undo` (F12): undo a family's newest change, through the safe-write protocol. The
 * journal entry names what the change did explicitly: updated values come back (an empty one is
 * cleared), created slices are archived, archived slices are re-created. Refused, with the reason in
 * plain words, when the caller may not change goals (checked before the entry is read), the entry
 * fails its signature check, the change is not the family's newest, did not finish, or the goal
 * changed since.
 */
import type { Failure, MutationResultDto, Params, Result } from '@goal-families/contract';
import { failure } from '@goal-families/contract';
import { planUndo } from '@goal-families/domain';
import type { UseCaseDeps } from './deps';
import {
  type Entry,
  isUnfinished,
  notUndoableReason,
  parseEntry,
  recordedChange,
  untrustedReason,
} from './safe-write/journal';
import { isNewestKey } from './safe-write/journal-lifecycle';
import { requireEditor } from './safe-write/permissions';
import { planOrFailure } from './safe-write/plan-result';
import { loadFamily } from './safe-write/read-family';
import { runMutation } from './safe-write/run-mutation';
import { guarded } from './support/guard';

/** The ids a recorded change touched (read by id: they may be missing from a lagging search). */
export const touchedIds = (entry: Entry): string[] => {
  const c = recordedChange(entry);
  return [...new Set([...c.updates.map((u) => u.id), ...c.createdIds, ...c.archives.map((a) => a.id)])];
};

/**
 * A record changed outside the app (or unsigned while the app signs) never drives a write: the
 * refusal for undo and resolve.
 */
export function untrustedRefusal(entry: Entry): Failure | null {
  if (entry.trusted) return null;
  return failure('VALIDATION_ERROR', untrustedReason(entry), {
    reason: 'UNTRUSTED_ENTRY',
    entryId: entry.id,
    integrity: entry.integrity,
  });
}

/** The refusal for an entry that cannot be undone, with a reason the UI can word. */
function notUndoable(entry: Entry, newest: boolean) {
  const reason = notUndoableReason(entry, { newest, changedSince: false });
  if (reason === null) return null;
  const code = entry.payload.undoneBy
    ? 'ALREADY_UNDONE'
    : isUnfinished(entry)
      ? 'UNFINISHED_CHANGE'
      : !newest && !entry.legacy && !entry.payload.truncated && entry.payload.state === 'applied'
        ? 'NOT_NEWEST'
        : 'NOT_UNDOABLE';
  return failure('CONFLICT', reason, {
    reason: code,
    entryId: entry.id,
    ...(entry.payload.undoneBy ? { undoneBy: entry.payload.undoneBy } : {}),
  });
}

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
      return failure('NOT_FOUND', 'This change is not in the activity log.', {
        reason: 'ENTRY_GONE',
        entryId: p.entryId,
      });
    const untrusted = untrustedRefusal(entry);
    if (untrusted) return untrusted;
    // The newest change is the one under the family's newest key; a record that fails its check is
    // never there for long (a change sets it aside), and never counts as newer than the real one.
    const refusal = notUndoable(entry, isNewestKey(entry.key, entry.familyUuid));
    if (refusal) return refusal;
    const change = recordedChange(entry);
    return runMutation(deps, p, {
      uuid: entry.familyUuid,
      load: (known) => loadFamily(deps.gateway, entry.familyUuid, [...known, ...touchedIds(entry)]),
      plan: (loaded, _settings, journal) => {
        // A change saved since the check above makes this one no longer the newest.
        if (journal.last?.id !== entry.id)
          return notUndoable(entry, false) ?? failure('CONFLICT', 'Preview again.');
        const undo = planUndo(change, loaded.family?.slices ?? [], Date.parse(entry.version));
        if (!undo.ok && undo.error.code === 'CHANGED_SINCE') {
          return failure(
            'CONFLICT',
            'This goal changed after this change was made, so undoing it would overwrite those later edits. Nothing was changed.',
            { reason: 'CHANGED_SINCE', entryId: entry.id },
          );
        }
        return planOrFailure(undo);
      },
      familyName: () => entry.payload.familyName,
      undoes: entry,
    });
  });
}
