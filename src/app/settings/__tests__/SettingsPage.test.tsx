import type { FunctionResult } from '@goal-families/contract';
import {
  Alert,
  Button,
  EmptyState,
  ErrorState,
  Input,
  LoadingSpinner,
  Tab,
  Table,
  Text,
} from '@hubspot/ui-extensions';
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
    const text = textOf(page.findByTestId(ErrorState, 'page-error'));
    expect(text).toContain('HubSpot answered with an error, so nothing was changed.');
    // HubSpot's own words stay out of the UI.
    expect(text).not.toContain('502');
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

  it('tells a viewer who may not edit why, and who can grant it, instead of silently disabling', async () => {
    const page = renderPage({ goal_families_list: () => listOf(makeFamily()) }, { canEdit: false });
    await vi.waitFor(() => expect(page.maybeFindByTestId(Alert, 'read-only-notice')).not.toBeNull());
    expect(textOf(page.findByTestId(Alert, 'read-only-notice'))).toContain(
      'To get editing rights, ask a super admin to add you as an editor',
    );
    expect(page.find(Tab, { tabId: 'create' }).props.disabled).toBeUndefined();
    await openTab(page, 'create');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Text, 'create-read-only')).not.toBeNull());
    expect(page.maybeFind(Input, { name: 'name' })).toBeNull();
  });

  it('calls the tabs by the app’s words', async () => {
    const page = renderPage({ goal_families_list: () => listOf(makeFamily()) });
    await vi.waitFor(() => expect(page.maybeFind(Tab, { tabId: 'families' })).not.toBeNull());
    expect(page.findAll(Tab).map((t) => t.props.title)).toEqual([
      'Goals',
      'Create',
      'Health',
      'Activity',
      'Settings',
    ]);
  });
});
