/** F11: the app settings, stored in the portal. */
import type { Params, SettingsDto } from '@goal-families/contract';
import { failure, type Result, success } from '@goal-families/contract';
import type { UseCaseDeps } from './deps';
import { guarded } from './guard';
import { canEdit, loadSettings } from './permissions';

export function getSettings(
  deps: UseCaseDeps,
  p: Params<'app_settings_get'>,
): Promise<Result<{ settings: SettingsDto; canEdit: boolean; version: string | null }>> {
  return guarded(async () => {
    const { settings, record } = await loadSettings(deps.gateway.store);
    return success({ settings, canEdit: canEdit(settings, p.caller), version: record?.version ?? null });
  });
}

export function saveSettings(
  deps: UseCaseDeps,
  p: Params<'app_settings_save'>,
): Promise<Result<{ settings: SettingsDto; version: string }>> {
  return guarded(async () => {
    const { settings, record } = await loadSettings(deps.gateway.store);
    if (!canEdit(settings, p.caller)) {
      return failure('FORBIDDEN', 'Only super admins and the chosen editors may change the app settings.');
    }
    // Optimistic: a caller who read version X may not overwrite a newer save.
    if (p.version !== undefined && p.version !== (record?.version ?? null)) {
      return failure(
        'CONFLICT',
        'The settings were changed by someone else since you opened them. Reload and try again.',
        {
          currentVersion: record?.version ?? null,
        },
      );
    }
    // Refuse a save that would lock the saver out: the settings page would become unusable.
    if (!canEdit(p.settings, p.caller)) {
      return failure(
        'VALIDATION_ERROR',
        'These settings would remove your own permission to edit; keep yourself as an editor.',
      );
    }
    const stored = await deps.gateway.store.putSettings(
      p.settings,
      record?.id ?? null,
      new Date(deps.now()).toISOString(),
    );
    return success({ settings: p.settings, version: stored.version });
  });
}
