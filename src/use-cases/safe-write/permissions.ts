/** Who may edit (F11): super admins when enabled, and the users and teams the settings list. */
import type { Caller } from '@goal-families/contract';
import { DEFAULT_SETTINGS, type Failure, failure, SettingsDto } from '@goal-families/contract';
import type { AppStore, StoredRecord } from '../ports';

export type LoadedSettings = { settings: SettingsDto; record: StoredRecord | null };

export async function loadSettings(store: AppStore): Promise<LoadedSettings> {
  const record = await store.getSettings();
  if (!record) return { settings: DEFAULT_SETTINGS, record: null };
  // A stored payload that no longer parses (edited by hand, older app) falls back to the defaults.
  const parsed = SettingsDto.safeParse(record.payload);
  return { settings: parsed.success ? parsed.data : DEFAULT_SETTINGS, record };
}

export function canEdit(settings: SettingsDto, caller: Caller): boolean {
  if (settings.editors.superAdmins && caller.isSuperAdmin) return true;
  if (settings.editors.userIds.includes(caller.userId)) return true;
  return caller.teamIds.some((t) => settings.editors.teamIds.includes(t));
}

/** null when the caller may edit, else the FORBIDDEN result to return. */
export async function requireEditor(store: AppStore, caller: Caller): Promise<Failure | null> {
  const { settings } = await loadSettings(store);
  return canEdit(settings, caller)
    ? null
    : failure(
        'FORBIDDEN',
        'You may not change goals: ask an admin to add you as an editor in the app settings.',
        { reason: 'NOT_AN_EDITOR', userId: caller.userId },
      );
}
