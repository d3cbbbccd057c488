/**
 * Who can give a user editing rights, in words. Only super admins change who may edit goals (the
 * functions check the role with HubSpot); the editors the settings name can change goals meanwhile.
 */
import type { SettingsDto } from '@goal-families/contract';
import type { Names } from './names';
import { listOf } from './words';

/** The named editors, by name (people HubSpot no longer knows are left out). */
export function editorNames(editors: SettingsDto['editors'], names: Names): string[] {
  return [
    ...editors.userIds.map((id) => names.user(id)).filter((n) => n !== 'a former user'),
    ...editors.teamIds
      .map((id) => names.team(id))
      .filter((n) => n !== 'a deleted team')
      .map((n) => `the ${n} team`),
  ];
}

/** The sentence a viewer without editing rights sees instead of the edit actions. */
export function readOnlyText(editors: SettingsDto['editors'], names: Names): string {
  const who = editorNames(editors, names);
  const meanwhile = who.length > 0 ? ` Until then, ${listOf(who, 3)} can change goals for you.` : '';
  return `You can look at these goals but not change them. To get editing rights, ask a super admin to add you as an editor in the app settings.${meanwhile}`;
}
