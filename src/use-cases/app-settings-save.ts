/** `app_settings_save` (F11): who may edit, defaults and card options, saved with the version read. */
import type { Params, Result, SuccessOf } from '@goal-families/contract';
import { failure, success } from '@goal-families/contract';
import type { UseCaseDeps } from './deps';
import { canEdit, loadSettings } from './safe-write/permissions';
import { guarded } from './support/guard';

export function saveSettings(
  deps: UseCaseDeps,
  p: Params<'app_settings_save'>,
): Promise<Result<SuccessOf<'app_settings_save'>>> {
  return guarded(async () => {
    const { settings, record } = await loadSettings(deps.gateway.store);
    if (!canEdit(settings, p.caller)) {
      return failure('FORBIDDEN', 'Only super admins and the chosen editors may change the app settings.', {
        reason: 'NOT_AN_EDITOR',
      });
    }
    // Optimistic: a caller who read version X may not overwrite a newer save.
    if (p.version !== undefined && p.version !== (record?.version ?? null)) {
      return failure(
        'CONFLICT',
        'The settings were changed by someone else since you opened them. Reload and try again.',
        { reason: 'SETTINGS_CHANGED', currentVersion: record?.version ?? null },
      );
    }
    // Refuse a save that would lock the saver out: the settings page would become unusable.
    if (!canEdit(p.settings, p.caller)) {
      return failure(
        'VALIDATION_ERROR',
        'These settings would remove your own permission to edit; keep yourself as an editor.',
        { reason: 'LOCKOUT' },
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
