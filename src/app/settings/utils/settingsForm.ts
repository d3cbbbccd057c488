/** F11: the settings form ↔ SettingsDto, validated before saving. */
import type { SettingsDto } from '@goal-families/contract';

export interface SettingsForm {
  superAdmins: boolean;
  userIds: string[];
  teamIds: string[];
  timeZone: string;
  fiscalYearStartMonth: string;
  currency: string;
  showYearAtAGlance: boolean;
  showHealth: boolean;
  maxFamilies: string;
}

export function toSettingsForm(settings: SettingsDto): SettingsForm {
  return {
    superAdmins: settings.editors.superAdmins,
    userIds: settings.editors.userIds,
    teamIds: settings.editors.teamIds,
    timeZone: settings.defaults.timeZone,
    fiscalYearStartMonth: String(settings.defaults.fiscalYearStartMonth),
    currency: settings.defaults.currency,
    showYearAtAGlance: settings.card.showYearAtAGlance,
    showHealth: settings.card.showHealth,
    maxFamilies: String(settings.card.maxFamilies),
  };
}

export type SettingsBuild =
  | { ok: true; settings: SettingsDto }
  | { ok: false; problems: Record<string, string> };

export function buildSettings(form: SettingsForm): SettingsBuild {
  const problems: Record<string, string> = {};
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: form.timeZone });
    if (form.timeZone.trim() === '') problems.timeZone = 'Enter a time zone.';
  } catch {
    problems.timeZone = 'Use a time zone such as Europe/Berlin.';
  }
  const month = Number(form.fiscalYearStartMonth);
  if (!Number.isInteger(month) || month < 1 || month > 12) problems.fiscalYearStartMonth = 'Choose a month.';
  const currency = form.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) problems.currency = 'Use a three-letter currency code such as USD.';
  const maxFamilies = Number(form.maxFamilies);
  if (!/^\d{1,2}$/.test(form.maxFamilies.trim()) || maxFamilies < 1 || maxFamilies > 50)
    problems.maxFamilies = 'Use 1 to 50.';
  if (!form.superAdmins && form.userIds.length === 0 && form.teamIds.length === 0) {
    problems.editors = 'Nobody could edit goals: keep super admins or choose users or teams.';
  }
  if (form.userIds.length > 500) problems.editors = 'At most 500 users.';
  if (form.teamIds.length > 200) problems.editors = 'At most 200 teams.';
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    settings: {
      editors: { superAdmins: form.superAdmins, userIds: form.userIds, teamIds: form.teamIds },
      defaults: { timeZone: form.timeZone.trim(), fiscalYearStartMonth: month, currency },
      card: { showYearAtAGlance: form.showYearAtAGlance, showHealth: form.showHealth, maxFamilies },
    },
  };
}
