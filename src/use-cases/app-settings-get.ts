/**
 * `app_settings_get` (F11): the settings in force, what the caller may do (their roles looked up in
 * HubSpot), the version a save must send back, and how the stored settings are protected.
 */
import type { Params, Result, SuccessOf } from '@goal-families/contract';
import { success } from '@goal-families/contract';
import type { UseCaseDeps } from './deps';
import { identify, isFailure, loadSettings, settingsView } from './safe-write/permissions';
import { guarded } from './support/guard';

export function getSettings(
  deps: UseCaseDeps,
  p: Params<'app_settings_get'>,
): Promise<Result<SuccessOf<'app_settings_get'>>> {
  return guarded(async () => {
    // The caller and the settings at once: two independent reads.
    const [actor, loaded] = await Promise.all([
      identify(deps.gateway, p.caller),
      loadSettings(deps.gateway.store),
    ]);
    if (isFailure(actor)) return actor;
    return success(settingsView(loaded, actor));
  });
}
