/** One workbench (in-memory emulator) and one browser per test file, plus page helpers. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { CrmRecord } from '@goal-families/emulator';
import { ROOT, startWorkbench, type Workbench } from '@goal-families/workbench';
import type { ExtensionKind } from '@goal-families/workbench/extensions';
import type { ViewingRole } from '@goal-families/workbench/page-api';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from './browser.js';
import { ensureBundles } from './bundles.js';
import { assertNoInternalText, guardPage } from './idCheck.js';

/** Where screenshots go: `artifacts/screenshots` (git-ignored), or `SCREENSHOT_DIR` (`npm run screenshots`). */
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR
  ? path.resolve(ROOT, process.env.SCREENSHOT_DIR)
  : path.join(ROOT, 'artifacts/screenshots');

export interface Session {
  wb: Workbench;
  browser: Browser;
  /** True when the page shows the workbench's own sample extension, not the app. */
  fixtureOnly: boolean;
  close(): Promise<void>;
}

export async function startSession(
  options: { fixtureOnly?: boolean; needs?: ExtensionKind[] } = {},
): Promise<Session> {
  const browser = await launchChromium();
  try {
    if (!options.fixtureOnly) await ensureBundles(options.needs ?? ['card', 'settings']);
    const wb = await startWorkbench({
      port: 0,
      buildExtensions: Boolean(options.fixtureOnly),
      fixtureOnly: options.fixtureOnly ?? false,
    });
    return {
      wb,
      browser,
      fixtureOnly: Boolean(options.fixtureOnly),
      async close() {
        await browser.close();
        await wb.close();
      },
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

export async function openView(
  session: Session,
  view: {
    view: 'record' | 'settings';
    record?: { objectTypeId: string; objectId: string };
    user?: ViewingRole;
  },
): Promise<Page> {
  const page = await session.browser.newPage({ viewport: { width: 1360, height: 900 } });
  // Every page of the app is checked for ids and API names before it closes. (The workbench's own
  // sample extension shows a record's owner id on purpose: it tests the host, not the app.)
  if (!session.fixtureOnly) await guardPage(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const q = new URLSearchParams({ view: view.view, user: view.user ?? 'admin' });
  if (view.record) q.set('record', `${view.record.objectTypeId}:${view.record.objectId}`);
  await page.goto(`${session.wb.url}/?${q.toString()}`);
  await page.locator('[data-testid="extension-root"], [data-testid="extension-error"]').first().waitFor();
  const failed = page.locator('[data-testid="extension-error"]');
  if (await failed.count()) throw new Error(`The extension did not start: ${await failed.innerText()}`);
  return page;
}

export async function screenshot(page: Page, name: string, target?: Locator): Promise<string> {
  // What is photographed is what users see: it must be free of ids too.
  await assertNoInternalText(page);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  if (target) await target.screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Opens the admin panel on one goal's detail through the Goals tab's search. The list fills in from
 * bounded scans, so a row can re-render under the click: the click is repeated until the goal opens.
 */
export async function openGoal(session: Session, uuid: string, user: ViewingRole = 'admin'): Promise<Page> {
  const page = await openView(session, { view: 'settings', user });
  const name = slicesOf(session.wb, uuid)[0]?.properties.hs_goal_name ?? '';
  const search = page.getByTestId('filter-text').locator('input');
  await search.fill(name);
  await search.press('Enter');
  const opened = page.locator('[data-testid="family-detail"], [data-testid="family-loading"]').first();
  for (let attempt = 0; ; attempt++) {
    await page.getByTestId(`open-${uuid}`).click({ timeout: 30_000 });
    try {
      await opened.waitFor({ timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
  await page.getByTestId('family-detail').waitFor({ timeout: 60_000 });
  return page;
}

/** Types into a HubSpot input and leaves it, so that its `onChange` commits as in HubSpot. */
export async function fillField(scope: Page | Locator, testId: string, value: string): Promise<void> {
  const input = scope.locator(`[data-testid="${testId}"]`).locator('input, textarea').first();
  await input.fill(value);
  await input.blur();
}

export async function chooseOption(scope: Page | Locator, testId: string, label: string): Promise<void> {
  await scope.locator(`[data-testid="${testId}"] select`).first().selectOption({ label });
}

/** Live (not archived) slices of a family in the emulator, in id order. */
export function slicesOf(
  wb: Workbench,
  uuid: string,
  options: { includeArchived?: boolean } = {},
): CrmRecord[] {
  return wb.emulator.store
    .listObjects('goal_targets', { includeArchived: options.includeArchived ?? false })
    .filter((r) => r.properties.hs_group_correlation_uuid === uuid);
}
