import { Alert, Button, Input, MultiSelect, Select, Tabs, Text, Toggle } from '@hubspot/ui-extensions';
import { describe, expect, it, vi } from 'vitest';
import { fail, makeSettings, ok } from '../../cards/__tests__/fixtures';
import { fire, textOf } from '../../cards/__tests__/queries';
import { listOf, openTab, renderPage } from './pageHarness';

describe('Settings tab', () => {
  it('saves editors, defaults and card options with the version it read', async () => {
    const page = renderPage({
      goal_families_list: () => listOf(),
      app_settings_save: (p) => ok('app_settings_save', { settings: p.settings, version: 's-2' }),
    });
    await openTab(page, 'settings');
    await vi.waitFor(() => expect(page.find(MultiSelect, { name: 'userIds' }).props.options).toHaveLength(2));
    fire(page.find(MultiSelect, { name: 'userIds' }), 'onChange', ['42']);
    fire(page.find(MultiSelect, { name: 'teamIds' }), 'onChange', ['9']);
    // Pickers, not free text: the portal's currencies and the IANA zones.
    await vi.waitFor(() =>
      expect(page.find(Select, { name: 'currency' }).props.options.map((o) => o.value)).toEqual([
        'USD',
        'EUR',
      ]),
    );
    expect(page.find(Select, { name: 'currency' }).props.options[1]?.label).toBe('EUR — Euro');
    expect(page.find(Select, { name: 'timeZone' }).props.options.length).toBeGreaterThan(300);
    fire(page.find(Select, { name: 'currency' }), 'onChange', 'EUR');
    fire(page.find(Select, { name: 'timeZone' }), 'onChange', 'Europe/Berlin');
    fire(page.find(Toggle, { name: 'showHealth' }), 'onChange', false);
    fire(page.find(Input, { name: 'maxFamilies' }), 'onInput', '5');
    page.findByTestId(Button, 'settings-save').trigger('onClick');
    await vi.waitFor(() =>
      expect(page.actions.addAlert).toHaveBeenCalledWith({ type: 'success', message: 'Settings saved.' }),
    );
    expect(page.callsOf('app_settings_save')[0]).toEqual({
      settings: makeSettings({
        editors: { superAdmins: true, userIds: ['42'], teamIds: ['9'] },
        defaults: { timeZone: 'Europe/Berlin', fiscalYearStartMonth: 1, currency: 'EUR' },
        card: { showYearAtAGlance: true, showHealth: false, maxFamilies: 5 },
      }),
      version: 's-1',
    });
    await vi.waitFor(() => expect(page.callsOf('app_settings_get').length).toBe(2));
  });

  it('explains a CONFLICT when someone else saved first', async () => {
    const page = renderPage({
      goal_families_list: () => listOf(),
      app_settings_save: () => fail('CONFLICT', 'stale'),
    });
    await openTab(page, 'settings');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Button, 'settings-save')).not.toBeNull());
    page.findByTestId(Button, 'settings-save').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Alert, 'error-CONFLICT')).not.toBeNull());
  });

  it('refuses a setting nobody could edit with, before saving', async () => {
    const page = renderPage({ goal_families_list: () => listOf() });
    await openTab(page, 'settings');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Button, 'settings-save')).not.toBeNull());
    fire(page.find(Toggle, { name: 'superAdmins' }), 'onChange', false);
    expect(page.findByTestId(Button, 'settings-save').props.disabled).toBe(true);
    expect(page.find(MultiSelect, { name: 'teamIds' }).props.validationMessage).toContain(
      'Nobody could edit goals',
    );
  });

  it('is read-only without editing rights', async () => {
    const page = renderPage({ goal_families_list: () => listOf() }, { canEdit: false });
    await openTab(page, 'settings');
    await vi.waitFor(() => expect(page.maybeFind(Toggle, { name: 'superAdmins' })).not.toBeNull());
    expect(page.maybeFindByTestId(Button, 'settings-save')).toBeNull();
    expect(page.find(Toggle, { name: 'superAdmins' }).props.readOnly).toBe(true);
    expect(page.findByTestId(Text, 'settings-read-only').text).toBe(
      'Only super admins and editors can change these settings. To get editing rights, ask a super admin to add you as an editor in the app settings.',
    );
  });

  it('lets an editor who is not a super admin change the defaults but not who may edit', async () => {
    const page = renderPage(
      {
        goal_families_list: () => listOf(),
        app_settings_save: (p) => ok('app_settings_save', { settings: p.settings, version: 's-2' }),
      },
      { settingsAnswer: { canChangeEditors: false } },
    );
    await openTab(page, 'settings');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Button, 'settings-save')).not.toBeNull());
    expect(page.findByTestId(Text, 'editors-super-admins-only').text).toBe(
      'Only super admins can change who may edit goals.',
    );
    expect(page.find(Toggle, { name: 'superAdmins' }).props.readOnly).toBe(true);
    expect(page.find(MultiSelect, { name: 'userIds' }).props.readOnly).toBe(true);
    expect(page.find(MultiSelect, { name: 'teamIds' }).props.readOnly).toBe(true);
    expect(page.find(Select, { name: 'currency' }).props.readOnly).toBe(false);
    fire(page.find(Select, { name: 'currency' }), 'onChange', 'EUR');
    page.findByTestId(Button, 'settings-save').trigger('onClick');
    await vi.waitFor(() => expect(page.callsOf('app_settings_save')).toHaveLength(1));
    expect(page.callsOf('app_settings_save')[0]).toMatchObject({
      settings: { editors: makeSettings().editors },
    });
  });

  it('a super admin left out of the editors still opens and saves the settings, and is told how to edit again', async () => {
    const settings = makeSettings({ editors: { superAdmins: false, userIds: ['1'], teamIds: [] } });
    const page = renderPage(
      { goal_families_list: () => listOf() },
      { canEdit: false, settingsAnswer: { settings, canEditSettings: true, canChangeEditors: true } },
    );
    await vi.waitFor(() => expect(page.maybeFindByTestId(Alert, 'read-only-notice')).not.toBeNull());
    expect(textOf(page.findByTestId(Alert, 'read-only-notice'))).toContain(
      'switch them on in the Settings tab',
    );
    await openTab(page, 'settings');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Button, 'settings-save')).not.toBeNull());
    expect(page.find(Toggle, { name: 'superAdmins' }).props.readOnly).toBe(false);
  });

  it('says so when the app signs nothing, and when the saved settings were changed outside the app', async () => {
    const unsigned = renderPage(
      { goal_families_list: () => listOf() },
      {
        settingsAnswer: {
          protection: { signing: false, settingsRecord: 'unsigned', settingsIgnored: false },
        },
      },
    );
    await vi.waitFor(() => expect(unsigned.maybeFindByTestId(Alert, 'unsigned-store-notice')).not.toBeNull());
    expect(unsigned.findByTestId(Alert, 'unsigned-store-notice').props.title).toBe(
      'Settings and activity are not protected',
    );
    expect(unsigned.maybeFindByTestId(Alert, 'ignored-settings-notice')).toBeNull();

    const forged = renderPage(
      { goal_families_list: () => listOf() },
      {
        settingsAnswer: { protection: { signing: true, settingsRecord: 'tampered', settingsIgnored: true } },
      },
    );
    await vi.waitFor(() => expect(forged.maybeFindByTestId(Alert, 'ignored-settings-notice')).not.toBeNull());
    expect(textOf(forged.findByTestId(Alert, 'ignored-settings-notice'))).toContain(
      'changed outside the app, so they are ignored',
    );
    expect(forged.maybeFindByTestId(Alert, 'unsigned-store-notice')).toBeNull();

    const intact = renderPage({ goal_families_list: () => listOf() });
    await vi.waitFor(() => expect(intact.maybeFind(Tabs)).not.toBeNull());
    expect(intact.maybeFindByTestId(Alert, 'unsigned-store-notice')).toBeNull();
    expect(intact.maybeFindByTestId(Alert, 'ignored-settings-notice')).toBeNull();
  });
});
