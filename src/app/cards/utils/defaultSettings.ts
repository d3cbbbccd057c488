import type { SettingsDto } from '@goal-families/contract';

/**
 * A copy of the contract's DEFAULT_SETTINGS: the contract may not be imported at runtime from a
 * card (HubSpot builds this folder alone). `defaultSettings.test.ts` keeps the two equal.
 */
export const DEFAULT_SETTINGS_FALLBACK: SettingsDto = {
  editors: { superAdmins: true, userIds: [], teamIds: [] },
  defaults: { timeZone: 'UTC', fiscalYearStartMonth: 1, currency: 'USD' },
  card: { showYearAtAGlance: true, showHealth: true, maxFamilies: 10 },
};
