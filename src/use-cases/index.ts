/** One use case per app function uid, each `(deps, params) → Result`. */
import type { FunctionUid, Params, Result } from '@goal-families/contract';
import { auditPortal } from './audit';
import { cloneFamily, createFamily } from './create-family';
import type { UseCaseDeps } from './deps';
import { indexFamilies } from './family-index';
import { archiveFamily, archiveTarget, updateFamily, updateTarget } from './family-mutations';
import { goalPropertyOptions, listOwnersAndTeams } from './lookups';
import { getFamily, listFamilies } from './read-families';
import { listJournal, repairFamily, undoChange } from './repair-undo';
import { getSettings, saveSettings } from './settings';

export type { UseCaseDeps } from './deps';

export type UseCase<U extends FunctionUid> = (
  deps: UseCaseDeps,
  params: Params<U>,
) => Promise<Result<object>>;

export const useCases: { [U in FunctionUid]: UseCase<U> } = {
  goal_families_list: listFamilies,
  goal_families_index: (deps, p) => indexFamilies(deps, p),
  goal_family_get: getFamily,
  goal_family_create: createFamily,
  goal_family_update: updateFamily,
  goal_target_update: updateTarget,
  goal_family_archive: archiveFamily,
  goal_target_archive: archiveTarget,
  goal_families_audit: auditPortal,
  goal_family_repair: repairFamily,
  goal_family_clone: cloneFamily,
  goal_journal_list: listJournal,
  goal_change_undo: undoChange,
  owners_and_teams_list: listOwnersAndTeams,
  goal_property_options: goalPropertyOptions,
  app_settings_get: getSettings,
  app_settings_save: saveSettings,
};
