import {
  Button,
  EmptyState,
  ErrorState,
  LoadingButton,
  Select,
  StatusTag,
  Table,
} from '@hubspot/ui-extensions';
import { describe, expect, it, vi } from 'vitest';
import {
  appliedOf,
  FAMILY_UUID,
  fail,
  makeFamily,
  makeJournalEntry,
  makePlan,
  ok,
  previewOf,
} from '../../cards/__tests__/fixtures';
import { fire, textOf } from '../../cards/__tests__/queries';
import { listOf, openTab, renderPage } from './pageHarness';

const journal = (...entries: ReturnType<typeof makeJournalEntry>[]) =>
  ok('goal_journal_list', { entries, nextCursor: null });

describe('Activity tab', () => {
  it('lists who changed which goal when, with undo only where possible', async () => {
    const page = renderPage({
      goal_families_list: () => listOf(),
      goal_journal_list: () =>
        journal(
          makeJournalEntry(),
          makeJournalEntry({ id: 'j-0', undoable: false, summary: 'Created' }),
          makeJournalEntry({ id: 'j-u', undoneBy: 'j-9' }),
          makeJournalEntry({
            id: 'j-i',
            operation: 'respread',
            source: 'csv-import',
            changes: [{ id: '1001', property: 'hs_target_amount', before: '1.00', after: '2.00' }],
          }),
        ),
    });
    await openTab(page, 'activity');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Table, 'journal-table')).not.toBeNull());
    const table = textOf(page.findByTestId(Table, 'journal-table'));
    expect(table).toContain('Mar 10, 2026, 9:30 AM');
    // People by name, the change in words (not the stored summary), imports labelled as imports.
    expect(table).toContain('Ada Admin');
    expect(table).toContain('Renamed the goal to “Q-2026 New business” (1 target)');
    expect(table).toContain('Import Imported from a CSV file: 1 target changed');
    expect(table).not.toMatch(/hs_|slice|42/);
    expect(table).toContain('Undone');
    expect(page.maybeFindByTestId(Button, 'undo-j-1')).not.toBeNull();
    expect(page.maybeFindByTestId(Button, 'undo-j-0')).toBeNull();
    expect(page.maybeFindByTestId(Button, 'undo-j-u')).toBeNull();
  });

  it('filters by goal and by who made the change, on the server', async () => {
    const page = renderPage({
      goal_families_list: () => listOf(makeFamily()),
      goal_journal_list: () => journal(makeJournalEntry()),
    });
    await openTab(page, 'activity');
    await vi.waitFor(() =>
      expect(page.findByTestId(Select, 'activity-goal').props.options.map((o) => o.label)).toEqual([
        'Every goal',
        'Q-2026 New business',
      ]),
    );
    expect(page.findByTestId(Select, 'activity-user').props.options.map((o) => o.label)).toEqual([
      'Anyone',
      'Olivia Owner',
      'Ada Admin',
    ]);
    fire(page.findByTestId(Select, 'activity-goal'), 'onChange', FAMILY_UUID);
    fire(page.findByTestId(Select, 'activity-user'), 'onChange', '42');
    await vi.waitFor(() =>
      expect(page.callsOf('goal_journal_list').at(-1)).toEqual({
        limit: 25,
        familyUuid: FAMILY_UUID,
        userId: '42',
      }),
    );
  });

  it('marks records altered outside the app or not signed, offers no undo for them, and names unknown users plainly', async () => {
    const page = renderPage({
      goal_families_list: () => listOf(),
      goal_journal_list: () =>
        journal(
          makeJournalEntry({ id: 'j-t', integrity: 'tampered', trusted: false, undoable: false }),
          makeJournalEntry({ id: 'j-n', integrity: 'unsigned', trusted: false, undoable: false }),
          makeJournalEntry({ id: 'j-o', integrity: 'unsigned', trusted: true, by: { userId: '5' } }),
        ),
    });
    await openTab(page, 'activity');
    await vi.waitFor(() => expect(page.maybeFindByTestId(StatusTag, 'tampered-j-t')).not.toBeNull());
    expect(textOf(page.findByTestId(StatusTag, 'tampered-j-t'))).toBe('Altered outside the app');
    expect(textOf(page.findByTestId(StatusTag, 'unsigned-j-n'))).toBe('Not signed by the app');
    // Unsigned while the app signs nothing: nothing to warn about.
    expect(page.maybeFindByTestId(StatusTag, 'unsigned-j-o')).toBeNull();
    expect(page.maybeFindByTestId(Button, 'undo-j-t')).toBeNull();
    expect(page.maybeFindByTestId(Button, 'undo-j-n')).toBeNull();
    expect(page.maybeFindByTestId(Button, 'undo-j-o')).not.toBeNull();
    await vi.waitFor(() =>
      expect(textOf(page.findByTestId(Table, 'journal-table'))).toContain('A former user'),
    );
  });

  it('undoes a change after a preview and reloads the journal', async () => {
    const plan = makePlan({ operation: 'undo', notices: [] });
    const page = renderPage({
      goal_families_list: () => listOf(),
      goal_journal_list: () => journal(makeJournalEntry()),
      goal_change_undo: (p) =>
        p.dryRun ? ok('goal_change_undo', previewOf(plan)) : ok('goal_change_undo', appliedOf(plan)),
    });
    await openTab(page, 'activity');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Button, 'undo-j-1')).not.toBeNull());
    page.findByTestId(Button, 'undo-j-1').trigger('onClick');
    page.findByTestId(Button, 'preview-button').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(LoadingButton, 'apply-button')).not.toBeNull());
    page.findByTestId(LoadingButton, 'apply-button').trigger('onClick');
    await vi.waitFor(() => expect(page.actions.addAlert).toHaveBeenCalled());
    expect(page.callsOf('goal_change_undo')).toEqual([
      { entryId: 'j-1', dryRun: true },
      { entryId: 'j-1', dryRun: false, version: 'v-1' },
    ]);
    await vi.waitFor(() => expect(page.callsOf('goal_journal_list')).toHaveLength(2));
  });

  it('shows the empty and error states', async () => {
    const empty = renderPage({ goal_families_list: () => listOf(), goal_journal_list: () => journal() });
    await openTab(empty, 'activity');
    await vi.waitFor(() => expect(empty.maybeFindByTestId(EmptyState, 'activity-empty')).not.toBeNull());
    const broken = renderPage({
      goal_families_list: () => listOf(),
      goal_journal_list: () => fail('INTERNAL_ERROR', 'oops'),
    });
    await openTab(broken, 'activity');
    await vi.waitFor(() => expect(broken.maybeFindByTestId(ErrorState, 'activity-error')).not.toBeNull());
  });
});
