/**
 * Who can give a user editing rights, in words: the super admins (when the settings let them edit)
 * and the editors the settings name. Editors may change the settings, so they can add someone.
 */
import type { SettingsDto } from '@goal-families/contract';
import type { Names } from './names';
import { listOf } from './words';

export function grantersText(editors: SettingsDto['editors'], names: Names): string {
  const people = [
    ...(editors.superAdmins ? ['a super admin'] : []),
    ...editors.userIds.map((id) => names.user(id)).filter((n) => n !== 'a former user'),
    ...editors.teamIds
      .map((id) => names.team(id))
      .filter((n) => n !== 'a deleted team')
      .map((n) => `someone in ${n}`),
  ];
  return people.length === 0 ? 'a super admin' : listOf(people, 4).replace(/ and (?=[^,]*$)/, ' or ');
}

/** The sentence a viewer without editing rights sees instead of the edit actions. */
export function readOnlyText(editors: SettingsDto['editors'], names: Names): string {
  return `You can look at these goals but not change them. To get editing rights, ask ${grantersText(editors, names)} to add you as an editor in the app settings.`;
}
