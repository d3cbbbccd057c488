import type { FunctionResult } from '@goal-families/contract';
import { Alert, Button, EmptyState, ErrorState, LoadingSpinner, Tab, Table } from '@hubspot/ui-extensions';
import { describe, expect, it, vi } from 'vitest';
import { fail, makeFamily, pending, settingsAnswer } from '../../cards/__tests__/fixtures';
import { textOf } from '../../cards/__tests__/queries';
import { listOf, openTab, renderPage } from './pageHarness';

describe('SettingsPage', () => {
  it('shows a spinner while the settings load', () => {
    const page = renderPage({ app_settings_get: () => pending() });
    expect(page.findByTestId(LoadingSpinner, 'page-loading')).toBeDefined();
  });

  it('explains a failed load and retries on request', async () => {
    let answer: FunctionResult<'app_settings_get'> = fail('HUBSPOT_ERROR', 'HubSpot said 502');
    const page = renderPage({ app_settings_get: () => answer, goal_families_list: () => listOf() });
    await vi.waitFor(() => expect(page.maybeFindByTestId(ErrorState, 'page-error')).not.toBeNull());
    expect(textOf(page.findByTestId(ErrorState, 'page-error'))).toContain('HubSpot said 502');
    answer = settingsAnswer();
    page.findByTestId(Button, 'page-retry').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(EmptyState, 'families-empty')).not.toBeNull());
    expect(page.maybeFindByTestId(ErrorState, 'page-error')).toBeNull();
  });

  it('opens on the Families tab with one list call, and mounts other tabs only when chosen', async () => {
    const page = renderPage({ goal_families_list: () => listOf(makeFamily()) });
    await vi.waitFor(() => expect(page.maybeFindByTestId(Table, 'families-table')).not.toBeNull());
    expect(page.callsOf('goal_journal_list')).toHaveLength(0);
    await openTab(page, 'activity');
    await vi.waitFor(() => expect(page.callsOf('goal_journal_list')).toHaveLength(1));
  });

  it('is read-only for a viewer who may not edit: a notice, no Create tab, no edit actions', async () => {
    const page = renderPage({ goal_families_list: () => listOf(makeFamily()) }, { canEdit: false });
    await vi.waitFor(() => expect(page.maybeFindByTestId(Alert, 'read-only-notice')).not.toBeNull());
    expect(page.find(Tab, { tabId: 'create' }).props.disabled).toBe(true);
  });
});
