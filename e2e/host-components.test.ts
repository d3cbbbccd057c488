/**
 * The remote-ui DOM host, proven with the workbench's sample extension in a real browser: the bundle
 * runs in a Web Worker, its components map to HTML, inputs commit on blur, overlays, paging, alerts.
 */

import { DEMO } from '@goal-families/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, openView, type Session, screenshot, startSession } from './support/session.js';

describe('workbench DOM host (sample extension in a Web Worker)', { timeout: 90_000 }, () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession({ fixtureOnly: true });
  });
  afterAll(async () => s?.close());

  const deal = { objectTypeId: '0-3', objectId: DEMO.deals.ownedByRep };

  it('renders the extension with the context and the record read through actions', async () => {
    const page = await openView(s, { view: 'record', record: deal, user: 'manager' });
    const card = page.locator('.wb-card-body');
    await expect
      .poll(() => card.getByTestId('who').innerText())
      .toContain(`Record owner: ${DEMO.owners.rep}`);
    await expect
      .poll(() => card.locator('[data-hs="ProgressBar"] [role=progressbar]').getAttribute('aria-valuenow'))
      .toBe('640');
    await screenshot(page, 'host-sample-card');
    await page.close();
  });

  it('fires onInput per keystroke and onChange only on blur', async () => {
    const page = await openView(s, { view: 'record', record: deal });
    const input = page.getByTestId('name-input').locator('input');
    await input.fill('');
    await input.pressSequentially('Q2');
    await expect.poll(() => page.getByTestId('typed').innerText()).toBe('typed: Q2');
    expect(await page.getByTestId('committed').innerText()).toBe('committed: Q1 quota (0 changes)');
    await input.blur();
    await expect.poll(() => page.getByTestId('committed').innerText()).toBe('committed: Q2 (1 changes)');
    await page.getByTestId('amount').locator('input').fill('99.5');
    await page.getByTestId('amount').locator('input').blur();
    await expect.poll(() => page.getByTestId('amount-value').innerText()).toBe('amount: 99.5');
    await page.close();
  });

  it('selects, multi-selects and submits a form with its values', async () => {
    const page = await openView(s, { view: 'record', record: deal });
    await chooseOption(page, 'team-select', 'West');
    await expect.poll(() => page.getByTestId('team-value').innerText()).toBe('team: west');
    await page.getByLabel('Add to People').selectOption({ label: 'Cy' });
    await expect.poll(() => page.getByTestId('people-value').innerText()).toBe('people: ana,cy');
    await page.getByTestId('submit').click();
    await expect.poll(() => page.getByTestId('submitted').innerText()).toContain('"goalName":"Q1 quota"');
    await page.close();
  });

  it('pages a table, switches tabs and shows unknown components as placeholders', async () => {
    const page = await openView(s, { view: 'record', record: deal });
    await page.getByRole('tab', { name: 'Table' }).click();
    const table = page.getByTestId('months-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(5);
    await table.getByRole('button', { name: 'Page 2' }).click();
    await expect.poll(() => table.locator('tbody tr').first().innerText()).toContain('Jun');
    await page.getByRole('tab', { name: 'More' }).click();
    const unknown = page.locator('[data-hs-unknown="FancyWidget"]');
    await expect.poll(() => unknown.innerText()).toContain('<FancyWidget> is not mapped');
    expect(await unknown.innerText()).toContain('inside the unknown one');
    await page.getByRole('tab', { name: 'Charts' }).click();
    await expect.poll(() => page.locator('[data-hs="BarChart"] rect').count()).toBe(24);
    await screenshot(page, 'host-sample-charts', page.locator('.wb-card-body'));
    await page.close();
  });

  it('opens Modal and Panel overlays from buttons and closes them by reaction or action', async () => {
    const page = await openView(s, { view: 'record', record: deal });
    await page.getByTestId('open-modal').click();
    const modal = page.getByRole('dialog', { name: 'Rename the goal?' });
    await modal.waitFor();
    await screenshot(page, 'host-sample-modal');
    await modal.getByTestId('confirm').click();
    await expect.poll(() => page.getByTestId('toast').first().innerText()).toContain('Renamed to Q1 quota');
    await expect.poll(() => modal.count()).toBe(0);
    await page.getByTestId('open-panel').click();
    const panel = page.getByRole('dialog', { name: 'Family details' });
    await panel.waitFor();
    await panel.locator('[data-hs="Button"]', { hasText: 'Close' }).click();
    await expect.poll(() => panel.count()).toBe(0);
    await page.close();
  });
});
