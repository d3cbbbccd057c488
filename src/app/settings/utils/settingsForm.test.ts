import { DEFAULT_SETTINGS, SettingsDto } from '@goal-families/contract';
import { describe, expect, it } from 'vitest';
import { buildSettings, type SettingsForm, toSettingsForm } from './settingsForm';

const form = (overrides: Partial<SettingsForm> = {}) => ({
  ...toSettingsForm(DEFAULT_SETTINGS),
  ...overrides,
});

describe('settings form', () => {
  it('round-trips the defaults', () => {
    expect(buildSettings(form())).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });
  it('builds what the contract accepts', () => {
    const built = buildSettings(
      form({
        superAdmins: false,
        userIds: ['42'],
        teamIds: ['9'],
        timeZone: 'Europe/Berlin',
        fiscalYearStartMonth: '4',
        currency: 'eur',
        maxFamilies: '20',
      }),
    );
    expect(built.ok).toBe(true);
    if (built.ok) {
      expect(SettingsDto.parse(built.settings)).toEqual(built.settings);
      expect(built.settings.defaults).toEqual({
        timeZone: 'Europe/Berlin',
        fiscalYearStartMonth: 4,
        currency: 'EUR',
      });
    }
  });
  it.each([
    [{ timeZone: 'Nowhere/Land' }, 'timeZone', 'Use a time zone such as Europe/Berlin.'],
    [{ currency: 'dollars' }, 'currency', 'Use a three-letter currency code such as USD.'],
    [{ maxFamilies: '0' }, 'maxFamilies', 'Use 1 to 50.'],
    [{ maxFamilies: '51' }, 'maxFamilies', 'Use 1 to 50.'],
    [
      { superAdmins: false },
      'editors',
      'Nobody could edit goals: keep super admins or choose users or teams.',
    ],
  ])('refuses %j', (overrides, field, problem) => {
    const built = buildSettings(form(overrides));
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.problems[field]).toBe(problem);
  });
});
