/**
 * Screenshots of the card (as a rep, a sales manager and a super admin) and of every admin tab, the
 * pictures the README shows. `npm run screenshots` writes them to docs/screenshots/; a plain test run
 * writes them to artifacts/screenshots/. Every picture passes the page's id check first.
 */

import { DEMO } from '@goal-families/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openGoal, openView, type Session, screenshot, slicesOf, startSession } from './support/session.js';

describe('screenshots', { timeout: 180_000 }, () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
    s.wb.emulator.reset();
  });
  afterAll(async () => s?.close());

  it.each([
    ['rep', DEMO.deals.ownedByRepWithoutEditRights],
    ['manager', DEMO.deals.ownedByRep],
    ['admin', DEMO.deals.ownedByRep],
  ] as const)('the card as a %s', async (user, deal) => {
    const page = await openView(s, { view: 'record', record: { objectTypeId: '0-3', objectId: deal }, user });
    const card = page.locator('.wb-card-body');
    await card.locator('[data-testid^="family-"]').first().waitFor();
    await page.waitForTimeout(500);
    const text = await card.innerText();
    expect(text).toContain('Revenue');
    if (user === 'rep') expect(text).toContain('To get editing rights');
    await screenshot(page, `card-${user}`);
    await page.close();
  });

  it('every admin tab', async () => {
    const list = await openView(s, { view: 'settings', user: 'admin' });
    await list.getByTestId('families-table').waitFor();
    await screenshot(list, 'admin-goals');
    await list.close();

    const uuid = DEMO.families.teamRevenue2026;
    const name = slicesOf(s.wb, uuid)[0]?.properties.hs_goal_name ?? '';
    const page = await openGoal(s, uuid);
    await page.getByTestId('action-edit').click();
    const edit = page.getByTestId('family-edit');
    await edit.locator('input[name="name"]').fill(`${name} (renamed)`);
    await edit.locator('input[name="name"]').blur();
    await edit.getByTestId('preview-button').click();
    await edit.getByTestId('apply-button').waitFor();
    await screenshot(page, 'admin-goal-preview');
    await edit.getByTestId('apply-button').click();
    await page.getByTestId('toast').first().waitFor();

    await page.getByRole('tab', { name: 'Create' }).click();
    await page.getByTestId('create-tab').waitFor();
    await screenshot(page, 'admin-create');

    await page.getByRole('tab', { name: 'Health' }).click();
    await page.getByTestId('audit-start').click();
    await page.getByTestId('audit-summary').waitFor({ timeout: 60_000 });
    await screenshot(page, 'admin-health');

    await page.getByRole('tab', { name: 'Activity' }).click();
    await page.getByTestId('journal-table').waitFor();
    await screenshot(page, 'admin-activity');

    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByTestId('settings-tab').waitFor();
    await screenshot(page, 'admin-settings');
    await page.close();
  });
});
