/**
 * The check every browser-test page goes through (support/idCheck.ts) catches what it must: an id, a
 * property name or a uuid anywhere in the extension's text, even one shown only for a moment.
 */

import { DEMO } from '@goal-families/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNoInternalText, internalTextOf } from './support/idCheck.js';
import { openView, type Session, startSession } from './support/session.js';

const record = { objectTypeId: '0-3', objectId: DEMO.deals.ownedByRep };

describe('the id check of every page', { timeout: 90_000 }, () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession({ needs: ['card'] });
  });
  afterAll(async () => s?.close());

  it('passes the card as it is', async () => {
    const page = await openView(s, { view: 'record', record, user: 'manager' });
    await page.locator('[data-testid^="family-"]').first().waitFor();
    await assertNoInternalText(page);
    await page.close();
  });

  it.each([
    ['an owner id', 'Assignee: owner 81000008', 'id', '81000008'],
    ['a property name', 'Set hs_goal_name on 72 slices', 'API name', 'hs_goal_name'],
    ['a uuid', 'id 1849be27-6dde-5446-8882-bec8d704350f', 'uuid', '1849be27-6dde-5446-8882-bec8d704350f'],
  ])('catches %s planted in the extension, even after it is gone again', async (_, text, kind, match) => {
    const page = await openView(s, { view: 'record', record, user: 'manager' });
    await page.locator('[data-testid^="family-"]').first().waitFor();
    await page.evaluate((planted) => {
      const root = document.querySelector('[data-testid="extension-root"]');
      const span = document.createElement('span');
      span.textContent = planted;
      root?.appendChild(span);
      setTimeout(() => span.remove(), 50);
    }, text);
    await page.waitForTimeout(200);
    expect(await page.getByText(text).count()).toBe(0);
    expect(await internalTextOf(page)).toContainEqual(expect.objectContaining({ kind, match }));
    await expect(assertNoInternalText(page)).rejects.toThrow(match);
    // Closing runs the same check: a test that planted (or showed) an id cannot pass.
    await expect(page.close()).rejects.toThrow('The UI showed ids or API names');
    expect(page.isClosed()).toBe(true);
  });

  it('ignores the workbench around the extension (its record panel shows owner ids)', async () => {
    const page = await openView(s, { view: 'record', record, user: 'manager' });
    await page.locator('[data-testid^="family-"]').first().waitFor();
    expect(await page.locator('body').innerText()).toMatch(/\d{8,}/);
    expect(await internalTextOf(page)).toEqual([]);
    await page.close();
  });
});
