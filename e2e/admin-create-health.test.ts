/**
 * The admin panel's Create and Health tabs, end to end (flows 4 and 5 of the workbench issue), plus
 * screenshots of every admin tab.
 */

import { DEMO } from '@goal-families/emulator';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openView, type Session, screenshot, slicesOf, startSession } from './support/session.js';

/** Chooses the option whose text matches, in a HubSpot Select or a MultiSelect's "Add" picker. */
async function pick(select: Locator, text: RegExp): Promise<string> {
  const labels = await select.locator('option').allTextContents();
  const label = labels.find((l) => text.test(l));
  if (!label) throw new Error(`no option matching ${text} in ${labels.join(' | ')}`);
  await select.selectOption({ label });
  return label;
}

async function fill(scope: Locator, name: string, value: string) {
  const input = scope.locator(`input[name="${name}"]`);
  await input.fill(value);
  await input.blur();
}

async function openTab(page: Page, title: string) {
  await page.getByRole('tab', { name: title }).click();
}

describe('admin panel · Create and Health', { timeout: 120_000 }, () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession({ needs: ['settings'] });
  });
  afterAll(async () => s?.close());
  beforeEach(() => s.wb.emulator.reset());

  it('4. creates a quarterly family for three owners with a weighted spread', async () => {
    const page = await openView(s, { view: 'settings', user: 'admin' });
    await openTab(page, 'Create');
    const form = page.getByTestId('create-tab');
    await fill(form, 'name', 'E2E quarterly quota');
    await pick(form.locator('select[name="milestone"]'), /^Quarterly$/);
    await pick(form.locator('select[name="year"]'), /^2028$/);
    await pick(form.locator('select[name="startMonth"]'), /^Jan/);
    // The time zone is a picker of IANA zones, not free text.
    await pick(form.locator('select[name="timeZone"]'), /^UTC \(/);
    const owners = s.wb.emulator.store.owners;
    const chosen: string[] = [];
    for (const owner of owners.slice(10, 13)) {
      await pick(form.getByLabel('Add to People'), new RegExp(owner.email.replace(/[.+]/g, '\\$&')));
      chosen.push(owner.id);
    }
    await pick(form.locator('select[name="spreadMode"]'), /weights/);
    await fill(form, 'total', '10000');
    await fill(form, 'weights', '1,2,3,4');
    await screenshot(page, 'admin-tab-create');
    await form.getByTestId('preview-button').click();
    await form.getByTestId('apply-button').waitFor();
    // Every new target by person, period label and formatted amount.
    const names = owners.slice(10, 13).map((o) => `${o.firstName} ${o.lastName}`);
    expect(await form.getByTestId('plan-summary').innerText()).toBe('Creates 12 targets for 3 people.');
    const preview = await form.getByTestId('plan-creates').innerText();
    expect(preview).toMatch(new RegExp(`${names[0]}\\s+Q1 2028\\s+\\$1,000\\.00`));
    expect(preview).toMatch(/Q4 2028\s+\$4,000\.00/);
    await screenshot(page, 'admin-create-preview');
    await form.getByTestId('apply-button').click();
    await expect.poll(() => page.getByTestId('toast').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // After create, the new goal opens.
    const detail = page.getByTestId('family-detail');
    await detail.waitFor({ timeout: 20_000 });
    expect(await detail.locator('[data-hs="Heading"]').first().innerText()).toBe('E2E quarterly quota');
    const schedule = await detail.getByTestId('schedule-table').innerText();
    for (const name of names) expect(schedule).toContain(name);
    expect(schedule).toContain('$10,000.00');

    const created = s.wb.emulator.store
      .listObjects('goal_targets')
      .filter((r) => r.properties.hs_goal_name === 'E2E quarterly quota');
    expect(created).toHaveLength(12);
    const uuids = new Set(created.map((r) => r.properties.hs_group_correlation_uuid));
    expect(uuids.size).toBe(1);
    expect(new Set(created.map((r) => r.properties.hubspot_owner_id))).toEqual(new Set(chosen));
    const quarters = [
      ['2028-01-01T00:00:00.000Z', '2028-03-31T23:59:59.999Z', '1000'],
      ['2028-04-01T00:00:00.000Z', '2028-06-30T23:59:59.999Z', '2000'],
      ['2028-07-01T00:00:00.000Z', '2028-09-30T23:59:59.999Z', '3000'],
      ['2028-10-01T00:00:00.000Z', '2028-12-31T23:59:59.999Z', '4000'],
    ];
    for (const ownerId of chosen) {
      const mine = created.filter((r) => r.properties.hubspot_owner_id === ownerId);
      expect(new Set(mine.map((r) => r.properties.hs_goal_target_group_id)).size).toBe(1);
      const rows = mine
        .map((r) => [
          new Date(
            Number.isNaN(Number(r.properties.hs_start_datetime))
              ? String(r.properties.hs_start_datetime)
              : Number(r.properties.hs_start_datetime),
          ).toISOString(),
          new Date(
            Number.isNaN(Number(r.properties.hs_end_datetime))
              ? String(r.properties.hs_end_datetime)
              : Number(r.properties.hs_end_datetime),
          ).toISOString(),
          String(Number(r.properties.hs_target_amount)),
        ])
        .sort();
      expect(rows).toEqual(quarters);
      for (const r of mine) expect(r.properties.hs_milestone).toBe('quarterly');
    }
    await page.close();
  });

  it('5. the health check finds the seeded broken families; one repaired is healthy afterwards', async () => {
    const page = await openView(s, { view: 'settings', user: 'admin' });
    await openTab(page, 'Health');
    await page.getByTestId('audit-start').click();
    await page.getByTestId('audit-summary').waitFor({ timeout: 60_000 });
    await screenshot(page, 'admin-tab-health');
    // Page and repair once the check is complete: findings still arriving would move tiles between
    // pages (and away from an open repair).
    await expect
      .poll(() => page.getByTestId('audit-progress').innerText(), { timeout: 60_000 })
      .toContain('Check complete');
    // Findings are listed ten families to a page: read every page.
    const listed = new Set<string>();
    const tiles = page.locator('[data-testid^="findings-"]');
    const pager = (name: 'Next' | 'Previous') =>
      page.getByTestId('health-tab').getByRole('button', { name, exact: true });
    /** Moves one page; false when there is no page that way. */
    const turn = async (name: 'Next' | 'Previous') => {
      const button = pager(name);
      if ((await button.count()) === 0 || (await button.isDisabled())) return false;
      const first = await tiles.first().getAttribute('data-testid');
      await button.click();
      await expect.poll(() => tiles.first().getAttribute('data-testid')).not.toBe(first);
      return true;
    };
    do {
      const ids = await tiles.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
      for (const id of ids) listed.add(id.replace(/^findings-/, ''));
    } while (await turn('Next'));
    for (const b of Object.values(DEMO.broken)) {
      if (slicesOf(s.wb, b.uuid).length === 0) continue;
      expect(listed.has(b.uuid), b.name).toBe(true);
    }
    const target = DEMO.broken.mixedNames;
    const tile = page.getByTestId(`findings-${target.uuid}`);
    while ((await tile.count()) === 0) expect(await turn('Previous')).toBe(true);
    await tile.locator('[data-testid^="repair-"]').first().click();
    await tile.getByTestId('preview-button').click();
    expect(await tile.innerText()).toContain('The name differs on 1 target of 12');
    await tile.getByTestId('apply-button').click();
    await expect
      .poll(() => page.getByTestId('toast').first().innerText(), { timeout: 20_000 })
      .toContain('Repaired');
    const names = new Set(slicesOf(s.wb, target.uuid).map((r) => r.properties.hs_goal_name));
    expect(names.size).toBe(1);
    const caller = { userId: DEMO.users.admin };
    const got = (await s.wb.functions.run('goal_family_get', {
      caller,
      portal: { id: String(s.wb.emulator.portalId), timeZone: 'UTC' },
      uuid: target.uuid,
    })) as { ok: boolean; family?: { healthy: boolean } };
    expect(got.ok).toBe(true);
    expect(got.family?.healthy).toBe(true);
    await page.close();
  });

  it('shows the Goals, Activity and Settings tabs (screenshots)', async () => {
    const page = await openView(s, { view: 'settings', user: 'admin' });
    await page.getByTestId('families-table').waitFor();
    await screenshot(page, 'admin-tab-families');
    await openTab(page, 'Activity');
    await page.locator('[role=tabpanel]').waitFor();
    await screenshot(page, 'admin-tab-activity');
    await openTab(page, 'Settings');
    await page.locator('[role=tabpanel]').waitFor();
    await screenshot(page, 'admin-tab-settings');
    expect(await page.getByRole('tab').allTextContents()).toEqual([
      'Goals',
      'Create',
      'Health',
      'Activity',
      'Settings',
    ]);
    await page.close();
  });
});
