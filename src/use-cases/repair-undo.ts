/** F9 repair of one finding and F12 undo of a family's last change, through the safe-write protocol. */
import type { JournalEntryDto, MutationResultDto, Params } from '@goal-families/contract';
import { failure, type Result, success } from '@goal-families/contract';
import { auditFamily, planRepair, planUndo } from '@goal-families/domain';
import type { UseCaseDeps } from './deps';
import { notFound, planOrFailure } from './family-mutations';
import { guarded } from './guard';
import { parseEntry, presentEntry } from './journal';
import { runMutation } from './mutation';
import { loadFamily } from './read-family';

export function repairFamily(
  deps: UseCaseDeps,
  p: Params<'goal_family_repair'>,
): Promise<Result<MutationResultDto>> {
  return guarded(() =>
    runMutation(deps, p, {
      load: () => loadFamily(deps.gateway, p.uuid),
      plan: ({ family, uuid }) => {
        if (family === null) return notFound(uuid);
        const finding = auditFamily(family, { timeZone: p.portal.timeZone }).find(
          (f) => f.id === p.findingId,
        );
        if (!finding) {
          return failure(
            'NOT_FOUND',
            'That finding is no longer present: the family may have been repaired already. Run the health check again.',
            {
              findingId: p.findingId,
            },
          );
        }
        return planOrFailure(planRepair({ uuid: family.uuid, slices: family.slices }, finding));
      },
    }),
  );
}

export function undoChange(
  deps: UseCaseDeps,
  p: Params<'goal_change_undo'>,
): Promise<Result<MutationResultDto>> {
  return guarded(async () => {
    const stored = await deps.gateway.store.readJournal(p.entryId);
    const entry = stored ? parseEntry(stored) : null;
    if (!entry) return failure('NOT_FOUND', `No journal entry ${p.entryId}.`, { entryId: p.entryId });
    if (entry.undoneBy !== null) {
      return failure('CONFLICT', 'This change was undone already.', { undoneBy: entry.undoneBy });
    }
    if (!entry.undoable)
      return failure('VALIDATION_ERROR', `A "${entry.operation}" change cannot be undone.`);
    const { entries } = await deps.gateway.store.listJournal({ familyUuid: entry.familyUuid, limit: 1 });
    const newest = entries[0];
    if (newest && newest.id !== entry.id) {
      return failure('CONFLICT', 'Only the last change of a goal can be undone, and a later one exists.', {
        newestEntryId: newest.id,
      });
    }
    const changes = presentEntry(entry).changes;
    return runMutation(deps, p, {
      load: () => loadFamily(deps.gateway, entry.familyUuid, [...new Set(changes.map((c) => c.id))]),
      plan: ({ family, uuid }) =>
        family === null ? notFound(uuid) : planOrFailure(planUndo(family, changes)),
      undoes: entry.id,
    });
  });
}

export function listJournal(
  deps: UseCaseDeps,
  p: Params<'goal_journal_list'>,
): Promise<Result<{ entries: JournalEntryDto[]; nextCursor: string | null }>> {
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
