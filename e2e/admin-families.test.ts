/**
 * The admin panel's Families tab, end to end (flows 3, 6 and 7 of the workbench issue): the real
 * settings-page bundle in a Web Worker, the real app functions, the emulator's demo portal.
 */

import { DEMO } from '@goal-families/emulator';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { changedTargets, goalTargetState } from './support/data.js';
import { openView, type Session, screenshot, slicesOf, startSession } from './support/session.js';

const familyUuid = DEMO.families.teamRevenue2026;

/** Opens the admin panel on one family's detail through the Families tab's search. */
async function openFamily(s: Session, uuid: string): Promise<Page> {
  const page = await openView(s, { view: 'settings', user: 'admin' });
  const name = slicesOf(s.wb, uuid)[0]?.properties.hs_goal_name ?? '';
  const search = page.getByTestId('filter-text').locator('input');
  await search.fill(name);
  await search.press('Enter');
  await page.getByTestId(`open-${uuid}`).click();
  await page.getByTestId('family-detail').waitFor();
  return page;
}

async function renameTo(page: Page, newName: string) {
  await page.getByTestId('action-edit').click();
  const edit = page.getByTestId('family-edit');
  const name = edit.locator('input[name="name"]');
  await name.fill(newName);
  await name.blur();
  await edit.getByTestId('preview-button').click();
  await edit.getByTestId('apply-button').waitFor();
  return edit;
}

/**
 * Every slice id the plan preview shows a change of `property` for, reading each page of its table
 * once that page is fully drawn (`rowsExpected` rows in all, ten to a page).
 */
async function previewedIds(scope: Locator, property: string, rowsExpected: number): Promise<string[]> {
  const rows = scope.locator('[data-testid^="plan-update-"]');
  const read = () => rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  const seen: string[] = [];
  let previous: string[] = [];
  for (let page = 1; ; page += 1) {
    const wanted = Math.min(10, rowsExpected - (page - 1) * 10);
    await expect
      .poll(async () => {
        const now = await read();
        return now.length === wanted && now.every((t) => !previous.includes(t));
      })
      .toBe(true);
    previous = await read();
    for (const testId of previous) {
      const m = /^plan-update-(\d+)-(.+)$/.exec(testId);
      if (m?.[2] === property && m[1] && !seen.includes(m[1])) seen.push(m[1]);
    }
    if (page * 10 >= rowsExpected) return seen;
    await scope.getByRole('button', { name: 'Next page' }).click();
  }
}

describe('admin panel · Families', { timeout: 90_000 }, () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession({ needs: ['settings'] });
  });
  afterAll(async () => s?.close());
  beforeEach(() => s.wb.emulator.reset());

  it('3. renames a family with a preview; every slice is renamed', async () => {
    const before = goalTargetState(s.wb);
    const ids = slicesOf(s.wb, familyUuid).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(12);
    const page = await openFamily(s, familyUuid);
    await screenshot(page, 'admin-families-detail');
    const edit = await renameTo(page, 'FY2026 NA Enterprise revenue (renamed)');
    await screenshot(page, 'admin-rename-preview');
    // The preview lists a name change for every slice, ten to a page of its table.
    expect((await previewedIds(edit, 'hs_goal_name', ids.length)).sort()).toEqual([...ids].sort());
    await edit.getByTestId('apply-button').click();
    await expect
      .poll(() => page.getByTestId('toast').first().innerText(), { timeout: 20_000 })
      .toContain(`${ids.length} of ${ids.length} slices`);
    const changes = changedTargets(before, goalTargetState(s.wb));
    expect(Object.keys(changes).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(changes[id]).toEqual(['hs_goal_name']);
    for (const r of slicesOf(s.wb, familyUuid))
      expect(r.properties.hs_goal_name).toBe('FY2026 NA Enterprise revenue (renamed)');
    await page.close();
  });

  it('6. archives a family; all its slices are archived', async () => {
    const ids = slicesOf(s.wb, familyUuid).map((r) => r.id);
    const name = slicesOf(s.wb, familyUuid)[0]?.properties.hs_goal_name ?? '';
    const page = await openFamily(s, familyUuid);
    await page.getByTestId('action-archive').click();
    await page.getByTestId('preview-button').click();
    await page.getByTestId('archive-button').click();
    const confirmation = page.getByTestId('archive-confirmation');
    await expect.poll(() => confirmation.innerText()).toContain(name);
    expect(await confirmation.innerText()).toContain(String(ids.length));
    await screenshot(page, 'admin-archive-confirm');
    await page.getByTestId('archive-confirm').click();
    await expect.poll(() => slicesOf(s.wb, familyUuid).length, { timeout: 20_000 }).toBe(0);
    const archived = slicesOf(s.wb, familyUuid, { includeArchived: true });
    expect(archived.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(archived.every((r) => r.archived)).toBe(true);
    await page.close();
  });

  it('7. with a partial failure injected, a rename shows a clear error and the family is unchanged', async () => {
    const before = goalTargetState(s.wb);
    const ids = slicesOf(s.wb, familyUuid).map((r) => r.id);
    const page = await openFamily(s, familyUuid);
    const edit = await renameTo(page, 'This rename must not stick');
    s.wb.emulator.faults.partialFailureNext({
      path: 'batch/update',
      failIds: [ids[ids.length - 1] as string],
      permanent: true,
    });
    await edit.getByTestId('apply-button').click();
    const error = page.locator('[data-testid^="error-"]').first();
    await expect
      .poll(() => error.getAttribute('data-testid'), { timeout: 20_000 })
      .toBe('error-PARTIAL_FAILURE_ROLLED_BACK');
    expect((await error.innerText()).length).toBeGreaterThan(20);
    await screenshot(page, 'admin-rename-partial-failure');
    s.wb.emulator.faults.clear();
    expect(changedTargets(before, goalTargetState(s.wb))).toEqual({});
    await page.close();
  });
});
