/**
 * Flows of the app's words in the browser: add and remove an assignee from a goal's detail, a broken
 * goal's detail leading to its problems, and the activity list filtered by goal and by person.
 */

import { DEMO } from '@goal-families/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openGoal, type Session, screenshot, slicesOf, startSession } from './support/session.js';

const familyUuid = DEMO.families.teamRevenue2026;

describe('assignees, health and activity in words', { timeout: 120_000 }, () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession({ needs: ['settings'] });
  });
  afterAll(async () => s?.close());
  beforeEach(() => s.wb.emulator.reset());

  it('adds an assignee with the goal’s periods, then removes them again; the activity says both', async () => {
    const before = slicesOf(s.wb, familyUuid);
    const on = new Set(before.map((r) => r.properties.hubspot_owner_id));
    const person = s.wb.emulator.store.owners.find((o) => !on.has(o.id));
    if (!person) throw new Error('every owner is on the goal');
    const name = `${person.firstName} ${person.lastName}`;
    const page = await openGoal(s, familyUuid);

    await page.getByTestId('action-add').click();
    const add = page.getByTestId('add-assignee');
    await add.locator('select[name="assignee"]').selectOption({ label: name });
    const total = add.locator('input[name="total"]');
    await total.fill('24,000');
    await total.blur();
    expect(await add.getByTestId('change-scope').innerText()).toContain(`Adds ${name} to`);
    await add.getByTestId('preview-button').click();
    await add.getByTestId('apply-button').waitFor();
    expect(await add.getByTestId('plan-summary').innerText()).toBe('Creates 12 targets for 1 person.');
    const preview = await add.getByTestId('plan-creates').innerText();
    expect(preview).toMatch(new RegExp(`${name}\\s+Jan 2026\\s+\\$2,000\\.00`));
    expect(await add.getByTestId('plan-warnings').innerText()).toMatch(
      /The goal’s total target changes from \$[\d,]+\.00 to \$[\d,]+\.00\./,
    );
    await screenshot(page, 'admin-add-assignee-preview');
    await add.getByTestId('apply-button').click();
    await expect
      .poll(
        () => slicesOf(s.wb, familyUuid).filter((r) => r.properties.hubspot_owner_id === person.id).length,
        {
          timeout: 20_000,
        },
      )
      .toBe(12);
    await expect
      .poll(() => page.getByTestId('schedule-table').innerText(), { timeout: 20_000 })
      .toContain(name);

    await page.getByTestId('action-remove').click();
    const remove = page.getByTestId('remove-assignee');
    await remove.locator('select[name="assignee"]').selectOption({ label: name });
    expect(await remove.getByTestId('change-scope').innerText()).toContain(`Archives ${name}’s 12 targets`);
    await remove.getByTestId('preview-button').click();
    await remove.getByTestId('apply-button').click();
    await expect
      .poll(
        () => slicesOf(s.wb, familyUuid).filter((r) => r.properties.hubspot_owner_id === person.id).length,
        {
          timeout: 20_000,
        },
      )
      .toBe(0);
    expect(slicesOf(s.wb, familyUuid)).toHaveLength(before.length);

    // The goal's own activity, by the goal's detail.
    // The goal's detail reloads after the change: wait for it before leaving.
    await expect
      .poll(() => page.getByTestId('schedule-table').innerText(), { timeout: 20_000 })
      .not.toContain(name);
    await page.getByTestId('action-activity').click();
    const journal = page.getByTestId('journal-table');
    await journal.waitFor();
    const rows = await journal.innerText();
    expect(rows).toContain(`Added ${name} (12 targets)`);
    expect(rows).toContain(`Removed ${name} (12 targets archived)`);
    expect(rows).toContain('Morgan Martin');
    await page.close();
  });

  it('a broken goal’s detail leads to its problems, which say what to do and lead back', async () => {
    const broken = DEMO.broken.groupIdReused;
    const page = await openGoal(s, broken.uuid);
    const findings = page.getByTestId('family-findings');
    expect(await findings.innerText()).toMatch(/targets include 12 targets of [A-Z][a-z]+ [A-Z][a-z]+/);
    await findings.getByTestId('open-findings').click();
    const tile = page.getByTestId(`findings-${broken.uuid}`);
    await tile.waitFor();
    const text = await tile.innerText();
    expect(text).toContain('No automatic repair. What to do:');
    expect(text).toMatch(/total drops by \$[\d,]+\.00/);
    await screenshot(page, 'admin-goal-problems');
    await tile.locator('[data-testid^="fix-in-goal-"]').first().click();
    await page.getByTestId('family-detail').waitFor();
    await page.close();
  });

  it('filters the activity by person and labels CSV imports as imports', async () => {
    const page = await openGoal(s, familyUuid);
    await page.getByTestId('action-export').click();
    const csv = await page.getByTestId('csv-export').locator('textarea').inputValue();
    const lines = csv.trimEnd().split(/\r?\n/);
    const cells = (lines[1] ?? '').split(',');
    cells[3] = String(Number(cells[3]) + 100);
    cells[cells.length - 1] = '';
    lines[1] = cells.join(',');
    await page.getByTestId('action-import').click();
    await page.getByTestId('csv-import').locator('textarea').fill(lines.join('\n'));
    await page.getByTestId('csv-check').click();
    expect(await page.getByTestId('csv-summary').innerText()).toBe('1 amount change for 1 assignee.');
    await page.getByTestId('csv-apply').click();
    await expect
      .poll(() => page.getByTestId('toast').first().innerText(), { timeout: 20_000 })
      .toContain('Imported');

    await page.getByRole('tab', { name: 'Activity' }).click();
    await page.getByTestId('journal-table').waitFor();
    expect(await page.getByTestId('journal-table').innerText()).toContain('Import');
    await page.getByTestId('activity-user').locator('select').selectOption({ label: 'Priya Popescu' });
    await page.getByTestId('activity-empty').waitFor();
    await page.getByTestId('activity-user').locator('select').selectOption({ label: 'Morgan Martin' });
    await expect
      .poll(() => page.getByTestId('journal-table').innerText(), { timeout: 20_000 })
      .toContain('Imported from a CSV file: 1 target changed');
    await page.close();
  });
});
