/** `app_settings_get` (F11): the app settings stored in the portal, and whether the caller may edit. */
import type { Params, Result, SuccessOf } from '@goal-families/contract';
import { success } from '@goal-families/contract';
import type { UseCaseDeps } from './deps';
import { canEdit, loadSettings } from './safe-write/permissions';
import { guarded } from './support/guard';

export function getSettings(
  deps: UseCaseDeps,
  p: Params<'app_settings_get'>,
): Promise<Result<SuccessOf<'app_settings_get'>>> {
  return guarded(async () => {
    const { settings, record } = await loadSettings(deps.gateway.store);
    return success({ settings, canEdit: canEdit(settings, p.caller), version: record?.version ?? null });
  });
}
