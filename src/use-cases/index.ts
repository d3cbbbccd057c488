/**
 * The use-case layer's only entry: one use case per app function uid (each in the file named after
 * its uid), the port it needs from the edge (`ports.ts`) and what every use case is given (`deps.ts`).
 * `safe-write/` holds the mutation protocol, `scan/` the bounded portal scans, `support/` presenters
 * and helpers, `testing/` fakes for tests.
 */
import type { FunctionUid, Params, Result, SuccessOf } from '@goal-families/contract';
import { getSettings } from './app-settings-get';
import { saveSettings } from './app-settings-save';
import { checkStore } from './app-store-check';
import type { UseCaseDeps } from './deps';
import { addAssignee } from './goal-assignee-add';
import { removeAssignee } from './goal-assignee-remove';
import { undoChange } from './goal-change-undo';
import { auditPortal } from './goal-families-audit';
import { indexFamilies } from './goal-families-index';
import { listFamilies } from './goal-families-list';
import { archiveFamily } from './goal-family-archive';
import { cloneFamily } from './goal-family-clone';
import { createFamily } from './goal-family-create';
import { getFamily } from './goal-family-get';
import { repairFamily } from './goal-family-repair';
import { updateFamily } from './goal-family-update';
import { listJournal } from './goal-journal-list';
import { goalPropertyOptions } from './goal-property-options';
import { archiveTarget } from './goal-target-archive';
import { updateTarget } from './goal-target-update';
import { listOwnersAndTeams } from './owners-and-teams-list';

export type { UseCaseDeps } from './deps';
export * from './ports';

/** A use case answers with exactly the contract's result for its uid: the compiler checks it. */
export type UseCase<U extends FunctionUid> = (
  deps: UseCaseDeps,
  params: Params<U>,
) => Promise<Result<SuccessOf<U>>>;

export const useCases: { [U in FunctionUid]: UseCase<U> } = {
  goal_families_list: listFamilies,
  goal_families_index: (deps, p) => indexFamilies(deps, p),
  goal_family_get: getFamily,
  goal_family_create: createFamily,
  goal_family_update: updateFamily,
  goal_target_update: updateTarget,
  goal_family_archive: archiveFamily,
  goal_target_archive: archiveTarget,
  goal_assignee_add: addAssignee,
  goal_assignee_remove: removeAssignee,
  goal_families_audit: auditPortal,
  goal_family_repair: repairFamily,
  goal_family_clone: cloneFamily,
  goal_journal_list: listJournal,
  goal_change_undo: undoChange,
  owners_and_teams_list: listOwnersAndTeams,
  goal_property_options: goalPropertyOptions,
  app_settings_get: getSettings,
  app_settings_save: saveSettings,
  app_store_check: checkStore,
};
