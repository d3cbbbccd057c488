/**
 * The admin panel's Families tab, end to end (flows 3, 6 and 7 of the workbench issue): the real
 * settings-page bundle in a Web Worker, the real app functions, the emulator's demo portal.
 */
import { DEMO } from '@goal-families/emulator';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { changedTargets, goalTargetState } from './support/data.js';
import { openGoal, type Session, screenshot, slicesOf, startSession } from './support/session.js';

const familyUuid = DEMO.families.teamRevenue2026;

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

describe('admin panel · Families', { timeout: 90_000 }, () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession({ needs: ['settings'] });
  });
  afterAll(async () => s?.close());
  beforeEach(() => s.wb.emulator.reset());

  it('3. renames a goal with a preview naming people and periods; every target is renamed', async () => {
    const before = goalTargetState(s.wb);
    const ids = slicesOf(s.wb, familyUuid).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(12);
    const page = await openGoal(s, familyUuid);
    await screenshot(page, 'admin-families-detail');
    const edit = await renameTo(page, 'FY2026 NA Enterprise revenue (renamed)');
    await screenshot(page, 'admin-rename-preview');
    // The scope is said before the preview, the preview names people and periods.
    expect(await edit.getByTestId('change-scope').innerText()).toBe(
      `This renames the goal to “FY2026 NA Enterprise revenue (renamed)” for 6 people (${ids.length} targets).`,
    );
    expect(await edit.getByTestId('plan-summary').innerText()).toBe(
      `Renames the goal to “FY2026 NA Enterprise revenue (renamed)” — ${ids.length} targets of 6 people.`,
    );
    const firstPage = await edit.getByTestId('plan-updates').innerText();
    expect(firstPage).toContain('Jan 2026');
    expect(firstPage).toMatch(/[A-Z][a-z]+ [A-Z][a-z]+\s+Jan 2026\s+Name/);
    await edit.getByTestId('apply-button').click();
    await expect
      .poll(() => page.getByTestId('toast').first().innerText(), { timeout: 20_000 })
      .toContain(`${ids.length} targets changed`);
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
    const page = await openGoal(s, familyUuid);
    await page.getByTestId('action-archive').click();
    await page.getByTestId('preview-button').click();
    await page.getByTestId('archive-button').click();
    const confirmation = page.getByTestId('archive-confirmation');
    await expect.poll(() => confirmation.innerText()).toContain(name);
    expect(await confirmation.innerText()).toContain(`All ${ids.length} targets of “${name}” (6 people)`);
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
    const page = await openGoal(s, familyUuid);
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
