/**
 * `goal_change_resolve`: finish or roll back a change that did not finish (its invocation died, or
 * writing and rolling back both failed). The plan is computed from the journal entry against the
 * family as it is now, so it names exactly the slices that still differ; it is previewed like every
 * change, applied through the same protocol, and closes the entry. Only editors may (checked before
 * the entry is read), and only for an entry that passes its signature check and is still the family's
 * unfinished change (read again by key: a copy of an earlier pending entry is not).
 */
import type { MutationResultDto, Params, Result } from '@goal-families/contract';
import { failure, success } from '@goal-families/contract';
import { planFinish, planRollBack } from '@goal-families/domain';
import type { UseCaseDeps } from './deps';
import { touchedIds, untrustedRefusal } from './goal-change-undo';
import { isUnfinished, parseEntry, recordedChange } from './safe-write/journal';
import { requireEditor } from './safe-write/permissions';
import { loadFamily } from './safe-write/read-family';
import { runMutation } from './safe-write/run-mutation';
import { guarded } from './support/guard';

export function resolveChange(
  deps: UseCaseDeps,
  p: Params<'goal_change_resolve'>,
): Promise<Result<MutationResultDto>> {
  return guarded(async () => {
    const forbidden = await requireEditor(deps.gateway, p.caller);
    if (forbidden) return forbidden;
    const stored = await deps.gateway.store.readJournal(p.entryId);
    const entry = stored ? parseEntry(stored) : null;
    if (!entry)
      return failure('NOT_FOUND', 'This change is not in the activity log.', { entryId: p.entryId });
    const untrusted = untrustedRefusal(entry);
    if (untrusted) return untrusted;
    if (!isUnfinished(entry)) {
      return failure('CONFLICT', 'This change is not unfinished: there is nothing to finish or roll back.', {
        reason: 'NOT_UNFINISHED',
        entryId: entry.id,
      });
    }
    if (entry.payload.truncated) {
      return failure(
        'CONFLICT',
        'This change was too large to record in full, so the app cannot finish or roll it back. Run the health check and repair the goal.',
        { reason: 'NOT_RESOLVABLE', entryId: entry.id },
      );
    }
    const change = recordedChange(entry);
    return runMutation(deps, p, {
      uuid: entry.familyUuid,
      resolves: { entry, action: p.action },
      load: (known) =>
        loadFamily(deps.gateway, entry.familyUuid, [...known, ...change.beforeIds, ...touchedIds(entry)]),
      plan: (loaded) => {
        const slices = loaded.family?.slices ?? [];
        return success({
          plan: p.action === 'finish' ? planFinish(change, slices) : planRollBack(change, slices),
        });
      },
      familyName: () => entry.payload.familyName,
    });
  });
}
