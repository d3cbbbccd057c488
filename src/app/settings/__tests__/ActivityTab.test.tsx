import { Button, EmptyState, ErrorState, LoadingButton, StatusTag, Table } from '@hubspot/ui-extensions';
import { describe, expect, it, vi } from 'vitest';
import { appliedOf, fail, makeJournalEntry, makePlan, ok, previewOf } from '../../cards/__tests__/fixtures';
import { textOf } from '../../cards/__tests__/queries';
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
        ),
    });
    await openTab(page, 'activity');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Table, 'journal-table')).not.toBeNull());
    const table = textOf(page.findByTestId(Table, 'journal-table'));
    expect(table).toContain('Mar 10, 2026, 9:30 AM');
    // The journal holds user ids; names come from the directory.
    expect(table).toContain('Ada Admin');
    expect(table).toContain('Undone');
    expect(page.maybeFindByTestId(Button, 'undo-j-1')).not.toBeNull();
    expect(page.maybeFindByTestId(Button, 'undo-j-0')).toBeNull();
    expect(page.maybeFindByTestId(Button, 'undo-j-u')).toBeNull();
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
      expect(textOf(page.findByTestId(Table, 'journal-table'))).toContain('Unknown user'),
    );
  });

  it('undoes a change after a preview and reloads the journal', async () => {
    const plan = makePlan({ operation: 'undo', summary: 'Restore 12 names', warnings: [] });
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
