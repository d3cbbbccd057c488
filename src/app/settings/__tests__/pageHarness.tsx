import type { FamilyIndexEntry, FunctionResult } from '@goal-families/contract';
import { type SettingsContext, Tabs } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { expect, vi } from 'vitest';
import {
  fakeClient,
  type Handlers,
  type makeFamily,
  ok,
  settingsAnswer,
} from '../../cards/__tests__/fixtures';
import { fire } from '../../cards/__tests__/queries';
import { SettingsPage, type TabId } from '../SettingsPage';
import type { PageActions } from '../types/page';

export const NOW = new Date('2026-03-15T12:00:00.000Z');
export const NEW_UUID = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';

export function pageContext(): SettingsContext {
  return {
    location: 'settings',
    user: {
      id: 42,
      emails: ['admin@example.com'],
      email: 'admin@example.com',
      firstName: 'Ada',
      lastName: 'Admin',
      roles: [],
      teams: [],
      permissions: ['integrations-management-write'],
    },
    portal: { id: 123456, timezone: 'UTC' },
  };
}

export function pageActions() {
  return {
    addAlert: vi.fn(),
    closeOverlay: vi.fn(),
    copyTextToClipboard: vi.fn(async () => undefined),
    navigateToPage: vi.fn(),
    openIframeModal: vi.fn(),
    reloadPage: vi.fn(),
  };
}

export const directory = () =>
  ok('owners_and_teams_list', {
    owners: [
      { id: '77', userId: '1', name: 'Olivia Owner', email: 'olivia@example.com' },
      { id: '88', userId: '42', name: 'Ada Admin', email: 'admin@example.com' },
    ],
    teams: [{ id: '9', name: 'West' }],
  });

export const goalOptions = () =>
  ok('goal_property_options', {
    goalTypes: [
      { value: 'sales_quota', label: 'Revenue' },
      { value: 'custom_goal', label: 'Custom' },
    ],
    milestones: [{ value: 'monthly', label: 'Monthly' }],
    pipelines: [{ id: 'default', label: 'Sales pipeline' }],
    currencies: [
      { code: 'USD', company: true },
      { code: 'EUR', company: false },
    ],
  });

export const listOf = (...families: ReturnType<typeof makeFamily>[]) =>
  ok('goal_families_list', { families, nextCursor: null, total: families.length });

type Summary = ReturnType<typeof makeFamily>;

/** What `goal_families_index` reports of a family summary: one call seeing the whole family. */
export const indexEntryOf = (f: Summary): FamilyIndexEntry => ({
  uuid: f.uuid,
  name: f.name,
  goalType: f.goalType,
  milestone: f.milestone,
  ownerIds: f.groups.flatMap((g) => (g.assignee?.kind === 'owner' ? [g.assignee.id] : [])),
  teamIds: f.groups.flatMap((g) => (g.assignee?.kind === 'team' ? [g.assignee.id] : [])),
  sliceCount: f.sliceCount,
  periodStart: f.periodStart,
  periodEnd: f.periodEnd,
});

/** An index answer of one call holding these families. */
export const indexOf = (...families: Summary[]) =>
  ok('goal_families_index', {
    entries: families.map(indexEntryOf),
    nextCursor: null,
    progress: 1,
    scannedTargets: families.reduce((n, f) => n + f.sliceCount, 0),
    budget: 'budget-of-the-scan',
  });

/** The answer of `goal_families_index` with `source: store` before any health check: no stored index. */
export const noStoredIndex = () =>
  ok('goal_families_index', {
    entries: [],
    nextCursor: null,
    progress: 1,
    scannedTargets: 0,
    budget: 'budget-of-the-store-read',
    stored: null,
  });

/** A stored index holding these entries, fresh as of `freshAt` (built at `builtAt`). */
export const storedIndexOf = (entries: FamilyIndexEntry[], builtAt: string, freshAt: string = builtAt) =>
  ok('goal_families_index', {
    entries,
    nextCursor: null,
    progress: 1,
    scannedTargets: entries.reduce((n, e) => n + e.sliceCount, 0),
    budget: 'budget-of-the-store-read',
    stored: { builtAt, freshAt },
  });

/** The scan calls of `goal_families_index` (the reads of the stored index left out). */
export const scanCalls = (calls: readonly unknown[]) =>
  calls.filter((c) => (c as { source?: string }).source !== 'store');

/**
 * Tests written against the list alone get an index derived from it: the families the list
 * handler answers for an unfiltered call.
 */
function indexFromList(list: NonNullable<Handlers['goal_families_list']>): Handlers['goal_families_index'] {
  return async () => {
    const answer = await list({ filter: {}, limit: 100 });
    return answer.ok ? indexOf(...answer.families) : answer;
  };
}

/**
 * Scans go to the test's handler; reads of the stored index (`source: store`) too when the handler
 * answers them with a stored index, else as before any health check (none).
 */
function withStoredIndex(scan: Handlers['goal_families_index']): Partial<Handlers> {
  if (!scan) return {};
  return {
    goal_families_index: async (p) => {
      if (p.source !== 'store') return scan(p);
      const answer = await scan(p);
      return answer.ok && answer.stored ? answer : noStoredIndex();
    },
  };
}

/** Renders the settings page with an injected client; an editor by default. */
export function renderPage(
  handlers: Handlers,
  options: {
    canEdit?: boolean;
    settingsAnswer?: Partial<Extract<FunctionResult<'app_settings_get'>, { ok: true }>>;
  } = {},
) {
  const fake = fakeClient({
    app_settings_get: () => settingsAnswer({ canEdit: options.canEdit ?? true, ...options.settingsAnswer }),
    owners_and_teams_list: directory,
    goal_property_options: goalOptions,
    app_store_check: () =>
      ok('app_store_check', {
        protection: { signing: true, settingsRecord: 'valid', settingsIgnored: false },
        checkedEntries: 3,
        untrusted: [],
        nextCursor: null,
      }),
    ...handlers,
    ...withStoredIndex(
      handlers.goal_families_index ??
        (handlers.goal_families_list ? indexFromList(handlers.goal_families_list) : undefined),
    ),
  });
  const actions = pageActions();
  const renderer = createRenderer('settings');
  renderer.render(
    <SettingsPage
      context={pageContext()}
      actions={actions as unknown as PageActions}
      client={fake.client}
      now={() => NOW}
      newId={() => NEW_UUID}
    />,
  );
  return { ...renderer, ...fake, actions };
}

/** Selects a tab the way a click on it does. */
export async function openTab(page: ReturnType<typeof renderPage>, tab: TabId) {
  await vi.waitFor(() => expect(page.maybeFind(Tabs)).not.toBeNull());
  fire(page.find(Tabs), 'onSelectedChange', tab);
}
