import { Alert, Button, Input, MultiSelect, Select, Text, Toggle } from '@hubspot/ui-extensions';
import { describe, expect, it, vi } from 'vitest';
import { fail, makeSettings, ok } from '../../cards/__tests__/fixtures';
import { fire } from '../../cards/__tests__/queries';
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
      'You can look at these goals but not change them. To get editing rights, ask a super admin to add you as an editor in the app settings.',
    );
  });
});
