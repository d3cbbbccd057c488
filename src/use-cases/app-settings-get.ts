/**
 * `app_settings_get` (F11): the settings in force, what the caller may do (their roles looked up in
 * HubSpot), the version a save must send back, and how the stored settings are protected.
 */
import type { Params, Result, SuccessOf } from '@goal-families/contract';
import { success } from '@goal-families/contract';
import type { UseCaseDeps } from './deps';
import {
  canChangeEditors,
  canEdit,
  canEditSettings,
  identify,
  isFailure,
  loadSettings,
} from './safe-write/permissions';
import { guarded } from './support/guard';

export function getSettings(
  deps: UseCaseDeps,
  p: Params<'app_settings_get'>,
): Promise<Result<SuccessOf<'app_settings_get'>>> {
  return guarded(async () => {
    const actor = await identify(deps.gateway, p.caller);
    if (isFailure(actor)) return actor;
    const { settings, record, protection } = await loadSettings(deps.gateway.store);
    return success({
      settings,
      canEdit: canEdit(settings, actor),
      canEditSettings: canEditSettings(settings, actor),
      canChangeEditors: canChangeEditors(actor),
      version: record?.version ?? null,
      protection,
    });
  });
}
