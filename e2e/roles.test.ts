/**
 * Who may do what, in the workbench: the user chooser's people get their roles from the emulator's
 * users API (the app asks HubSpot, not the browser), and the settings page follows them.
 */

import { DEMO } from '@goal-families/emulator';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openView, type Session, screenshot, startSession } from './support/session.js';

async function openTab(page: Page, title: string) {
  await page.getByRole('tab', { name: title }).click();
}

describe('roles in the workbench', { timeout: 120_000 }, () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession({ needs: ['settings'] });
  });
  afterAll(async () => s?.close());

  const portal = () => ({ id: String(s.wb.emulator.portalId), timeZone: 'UTC' });

  it('the chooser offers the demo users, the super admin as the emulator says', async () => {
    s.wb.emulator.reset();
    const page = await openView(s, { view: 'settings', user: 'admin' });
    const options = await page.getByTestId('user-chooser').locator('option').allTextContents();
    expect(options).toHaveLength(3);
    expect(options[0]).toMatch(/^Super admin — /);
    expect(options.slice(1).some((o) => o.startsWith('Super admin'))).toBe(false);
    // Signed by the workbench's key: no warning about unprotected settings.
    await page.getByRole('tab', { name: 'Goals' }).waitFor();
    expect(await page.getByTestId('unsigned-store-notice').count()).toBe(0);
    expect(await page.getByTestId('read-only-notice').count()).toBe(0);
    await page.close();
  });

  it('a manager is read-only until a super admin adds them, and never changes who may edit', async () => {
    s.wb.emulator.reset();
    const manager = await openView(s, { view: 'settings', user: 'manager' });
    await manager.getByTestId('read-only-notice').waitFor();
    await openTab(manager, 'Settings');
    await manager.getByTestId('settings-tab').waitFor();
    expect(await manager.getByTestId('settings-save').count()).toBe(0);
    await manager.close();

    const got = (await s.wb.functions.run('app_settings_get', {
      caller: { userId: DEMO.users.admin },
      portal: portal(),
    })) as { ok: boolean; settings: { editors: object }; version: string | null };
    expect(got.ok).toBe(true);
    const saved = (await s.wb.functions.run('app_settings_save', {
      caller: { userId: DEMO.users.admin },
      portal: portal(),
      settings: {
        ...got.settings,
        editors: { superAdmins: true, userIds: [DEMO.users.manager], teamIds: [] },
      },
      version: got.version,
    })) as { ok: boolean };
    expect(saved.ok).toBe(true);

    const editor = await openView(s, { view: 'settings', user: 'manager' });
    await openTab(editor, 'Settings');
    await editor.getByTestId('settings-save').waitFor();
    expect(await editor.getByTestId('read-only-notice').count()).toBe(0);
    await editor.getByTestId('editors-super-admins-only').waitFor();
    await screenshot(editor, 'settings-editor-not-super-admin');
    await editor.close();
  });

  it('demoting the super admin in HubSpot (the emulator) makes the same browser user read-only', async () => {
    s.wb.emulator.reset();
    const user = s.wb.emulator.store.users.find((u) => u.id === DEMO.users.admin);
    if (!user) throw new Error('no admin user in the emulator');
    user.superAdmin = false;
    try {
      const page = await openView(s, { view: 'settings', user: 'admin' });
      await page.getByTestId('read-only-notice').waitFor();
      await page.close();
    } finally {
      user.superAdmin = true;
    }
  });
});
