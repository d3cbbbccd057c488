/**
 * The safe-write protocol for every mutation: permission → read → plan → (dryRun: preview) → check
 * version → apply → verify (→ roll back) → record. Use cases supply only how to read and what to plan.
 */
import type { Caller, MutationResultDto, PlanDto } from '@goal-families/contract';
import { failure, type Result, success } from '@goal-families/contract';
import {
  detectConvention,
  familyVersion,
  isEmptyPlan,
  type Plan,
  withNotification,
} from '@goal-families/domain';
import type { UseCaseDeps } from '../deps';
import type { CrmRecord } from '../ports';
import { createNameBook, NO_NAMES } from '../support/names';
import { presentPlan } from '../support/present-plan';
import { applyPlan } from './apply-plan';
import { checkFamilySize, plannedChanges } from './family-size';
import { type JournalFamily, record } from './journal';
import { requireEditor } from './permissions';
import type { LoadedFamily } from './read-family';

export type MutationParams = {
  caller: Caller;
  portal: { timeZone: string };
  dryRun: boolean;
  version?: string | undefined;
  /** F17: set `hs_should_notify_on_edit_updates` on every target written. */
  notify?: boolean | undefined;
};

export type MutationSpec = {
  load: () => Promise<LoadedFamily>;
  /** The plan, or a failure result (NOT_FOUND, VALIDATION_ERROR, ...). */
  plan: (loaded: LoadedFamily) => Result<{ plan: Plan }> | Promise<Result<{ plan: Plan }>>;
  /** The family's name for the journal. */
  familyName?: (loaded: LoadedFamily, plan: Plan) => string;
  /** Journal entry this mutation undoes. */
  undoes?: string;
  /**
   * The change applies to the whole family (rename, re-spread, archive): a family larger than
   * `MAX_SLICES_PER_INVOCATION` is refused before planning, whatever the plan would touch.
   */
  familyWide?: boolean;
  /**
   * How the preview labels periods when the loaded family does not say (create, clone: the new goal's
   * period length and zone), and a clone's scale.
   */
  describe?: { milestone?: string; timeZone?: string; scale?: string };
  /** What the journal records besides the plan: a CSV import, the assignee added or removed. */
  journal?: Pick<JournalFamily, 'source' | 'assignee'>;
};

export async function runMutation(
  deps: UseCaseDeps,
  params: MutationParams,
  spec: MutationSpec,
): Promise<Result<MutationResultDto>> {
  const forbidden = await requireEditor(deps.gateway, params.caller);
  if (forbidden) return forbidden;

  const loaded = await spec.load();
  const wide = spec.familyWide ? checkFamilySize(loaded.records.length) : null;
  if (wide) return wide;
  const planned = await spec.plan(loaded);
  if (!planned.ok) return planned;
  // Any plan (repair, undo, clone, create) that writes more than one invocation can safely change.
  const tooMany = checkFamilySize(plannedChanges(planned.plan));
  if (tooMany) return tooMany;
  const stamped = { ...planned.plan, version: loaded.version };
  const plan = params.notify ? withNotification(stamped, loaded.family?.slices ?? []) : stamped;
  const family = loaded.family;
  const dto: PlanDto = await presentPlan(plan, {
    family,
    names: params.dryRun ? createNameBook(deps.gateway) : NO_NAMES,
    milestone: spec.describe?.milestone ?? family?.milestone.value,
    timeZone:
      spec.describe?.timeZone ??
      (family ? detectConvention(family.slices, params.portal.timeZone).timeZone : undefined),
    scale: spec.describe?.scale,
  });
  if (params.dryRun) return success({ dryRun: true as const, plan: dto });

  if (params.version !== undefined && params.version !== loaded.version) {
    return failure(
      'CONFLICT',
      'The goal changed since you previewed this change; nothing was written. Preview again.',
      {
        reason: 'GOAL_CHANGED',
        expectedVersion: params.version,
        currentVersion: loaded.version,
      },
    );
  }
  if (isEmptyPlan(plan)) {
    return success({
      dryRun: false as const,
      plan: dto,
      applied: { created: 0, updated: 0, archived: 0 },
      version: loaded.version,
      journalEntryId: null,
    });
  }

  const report = await applyPlan(deps.gateway, plan, loaded.records);
  if (report.kind !== 'applied') {
    if (report.kind === 'needs_attention') {
      return failure(
        'NEEDS_ATTENTION',
        'Some slices could not be changed and undoing the others failed too: the goal is in a mixed state. See details.slices.',
        { slices: report.slices },
      );
    }
    return failure(
      'PARTIAL_FAILURE_ROLLED_BACK',
      'Some slices could not be changed, so every change that had been applied was undone. The goal is as it was.',
      { slices: report.slices },
    );
  }

  // The version after: the slices read back replace those read before; archived ones drop out.
  const byId = new Map<string, CrmRecord>(loaded.records.map((r) => [r.id, r]));
  for (const id of report.archivedIds) byId.delete(id);
  for (const r of report.records) byId.set(r.id, r);
  const remaining = [...byId.values()];
  const journalFamily: JournalFamily = {
    name: spec.familyName?.(loaded, plan) ?? loaded.family?.name.value ?? '',
    goalType: loaded.family?.goalType.value ?? plan.creates[0]?.properties.hs_goal_type ?? null,
    ...spec.journal,
  };
  const journalEntryId = await record(
    deps.gateway.store,
    plan,
    params.caller,
    deps.now(),
    journalFamily,
    spec.undoes ?? null,
  );
  return success({
    dryRun: false as const,
    plan: dto,
    applied: {
      created: report.createdIds.length,
      updated: report.updatedIds.length,
      archived: report.archivedIds.length,
    },
    version: remaining.length > 0 ? familyVersion(remaining) : null,
    journalEntryId,
  });
}
