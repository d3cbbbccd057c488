/**
 * The safe-write protocol for every mutation: permission (roles looked up) and the family's journal
 * (by key, read with the settings in one call; records that fail their check decide nothing) → read →
 * check search against the journal → plan → (dryRun: preview) → check version → set aside untrusted
 * records under the family's keys → record the plan as pending (write-ahead, signed; the family's lock,
 * refused when another change was applied since the journal was read) → apply → verify (→ roll back)
 * → close the record (signed anew). Use cases supply only how to read and what to plan. docs/safe-writes.md
 * explains each step; docs/security.md the signatures.
 */

import type {
  Caller,
  Failure,
  JournalOutcome,
  MutationResultDto,
  PlanDto,
  SettingsDto,
} from '@goal-families/contract';
import { failure, type Result, success } from '@goal-families/contract';
import {
  familyGrid,
  familyVersion,
  incompleteness,
  isEmptyPlan,
  type Plan,
  withNotification,
} from '@goal-families/domain';
import type { UseCaseDeps } from '../deps';
import { ALL_INDEX_KEYS } from '../family-index/stored-index';
import { indexRowWrites, writeIndexRecordsInTime } from '../family-index/update-row';
import type { CrmRecord } from '../ports';
import { createNameBook, NO_NAMES } from '../support/names';
import { presentPlan } from '../support/present-plan';
import { type ApplyReport, applyPlan } from './apply-plan';
import { deadlinesOf, SEARCH_LAG_BOUND_MS, timeLimitOf } from './deadlines';
import { checkFamilySize, plannedChanges } from './family-size';
import { type Entry, type JournalFamily, membersAfter, pendingEntry, untrustedReason } from './journal';
import {
  closeEntry,
  type FamilyJournal,
  familyJournalKeys,
  familyJournalOf,
  openEntry,
  setAsideUntrusted,
} from './journal-lifecycle';
import { defaultZone, editorCheck } from './permissions';
import type { LoadedFamily } from './read-family';

export type MutationParams = {
  caller: Caller;
  portal: { timeZone: string };
  dryRun: boolean;
  version?: string | undefined;
  /** F17: set `hs_should_notify_on_edit_updates` on every target written. */
  notify?: boolean | undefined;
};

type Describe = { milestone?: string; timeZone?: string; scale?: string };

export type MutationSpec = {
  /** The family the change writes to: its journal entries and its lock. */
  uuid: string;
  /** Reads the family; `knownIds` are slices the journal says it holds (read by id: no search lag). */
  load: (knownIds: readonly string[]) => Promise<LoadedFamily>;
  /**
   * The plan, or a failure result (NOT_FOUND, VALIDATION_ERROR, ...). `settings` are the app settings
   * the permission check read (the default time zone, the fiscal year); `journal` the family's entries.
   */
  plan: (
    loaded: LoadedFamily,
    settings: SettingsDto,
    journal: FamilyJournal,
  ) => Result<{ plan: Plan }> | Promise<Result<{ plan: Plan }>>;
  /** The family's name for the journal. */
  familyName?: (loaded: LoadedFamily, plan: Plan) => string;
  /** The journal entry this mutation undoes. */
  undoes?: Entry;
  /**
   * The change applies to the whole family (rename, re-spread, archive): a family larger than
   * `MAX_SLICES_PER_INVOCATION` is refused before planning, and a family that search may not show
   * in full yet (see `searchBehind`) is refused with "try again in a few seconds".
   */
  familyWide?: boolean;
  /** `goal_target_update`: its one update goes through PATCH (everything else: batch update). */
  patchSingle?: boolean;
  /** Finishing or rolling back this unfinished entry: it is the change's record and the lock. */
  resolves?: { entry: Entry; action: 'finish' | 'roll_back' };
  /**
   * How the preview labels periods when the loaded family does not say (create, clone: the new goal's
   * period length and zone), and a clone's scale; a function when it depends on the settings (the
   * default zone a new goal starts in).
   */
  describe?: Describe | ((settings: SettingsDto) => Describe);
  /** What the journal records besides the plan: a CSV import, the assignee added or removed. */
  journal?: Pick<JournalFamily, 'source' | 'assignee'>;
};

/** A mutation's result, with the family's records after it (for callers that present more). */
export type MutationRun = {
  result: Result<MutationResultDto>;
  /** The family's records after an applied change, or as read (preview, refusals after the read). */
  records: CrmRecord[] | null;
};

const NOT_RECORDED: JournalOutcome = { recorded: false, problem: null };

/** A pending entry younger than an invocation's time limit may belong to an invocation still running. */
const mayStillRun = (entry: Entry, nowMs: number, limitMs: number) =>
  entry.payload.state === 'pending' && nowMs - Date.parse(entry.payload.at) < limitMs;

/** A change another invocation holds the lock for: running now, or interrupted and unfinished. */
export function lockRefusal(entry: Entry, nowMs: number, limitMs: number): Failure {
  return mayStillRun(entry, nowMs, limitMs)
    ? failure(
        'CONFLICT',
        'Another change to this goal is being saved right now. Nothing was changed by this one. Try again in a few seconds.',
        { reason: 'CHANGE_IN_PROGRESS', entryId: entry.id },
      )
    : failure(
        'CONFLICT',
        'An earlier change to this goal did not finish, so the goal may be half-changed. Nothing was changed now. In the app settings, open Activity or the health check to finish that change or roll it back, then try again.',
        { reason: 'UNFINISHED_CHANGE', entryId: entry.id },
      );
}

/**
 * Search lags a few seconds behind writes. What the journal knows is read by id already; a family
 * that still looks incomplete (a target group short of whole years, a gap in its periods) and has
 * slices changed within the lag bound that the journal does not account for may be missing slices
 * search does not show yet: refuse rather than change part of it.
 */
export function searchBehind(
  loaded: LoadedFamily,
  last: Entry | null,
  nowMs: number,
  timeZone: string,
): Failure | null {
  const family = loaded.family;
  if (family === null) return null;
  const problems = incompleteness(family, { timeZone });
  if (problems.length === 0) return null;
  const accountedUntil = last ? Date.parse(last.version) : Number.NEGATIVE_INFINITY;
  const since = nowMs - SEARCH_LAG_BOUND_MS;
  const unexplained = family.slices.filter((s) => {
    const changed = Math.max(s.createdMs ?? 0, s.lastModifiedMs ?? 0);
    return changed > since && changed > accountedUntil;
  });
  if (unexplained.length === 0) return null;
  return failure(
    'CONFLICT',
    "This goal changed seconds ago and HubSpot's search has not caught up yet, so some of its slices may not be visible. Nothing was changed. Try again in a few seconds.",
    { reason: 'SEARCH_BEHIND', problems },
  );
}

/** The family's records after the change: those read before, with the touched ones as read back. */
function recordsAfter(loaded: LoadedFamily, report: ApplyReport): CrmRecord[] {
  const byId = new Map<string, CrmRecord>(loaded.records.map((r) => [r.id, r]));
  for (const id of report.archivedIds) byId.delete(id);
  for (const r of report.records) byId.set(r.id, r);
  return [...byId.values()];
}

function failedResult(report: ApplyReport, entryId: string, journal: JournalOutcome): Failure {
  if (report.kind === 'needs_attention') {
    return failure(
      'NEEDS_ATTENTION',
      'Part of this change was saved and part was not, and it could not be undone automatically: the goal is half-changed. Each slice’s state is listed. In the app settings, open Activity to finish the change or roll it back.',
      { slices: report.slices, journalEntryId: entryId, journal },
    );
  }
  const reason = report.stoppedBy === 'deadline' ? 'DEADLINE' : 'WRITE_FAILED';
  const message =
    report.stoppedBy === 'deadline'
      ? 'HubSpot was too slow (or asked us to wait too long) to finish this change in time, so it was stopped and everything it had changed was undone. The goal is as it was. Try again in a minute.'
      : report.wroteAnything
        ? 'Some slices could not be changed, so every change that had been applied was undone. The goal is as it was.'
        : 'HubSpot refused the change, so nothing was changed. The goal is as it was.';
  return failure('PARTIAL_FAILURE_ROLLED_BACK', message, {
    slices: report.slices,
    reason,
    journalEntryId: entryId,
  });
}

export async function runMutation(
  deps: UseCaseDeps,
  params: MutationParams,
  spec: MutationSpec,
): Promise<Result<MutationResultDto>> {
  return (await executeMutation(deps, params, spec)).result;
}

const changedMeanwhile = failure(
  'CONFLICT',
  'Another change to this goal was saved while yours was being prepared, so yours was not applied: nothing of it was written. Preview again to see the goal as it is now.',
  { reason: 'CHANGED_MEANWHILE' },
);

/**
 * Runs the protocol. A change that found, as it was about to write, that another change had been
 * applied since it read the goal starts over once when the caller named no version (nothing was
 * previewed that it must match: as if the call came a moment later); with a version the caller
 * previews again.
 */
export async function executeMutation(
  deps: UseCaseDeps,
  params: MutationParams,
  spec: MutationSpec,
): Promise<MutationRun> {
  const first = await attemptMutation(deps, params, spec);
  if (first !== 'stale') return first;
  if (params.version !== undefined) return { result: changedMeanwhile, records: null };
  const again = await attemptMutation(deps, params, spec);
  return again === 'stale' ? { result: changedMeanwhile, records: null } : again;
}

async function attemptMutation(
  deps: UseCaseDeps,
  params: MutationParams,
  spec: MutationSpec,
): Promise<MutationRun | 'stale'> {
  const refused = (result: Failure, records: CrmRecord[] | null = null): MutationRun => ({ result, records });
  const store = deps.gateway.store;
  // One read of the store for all it holds that this change needs: the settings (for the permission
  // check, which looks the caller up at the same time), the family's journal keys and, for a change
  // that will write, the family index (its row follows the change).
  const reading = store.readByKeys(
    [...familyJournalKeys(spec.uuid), ...(params.dryRun ? [] : ALL_INDEX_KEYS)],
    {
      settings: true,
    },
  );
  reading.catch(() => undefined); // awaited below unless the caller is refused first
  const { forbidden, settings } = await editorCheck(deps.gateway, params.caller);
  if (forbidden) return refused(forbidden);
  const stored = await reading;

  const journal = familyJournalOf(stored, spec.uuid);
  const resolving = spec.resolves?.entry;
  if (resolving && journal.open?.id !== resolving.id) {
    // Read again by key: the entry is no longer the family's unfinished change, or cannot be believed.
    const untrusted = journal.untrusted.find((e) => e.id === resolving.id);
    return refused(
      untrusted
        ? failure('VALIDATION_ERROR', untrustedReason(untrusted), {
            reason: 'UNTRUSTED_ENTRY',
            entryId: resolving.id,
            integrity: untrusted.integrity,
          })
        : failure(
            'CONFLICT',
            'This change is not unfinished any more: there is nothing to finish or roll back.',
            {
              reason: 'NOT_UNFINISHED',
              entryId: resolving.id,
            },
          ),
    );
  }
  if (journal.open && journal.open.id !== resolving?.id) {
    return refused(lockRefusal(journal.open, deps.now(), timeLimitOf(deps)));
  }
  const loaded = await spec.load(journal.last ? membersAfter(journal.last) : []);
  const wide = spec.familyWide ? checkFamilySize(loaded.records.length) : null;
  if (wide) return refused(wide, loaded.records);
  if (spec.familyWide) {
    const behind = searchBehind(loaded, journal.last, deps.now(), defaultZone(settings));
    if (behind) return refused(behind, loaded.records);
  }
  const planned = await spec.plan(loaded, settings, journal);
  if (!planned.ok) return refused(planned, loaded.records);
  // Any plan (repair, undo, clone, create) that writes more than one invocation can safely change.
  const tooMany = checkFamilySize(plannedChanges(planned.plan));
  if (tooMany) return refused(tooMany, loaded.records);
  const stamped = { ...planned.plan, version: loaded.version };
  const plan = params.notify ? withNotification(stamped, loaded.family?.slices ?? []) : stamped;
  if (resolving && mayStillRun(resolving, deps.now(), timeLimitOf(deps))) {
    // Finishing or rolling back a change that may still be running would race it: preview only.
    if (!params.dryRun) return refused(lockRefusal(resolving, deps.now(), timeLimitOf(deps)), loaded.records);
    plan.warnings = [
      ...plan.warnings,
      'This change started seconds ago and may still be running: you can apply this once it has had time to finish (a few seconds).',
    ];
  }
  const family = loaded.family;
  const describe = typeof spec.describe === 'function' ? spec.describe(settings) : spec.describe;
  const dto: PlanDto = await presentPlan(plan, {
    family,
    names: params.dryRun ? createNameBook(deps.gateway) : NO_NAMES,
    milestone: describe?.milestone ?? family?.milestone.value,
    // A goal's periods show in its own zone, read from its slices (the default zone breaks ties).
    timeZone:
      describe?.timeZone ??
      (family ? familyGrid(family, defaultZone(settings)).convention.timeZone : undefined),
    scale: describe?.scale,
  });
  if (params.dryRun)
    return { result: success({ dryRun: true as const, plan: dto }), records: loaded.records };

  if (params.version !== undefined && params.version !== loaded.version) {
    return refused(
      failure(
        'CONFLICT',
        'The goal changed since you previewed this change; nothing was written. Preview again.',
        { reason: 'GOAL_CHANGED', expectedVersion: params.version, currentVersion: loaded.version },
      ),
      loaded.records,
    );
  }
  const resolution = spec.resolves
    ? {
        action: spec.resolves.action,
        by: { userId: params.caller.userId },
        at: new Date(deps.now()).toISOString(),
      }
    : null;
  // Forged or altered records under the family's keys must not block it: moved aside, still shown.
  if (resolving || !isEmptyPlan(plan)) await setAsideUntrusted(store, journal);
  if (isEmptyPlan(plan)) {
    // Nothing to write; an unfinished change that needs nothing more is closed.
    let journalOutcome = NOT_RECORDED;
    if (resolving && spec.resolves) {
      const closed = await closeEntry(
        store,
        resolving,
        {
          state: spec.resolves.action === 'finish' ? 'applied' : 'rolled_back',
          createdIds: [],
          resolution,
        },
        journal.last,
      );
      journalOutcome = closed.outcome;
    }
    return {
      result: success({
        dryRun: false as const,
        plan: dto,
        applied: { created: 0, updated: 0, archived: 0 },
        version: loaded.version,
        journalEntryId: resolving?.id ?? null,
        journal: journalOutcome,
      }),
      records: loaded.records,
    };
  }

  // Write-ahead: the plan is recorded as pending before the first write (and takes the family's lock).
  let entry: Entry;
  // The newest entry as read: still the newest once this change's entry is open (see openEntry).
  const previous: Entry | null = journal.last;
  if (resolving) entry = resolving;
  else {
    const at = new Date(deps.now()).toISOString();
    const journalFamily: JournalFamily = {
      name: spec.familyName?.(loaded, plan) ?? loaded.family?.name.value ?? '',
      goalType: loaded.family?.goalType.value ?? plan.creates[0]?.properties.hs_goal_type ?? null,
      ...spec.journal,
    };
    const payload = pendingEntry(
      plan,
      loaded.records,
      params.caller,
      at,
      journalFamily,
      spec.undoes?.id ?? null,
      journal.last?.id ?? null,
    );
    // Another change applied since the journal was read makes the open fail (`stale`): see openEntry.
    const opened = await openEntry(store, spec.uuid, payload, at, journal);
    if ('taken' in opened)
      return refused(lockRefusal(opened.taken, deps.now(), timeLimitOf(deps)), loaded.records);
    if ('stale' in opened) return 'stale';
    entry = opened.opened;
  }

  const report = await applyPlan(deps.gateway, plan, loaded.records, {
    patchSingle: spec.patchSingle === true,
    ...deadlinesOf(deps),
  });

  if (report.kind === 'rolled_back' && resolving) {
    // Finishing or rolling back failed and was undone: the change is exactly as unfinished as before.
    return refused(failedResult(report, entry.id, NOT_RECORDED), loaded.records);
  }
  // The family's row of the stored index: the pages that exist are written with the close, in its call.
  const remaining = report.kind === 'applied' ? recordsAfter(loaded, report) : [];
  // Nothing about the index may keep the journal's entry from closing: any failure there writes no row.
  const indexWrites =
    report.kind === 'applied' ? await indexRowWrites(deps, spec.uuid, remaining, stored).catch(() => []) : [];
  const recordIds = new Map(stored.map((r) => [r.key, r.id]));
  const inPlace = indexWrites.flatMap((w) => {
    const id = recordIds.get(w.key);
    return id === undefined ? [] : [{ ...w, id }];
  });
  const state =
    report.kind === 'applied'
      ? spec.resolves?.action === 'roll_back'
        ? 'rolled_back'
        : 'applied'
      : report.kind;
  const closed = await closeEntry(
    store,
    entry,
    {
      state,
      createdIds: [...report.createdIds, ...report.recreatedIds],
      // Archived slices came back under new ids (a roll back's re-creates): the family's members changed.
      changedMembers:
        report.recreatedIds.length > 0 || (state === 'rolled_back' && report.createdIds.length > 0),
      slices: report.slices,
      resolution,
    },
    previous,
    journal.stale,
    inPlace,
  );
  if (report.kind !== 'applied') return refused(failedResult(report, entry.id, closed.outcome));

  // What the close did not write (new pages, or all when its call did not take them): by upsert.
  await writeIndexRecordsInTime(
    deps,
    closed.alongside ? indexWrites.filter((w) => !recordIds.has(w.key)) : indexWrites,
  );
  return {
    result: success({
      dryRun: false as const,
      plan: dto,
      applied: {
        created: report.createdIds.length,
        updated: report.updatedIds.length,
        archived: report.archivedIds.length,
      },
      version: remaining.length > 0 ? familyVersion(remaining) : null,
      journalEntryId: entry.id,
      journal: closed.outcome,
    }),
    records: remaining,
  };
}
