/**
 * `app_settings_save` (F11): who may edit, defaults and card options, written in place over the one
 * settings record with the version read. Every rule is decided here, on the server:
 * - the caller must be a user HubSpot knows, and a super admin or an editor;
 * - only super admins may change who may edit (super admins are never locked out: they may always save);
 * - the editors may not be left empty — nobody could change goals;
 * - the version is required (`null`: "there is no settings record yet") and must be the current one.
 */
import type { Params, Result, SettingsDto, SuccessOf } from '@goal-families/contract';
import { failure, success } from '@goal-families/contract';
import type { UseCaseDeps } from './deps';
import {
  canChangeEditors,
  canEditSettings,
  identify,
  isFailure,
  loadSettings,
} from './safe-write/permissions';
import { guarded } from './support/guard';

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

export const sameEditors = (a: SettingsDto['editors'], b: SettingsDto['editors']) =>
  a.superAdmins === b.superAdmins && sameIds(a.userIds, b.userIds) && sameIds(a.teamIds, b.teamIds);

export const stale = (version: string | null) =>
  failure(
    'CONFLICT',
    version === null
      ? 'The settings were saved by someone else since you opened them. Reload and try again.'
      : 'The settings were changed by someone else since you opened them. Reload and try again.',
    { currentVersion: version },
  );

export function saveSettings(
  deps: UseCaseDeps,
  p: Params<'app_settings_save'>,
): Promise<Result<SuccessOf<'app_settings_save'>>> {
  return guarded(async () => {
    const actor = await identify(deps.gateway, p.caller);
    if (isFailure(actor)) return actor;
    const { settings, record } = await loadSettings(deps.gateway.store);
    if (!canEditSettings(settings, actor)) {
      return failure('FORBIDDEN', 'Only super admins and the chosen editors may change the app settings.', {
        reason: 'NOT_AN_EDITOR',
      });
    }
    if (!sameEditors(settings.editors, p.settings.editors) && !canChangeEditors(actor)) {
      return failure('FORBIDDEN', 'Only super admins may change who may edit goals.', {
        reason: 'EDITORS_SUPER_ADMIN_ONLY',
        userId: p.caller.userId,
      });
    }
    const editors = p.settings.editors;
    if (!editors.superAdmins && editors.userIds.length === 0 && editors.teamIds.length === 0) {
      return failure(
        'VALIDATION_ERROR',
        'Nobody could change goals with these settings: keep super admins as editors or choose users or teams.',
        { reason: 'NOBODY_COULD_EDIT' },
      );
    }
    // Optimistic: a caller who read version X may not overwrite a newer save, nor create a second record.
    const current = record?.version ?? null;
    if (p.version !== current) return stale(current);
    const stored = await deps.gateway.store.putSettings(
      p.settings,
      record?.id ?? null,
      new Date(deps.now()).toISOString(),
    );
    // The settings' unique key was taken between the read and the create: someone saved first.
    if (!stored) return stale(null);
    return success({ settings: p.settings, version: stored.version });
  });
}
