import {
  Alert,
  Button,
  EmptyState,
  ErrorState,
  LoadingButton,
  Modal,
  ProgressBar,
  SearchInput,
  Select,
  Table,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import { describe, expect, it, vi } from 'vitest';
import {
  appliedOf,
  FAMILY_UUID,
  fail,
  makeFamily,
  makeFamilyDetail,
  makePlan,
  makeSettings,
  ok,
  previewOf,
} from '../../cards/__tests__/fixtures';
import { fire, textOf } from '../../cards/__tests__/queries';
import { ARCHIVE_MODAL_ID } from '../components/families/ArchiveFamily';
import { formatScheduleCsv } from '../utils/scheduleCsv';
import {
  indexEntryOf,
  indexOf,
  listOf,
  NEW_UUID,
  NOW,
  renderPage,
  scanCalls,
  storedIndexOf,
} from './pageHarness';

const detail = makeFamilyDetail();
const withFamily = (extra: Parameters<typeof renderPage>[0] = {}) =>
  renderPage({
    goal_families_list: () => listOf(makeFamily()),
    goal_family_get: () => ok('goal_family_get', { family: detail }),
    ...extra,
  });

async function openFamily(page: ReturnType<typeof renderPage>) {
  await vi.waitFor(() => expect(page.maybeFindByTestId(Button, `open-${FAMILY_UUID}`)).not.toBeNull());
  page.findByTestId(Button, `open-${FAMILY_UUID}`).trigger('onClick');
  await vi.waitFor(() => expect(page.maybeFindByTestId(Table, 'schedule-table')).not.toBeNull());
}

describe('Families tab — list', () => {
  it('lists families with exact totals and health', async () => {
    const page = renderPage({
      goal_families_list: () =>
        listOf(
          makeFamily(),
          makeFamily({
            uuid: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
            name: 'Broken',
            healthy: false,
            findingCount: 3,
            totalTarget: '0.30',
          }),
        ),
    });
    await vi.waitFor(() => expect(page.maybeFindByTestId(Table, 'families-table')).not.toBeNull());
    const table = textOf(page.findByTestId(Table, 'families-table'));
    expect(table).toContain('Q-2026 New business');
    expect(table).toContain('$12,000.00');
    expect(table).toContain('$0.30');
    expect(table).toContain('Needs repair · 3 problems');
    // The portal's labels and the app's period style.
    expect(table).toContain('Revenue Monthly · Jan 2026 – Dec 2026');
    expect(table).not.toMatch(/sales_quota|monthly/);
  });

  it("shows each family's periods in its own time zone, whatever the default zone", async () => {
    // A FY2026 goal made in Berlin: its months start at Berlin's midnights (23:00 UTC the day before).
    const berlin = makeFamily({
      periodStart: '2025-12-31T23:00:00.000Z',
      periodEnd: '2026-12-31T22:59:59.999Z',
      convention: { endStyle: 'inclusive', timeZone: 'Europe/Berlin' },
    });
    const page = renderPage(
      { goal_families_list: () => listOf(berlin) },
      {
        settingsAnswer: {
          settings: makeSettings({
            defaults: { timeZone: 'America/Los_Angeles', fiscalYearStartMonth: 1, currency: 'USD' },
          }),
        },
      },
    );
    await vi.waitFor(() => expect(page.maybeFindByTestId(Table, 'families-table')).not.toBeNull());
    expect(textOf(page.findByTestId(Table, 'families-table'))).toContain('Monthly · Jan 2026 – Dec 2026');
  });

  it('sends search and filters to the list function, starting at page one', async () => {
    const page = renderPage({ goal_families_list: () => listOf(makeFamily()) });
    await vi.waitFor(() => expect(page.callsOf('goal_families_list')).toHaveLength(1));
    await vi.waitFor(() => expect(page.find(Select, { name: 'ownerId' }).props.options).toHaveLength(3));
    fire(page.find(SearchInput), 'onChange', ' quota ');
    fire(page.find(Select, { name: 'ownerId' }), 'onChange', '77');
    fire(page.find(Select, { name: 'year' }), 'onChange', '2026');
    fire(page.find(Select, { name: 'health' }), 'onChange', 'broken');
    await vi.waitFor(() =>
      expect(page.callsOf('goal_families_list').at(-1)).toEqual({
        filter: { text: 'quota', ownerId: '77', from: '2026-01-01', to: '2026-12-31', health: 'broken' },
        limit: 25,
      }),
    );
  });

  it('builds the index call by call with a progress bar, then pages locally by name', async () => {
    const families = Array.from({ length: 30 }, (_, i) =>
      makeFamily({
        uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        name: `Goal ${String(29 - i).padStart(2, '0')}`,
      }),
    );
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const page = renderPage({
      goal_families_index: async (p) => {
        if (p.source === 'store') return indexOf();
        if (!p.cursor) return { ...indexOf(...families.slice(0, 12)), nextCursor: 'i-2', progress: 0.4 };
        await gate;
        return { ...indexOf(...families.slice(12)), budget: 'budget-of-the-last-call' };
      },
      goal_families_list: (p) =>
        listOf(...(p.uuids ?? []).map((u) => families.find((f) => f.uuid === u) ?? makeFamily())),
    });
    await vi.waitFor(() =>
      expect(page.maybeFindByTestId(ProgressBar, 'families-index-progress')?.props).toMatchObject({
        title: 'Reading the portal’s goals…',
        value: 40,
      }),
    );
    expect(page.callsOf('goal_families_list')).toHaveLength(0);
    release();
    await vi.waitFor(() =>
      expect(page.maybeFindByTestId(Text, 'page-position')?.text).toBe('Page 1 of 2 · 30 goals'),
    );
    expect(scanCalls(page.callsOf('goal_families_index'))).toEqual([{}, { cursor: 'i-2' }]);
    const byName = [...families].sort((a, b) => a.name.localeCompare(b.name)).map((f) => f.uuid);
    // The page call counts the scan's last calls against HubSpot's rate limits (no 429 after a scan).
    const budget = 'budget-of-the-last-call';
    expect(page.callsOf('goal_families_list')).toEqual([{ uuids: byName.slice(0, 25), budget }]);
    page.findByTestId(Button, 'page-next').trigger('onClick');
    await vi.waitFor(() =>
      expect(page.maybeFindByTestId(Text, 'page-position')?.text).toBe('Page 2 of 2 · 30 goals'),
    );
    expect(page.callsOf('goal_families_list')[1]).toEqual({ uuids: byName.slice(25), budget });
    expect(page.findByTestId(Button, 'page-next').props.disabled).toBe(true);
    expect(scanCalls(page.callsOf('goal_families_index'))).toHaveLength(2);
  });

  it('filters the index locally: text, owner, team, type, period length and year', async () => {
    const mine = makeFamilyDetail(); // owner 77 and team 9
    const other = makeFamily({
      uuid: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      name: 'Renewals',
      goalType: 'custom_goal',
      milestone: 'quarterly',
      groups: [],
      periodStart: '2027-01-01T00:00:00.000Z',
      periodEnd: '2027-12-31T23:59:59.999Z',
    });
    const page = renderPage({
      goal_families_index: () => indexOf(mine, other),
      goal_families_list: (p) => listOf(...[mine, other].filter((f) => p.uuids?.includes(f.uuid))),
    });
    await vi.waitFor(() => expect(page.callsOf('goal_families_list')).toHaveLength(1));
    await vi.waitFor(() => expect(page.find(Select, { name: 'ownerId' }).props.options).toHaveLength(3));
    const cases: [string, string, string[]][] = [
      ['ownerId', '77', [mine.uuid]],
      ['teamId', '9', [mine.uuid]],
      ['goalType', 'custom_goal', [other.uuid]],
      ['milestone', 'quarterly', [other.uuid]],
      ['year', '2027', [other.uuid]],
    ];
    for (const [name, value, uuids] of cases) {
      fire(page.find(Select, { name }), 'onChange', value);
      await vi.waitFor(() =>
        expect(page.callsOf('goal_families_list').at(-1)).toEqual({ uuids, budget: 'budget-of-the-scan' }),
      );
      fire(page.find(Select, { name }), 'onChange', '');
    }
    fire(page.find(SearchInput), 'onChange', 'renew');
    await vi.waitFor(() =>
      expect(page.callsOf('goal_families_list').at(-1)).toEqual({
        uuids: [other.uuid],
        budget: 'budget-of-the-scan',
      }),
    );
    fire(page.find(SearchInput), 'onChange', 'nothing like it');
    await vi.waitFor(() => expect(page.maybeFindByTestId(EmptyState, 'families-empty')).not.toBeNull());
    expect(textOf(page.findByTestId(EmptyState, 'families-empty'))).toContain('No goal matches');
    // Every filter ran on the one index read.
    expect(scanCalls(page.callsOf('goal_families_index'))).toHaveLength(1);
  });

  it('shows the empty and error states', async () => {
    const empty = renderPage({ goal_families_list: () => listOf() });
    await vi.waitFor(() => expect(empty.maybeFindByTestId(EmptyState, 'families-empty')).not.toBeNull());
    expect(textOf(empty.findByTestId(EmptyState, 'families-empty'))).toContain(
      'Create one in the Create tab',
    );
    const broken = renderPage({ goal_families_list: () => fail('FORBIDDEN', 'no') });
    await vi.waitFor(() => expect(broken.maybeFindByTestId(ErrorState, 'families-error')).not.toBeNull());
    expect(textOf(broken.findByTestId(ErrorState, 'families-error'))).toContain('Ask a super admin');
  });
});

describe('Families tab — one family', () => {
  it('shows a count goal (deals won) as plain numbers in the list and the schedule', async () => {
    const dealsWon = makeFamilyDetail({ goalType: 'deals_won', totalTarget: '60.00', totalKpi: '12.50' });
    const page = renderPage({
      goal_families_list: () => listOf(dealsWon),
      goal_family_get: () => ok('goal_family_get', { family: dealsWon }),
    });
    await vi.waitFor(() => expect(page.maybeFindByTestId(Table, 'families-table')).not.toBeNull());
    const list = textOf(page.findByTestId(Table, 'families-table'));
    expect(list).toContain('60');
    expect(list).toContain('12.5');
    expect(list).not.toContain('$');
    await openFamily(page);
    const schedule = textOf(page.findByTestId(Table, 'schedule-table'));
    expect(schedule).toContain('1,000');
    expect(schedule).toContain('6,000');
    expect(schedule).not.toContain('$');
  });

  it('shows slices per assignee and period', async () => {
    const page = withFamily();
    await openFamily(page);
    const schedule = textOf(page.findByTestId(Table, 'schedule-table'));
    expect(schedule).toContain('Olivia Owner');
    expect(schedule).toContain('West (team)');
    expect(schedule).toContain('Jan 2026');
    expect(schedule).toContain('$500.00');
    expect(schedule).toContain('$6,000.00');
    page.findByTestId(Button, 'back-to-list').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Table, 'families-table')).not.toBeNull());
  });

  it('edits family-wide with a preview, applying with its version', async () => {
    const plan = makePlan({
      operation: 'family-update',
      notices: [],
      updates: [
        {
          id: '1001',
          label: 'x',
          changes: [{ property: 'hs_goal_type', before: 'sales_quota', after: 'custom_goal' }],
        },
      ],
    });
    const page = withFamily({
      goal_family_update: (p) =>
        p.dryRun ? ok('goal_family_update', previewOf(plan)) : ok('goal_family_update', appliedOf(plan)),
    });
    await openFamily(page);
    page.findByTestId(Button, 'action-edit').trigger('onClick');
    fire(page.find(Select, { name: 'goalType' }), 'onChange', 'custom_goal');
    // The scope is said before the preview: everyone on the goal.
    expect(page.findByTestId(Text, 'change-scope').text).toBe(
      'This makes it a Custom goal for 1 person and 1 team (24 targets).',
    );
    page.findByTestId(Button, 'preview-button').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(LoadingButton, 'apply-button')).not.toBeNull());
    expect(page.callsOf('goal_family_update')[0]).toEqual({
      uuid: FAMILY_UUID,
      changes: { goalType: 'custom_goal' },
      notify: false,
      dryRun: true,
    });
    expect(textOf(page.findByTestId(Table, 'plan-updates'))).toBe(
      'Assignee Period Change Before After Olivia Owner Jan 2026 Goal type Revenue Custom',
    );
    page.findByTestId(LoadingButton, 'apply-button').trigger('onClick');
    await vi.waitFor(() => expect(page.actions.addAlert).toHaveBeenCalled());
    expect(page.callsOf('goal_family_update')[1]).toMatchObject({ dryRun: false, version: 'v-1' });
    await vi.waitFor(() => expect(page.callsOf('goal_family_get')).toHaveLength(2));
  });

  it('archives after a confirmation naming the family and the slice count', async () => {
    const archives = Array.from({ length: 24 }, (_, i) => ({ id: String(1001 + i), label: `slice ${i}` }));
    const plan = makePlan({
      operation: 'archive-family',
      updates: [],
      archives,
      batches: { create: 0, update: 0, archive: 1 },
      notices: [{ code: 'archive-restorable' }],
    });
    const page = withFamily({
      goal_family_archive: (p) =>
        p.dryRun
          ? ok('goal_family_archive', previewOf(plan))
          : ok('goal_family_archive', { ...appliedOf(plan), version: null }),
    });
    await openFamily(page);
    page.findByTestId(Button, 'action-archive').trigger('onClick');
    page.findByTestId(Button, 'preview-button').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Button, 'archive-button')).not.toBeNull());
    expect(page.find(Modal).props.title).toBe('Archive “Q-2026 New business”?');
    expect(page.findByTestId(Text, 'archive-confirmation').text).toContain(
      'All 24 targets of “Q-2026 New business” (1 person and 1 team)',
    );
    expect(page.callsOf('goal_family_archive')).toHaveLength(1);
    page.findByTestId(Button, 'archive-confirm').trigger('onClick');
    await vi.waitFor(() => expect(page.actions.addAlert).toHaveBeenCalled());
    expect(page.actions.closeOverlay).toHaveBeenCalledWith(ARCHIVE_MODAL_ID);
    expect(page.callsOf('goal_family_archive')[1]).toEqual({
      uuid: FAMILY_UUID,
      dryRun: false,
      version: 'v-1',
    });
    await vi.waitFor(() => expect(page.maybeFindByTestId(Table, 'families-table')).not.toBeNull());
    expect(page.callsOf('goal_families_list').length).toBeGreaterThanOrEqual(2);
    // The archive changed the portal: the index was read again.
    expect(page.callsOf('goal_families_index').length).toBeGreaterThanOrEqual(2);
  });

  it('archives one slice after a warning and a preview', async () => {
    const plan = makePlan({
      operation: 'archive-slice',
      updates: [],
      archives: [{ id: '3003', label: 'x' }],
      batches: { create: 0, update: 0, archive: 1 },
      notices: [
        { code: 'total-changes', assignee: null, before: '18000.00', after: '17500.00' },
        { code: 'archive-restorable' },
        { code: 'archive-leaves-gap' },
      ],
    });
    const page = withFamily({
      goal_target_archive: (p) =>
        p.dryRun ? ok('goal_target_archive', previewOf(plan)) : ok('goal_target_archive', appliedOf(plan)),
    });
    await openFamily(page);
    page.findByTestId(Button, 'action-archiveSlice').trigger('onClick');
    expect(page.findByTestId(Button, 'preview-button').props.disabled).toBe(true);
    const slice = page.find(Select, { name: 'targetId' });
    expect(slice.props.options).toHaveLength(24);
    expect(slice.props.options).toContainEqual({ value: '3003', label: 'West (team) · Mar 2026' });
    fire(slice, 'onChange', '3003');
    page.findByTestId(Button, 'preview-button').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(LoadingButton, 'apply-button')).not.toBeNull());
    expect(textOf(page.findByTestId(Alert, 'plan-warnings'))).toBe(
      'The goal’s total target changes from $18,000.00 to $17,500.00. Archived targets can be restored in HubSpot for 90 days. The goal will have no target for this period; the health check reports the gap.',
    );
    expect(textOf(page.findByTestId(Table, 'plan-archives'))).toContain('West (team) Mar 2026');
    page.findByTestId(LoadingButton, 'apply-button').trigger('onClick');
    await vi.waitFor(() => expect(page.actions.addAlert).toHaveBeenCalled());
    expect(page.callsOf('goal_target_archive')).toEqual([
      { uuid: FAMILY_UUID, targetId: '3003', dryRun: true },
      { uuid: FAMILY_UUID, targetId: '3003', dryRun: false, version: 'v-1' },
    ]);
  });

  it('copies to next year under a client-chosen uuid and opens the copy', async () => {
    const plan = makePlan({
      operation: 'clone',
      updates: [],
      notices: [],
      creates: [
        {
          assignee: { kind: 'owner', id: '77' },
          start: '2027-01-01T00:00:00.000Z',
          end: '2027-01-31T23:59:59.999Z',
          properties: { hs_target_amount: '1000.00' },
        },
      ],
    });
    const page = withFamily({
      goal_family_clone: (p) =>
        ok('goal_family_clone', { ...(p.dryRun ? previewOf(plan) : appliedOf(plan)), uuid: NEW_UUID }),
    });
    await openFamily(page);
    page.findByTestId(Button, 'action-clone').trigger('onClick');
    page.findByTestId(Button, 'preview-button').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(LoadingButton, 'apply-button')).not.toBeNull());
    expect(page.callsOf('goal_family_clone')[0]).toEqual({
      uuid: FAMILY_UUID,
      newUuid: NEW_UUID,
      shiftYears: 1,
      scale: '1',
      name: 'Q-2027 New business',
      dryRun: true,
    });
    page.findByTestId(LoadingButton, 'apply-button').trigger('onClick');
    await vi.waitFor(() =>
      expect(page.callsOf('goal_family_get').some((p) => p.uuid === NEW_UUID)).toBe(true),
    );
    expect(page.callsOf('goal_family_clone')[1]).toMatchObject({ newUuid: NEW_UUID, dryRun: false });
  });

  it('exports the grid as CSV text to copy', async () => {
    const page = withFamily();
    await openFamily(page);
    page.findByTestId(Button, 'action-export').trigger('onClick');
    const csv = page.findByTestId(TextArea, 'csv-export').props.value ?? '';
    expect(csv.split('\r\n')[0]).toBe(
      'Assignee,Jan 2026,Feb 2026,Mar 2026,Apr 2026,May 2026,Jun 2026,Jul 2026,Aug 2026,Sep 2026,Oct 2026,Nov 2026,Dec 2026,Total',
    );
    expect(csv.split('\r\n')[2]).toMatch(/^West \(team\),500\.00,/);
    page.findByTestId(Button, 'csv-copy').trigger('onClick');
    await vi.waitFor(() => expect(page.actions.copyTextToClipboard).toHaveBeenCalledWith(csv));
  });
});

describe('Families tab — CSV import', () => {
  const editedCsv = () => {
    const lines = formatScheduleCsv(detail, {
      assignee: (g) => (g.assignee?.kind === 'team' ? `${g.assignee.name} (team)` : (g.assignee?.name ?? '')),
      period: (start) =>
        new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
          Date.parse(start),
        ),
      parseAmount: (text) => ({ ok: true, value: text }),
      amount: (value) => value,
    }).split('\r\n');
    lines[1] =
      lines[1]?.replace('1000.00,1000.00,1000.00', '1000.00,1000.00,1234.56').replace(',12000.00', ',') ?? '';
    return lines.join('\n');
  };
  const respreadPlan = makePlan({
    operation: 'respread',
    notices: [],
    updates: [
      {
        id: '1003',
        label: 'Olivia Owner · Mar 2026',
        changes: [{ property: 'hs_target_amount', before: '1000.00', after: '1234.56' }],
      },
      {
        id: '1004',
        label: 'Olivia Owner · Apr 2026',
        changes: [{ property: 'hs_target_amount', before: '1000.00', after: '1000.00' }],
      },
    ],
  });

  async function pasteAndCheck(page: ReturnType<typeof renderPage>, text: string) {
    await openFamily(page);
    page.findByTestId(Button, 'action-import').trigger('onClick');
    fire(page.findByTestId(TextArea, 'csv-import'), 'onInput', text);
    page.findByTestId(Button, 'csv-check').trigger('onClick');
  }

  it('previews exactly the changed cells, then applies each schedule as an explicit re-spread', async () => {
    const page = withFamily({
      goal_family_update: (p) =>
        p.dryRun
          ? ok('goal_family_update', previewOf(respreadPlan))
          : ok('goal_family_update', appliedOf(respreadPlan)),
    });
    await pasteAndCheck(page, editedCsv());
    await vi.waitFor(() => expect(page.maybeFindByTestId(Table, 'csv-changes')).not.toBeNull());
    expect(page.findByTestId(Text, 'csv-summary').text).toBe('1 amount change for 1 assignee.');
    expect(textOf(page.findByTestId(Table, 'csv-changes'))).toContain('$1,234.56');
    expect(page.callsOf('goal_family_update')).toHaveLength(0);
    page.findByTestId(LoadingButton, 'csv-apply').trigger('onClick');
    await vi.waitFor(() => expect(page.actions.addAlert).toHaveBeenCalled());
    const [preview, apply] = page.callsOf('goal_family_update');
    // Labelled as an import in the activity list.
    expect(preview).toMatchObject({
      uuid: FAMILY_UUID,
      source: 'csv-import',
      notify: false,
      dryRun: true,
      respread: { groupId: '501', from: '2026-01-01' },
    });
    expect(preview).toMatchObject({
      respread: { spread: { mode: 'explicit', amounts: expect.arrayContaining(['1234.56']) } },
    });
    expect((preview as { respread: { spread: { amounts: string[] } } }).respread.spread.amounts[2]).toBe(
      '1234.56',
    );
    expect(apply).toMatchObject({ dryRun: false, version: 'v-1' });
  });

  it('stops without applying when HubSpot plans something other than the file', async () => {
    const other = makePlan({
      updates: [
        {
          id: '1003',
          label: 'x',
          changes: [{ property: 'hs_target_amount', before: '900.00', after: '1000.00' }],
        },
      ],
    });
    const page = withFamily({ goal_family_update: () => ok('goal_family_update', previewOf(other)) });
    await pasteAndCheck(page, editedCsv());
    await vi.waitFor(() => expect(page.maybeFindByTestId(LoadingButton, 'csv-apply')).not.toBeNull());
    page.findByTestId(LoadingButton, 'csv-apply').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Text, 'csv-partial')).not.toBeNull());
    expect(page.callsOf('goal_family_update')).toHaveLength(1);
    expect(page.findByTestId(Text, 'csv-partial').text).toContain('0 of 1 assignee were imported');
    expect(page.findByTestId(Alert, 'error-CONFLICT').props.title).toBe(
      'The goal changed while the file was being applied',
    );
  });

  it('lists every problem of a bad file and changes nothing', async () => {
    const page = withFamily();
    await pasteAndCheck(page, editedCsv().replace('1234.56', '12.345'));
    await vi.waitFor(() => expect(page.maybeFindByTestId(Alert, 'csv-errors')).not.toBeNull());
    const alert = textOf(page.findByTestId(Alert, 'csv-errors'));
    expect(alert).toContain('Row 2, Mar 2026: Use at most two decimal places.');
    expect(alert).toContain('Nothing was changed.');
    expect(page.callsOf('goal_family_update')).toHaveLength(0);
  });
});

describe('Families tab — ways on from a goal', () => {
  it('opens the goal’s activity, filtered to it', async () => {
    const page = withFamily({
      goal_journal_list: () => ok('goal_journal_list', { entries: [], nextCursor: null }),
    });
    await openFamily(page);
    page.findByTestId(Button, 'action-activity').trigger('onClick');
    await vi.waitFor(() => expect(page.callsOf('goal_journal_list')).toHaveLength(1));
    expect(page.callsOf('goal_journal_list')[0]).toEqual({ limit: 25, familyUuid: FAMILY_UUID });
  });
});

describe('Families tab — the stored index', () => {
  const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();
  const healthy = makeFamily({ uuid: '00000000-0000-4000-8000-000000000001', name: 'Alpha' });
  const broken = makeFamily({ uuid: '00000000-0000-4000-8000-000000000002', name: 'Beta' });
  const entries = (checkedAt: string) => [
    { ...indexEntryOf(healthy), health: { healthy: true, findingCount: 0, checkedAt } },
    { ...indexEntryOf(broken), health: { healthy: false, findingCount: 2, checkedAt } },
  ];

  function renderStored() {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const page = renderPage({
      goal_families_index: async (p) => {
        if (p.source !== 'store') throw new Error('no scan expected');
        if (!p.refresh) return storedIndexOf(entries(ago(20)), ago(20));
        await gate;
        return storedIndexOf(entries(ago(20)), ago(20), ago(0));
      },
      goal_families_list: () => {
        throw new Error('the stored rows need no list call');
      },
    });
    return { page, release };
  }

  it('opens from the stored index in one call, says how fresh it is, and refreshes in the background', async () => {
    const { page, release } = renderStored();
    await vi.waitFor(() => expect(page.maybeFindByTestId(Table, 'families-table')).not.toBeNull());
    const table = textOf(page.findByTestId(Table, 'families-table'));
    expect(table).toContain('Alpha');
    expect(table).toContain('Needs repair · 2 problems');
    expect(page.findByTestId(Text, 'families-freshness').text).toBe(
      'Updated 20 minutes ago · checking for changes…',
    );
    expect(page.callsOf('goal_families_index')).toEqual([
      { source: 'store' },
      { source: 'store', refresh: true },
    ]);
    release();
    await vi.waitFor(() =>
      expect(page.findByTestId(Text, 'families-freshness').text).toBe('Updated just now'),
    );
    expect(page.callsOf('goal_families_list')).toHaveLength(0);
  });

  it('filters by health on the stored findings, saying how old they are', async () => {
    const { page, release } = renderStored();
    release();
    await vi.waitFor(() => expect(page.maybeFindByTestId(Table, 'families-table')).not.toBeNull());
    fire(page.find(Select, { name: 'health' }), 'onChange', 'broken');
    await vi.waitFor(() => expect(textOf(page.findByTestId(Table, 'families-table'))).not.toContain('Alpha'));
    expect(textOf(page.findByTestId(Table, 'families-table'))).toContain('Beta');
    expect(page.findByTestId(Text, 'families-freshness').text).toContain(
      'health as found by the health check 20 minutes ago',
    );
    fire(page.find(Select, { name: 'health' }), 'onChange', 'healthy');
    await vi.waitFor(() => expect(textOf(page.findByTestId(Table, 'families-table'))).not.toContain('Beta'));
    // No scan of the portal for the health filter.
    expect(page.callsOf('goal_families_list')).toHaveLength(0);
    expect(scanCalls(page.callsOf('goal_families_index'))).toHaveLength(0);
  });

  it('without a stored index scans as before and suggests running the health check', async () => {
    const page = renderPage({ goal_families_list: () => listOf(makeFamily()) });
    await vi.waitFor(() => expect(page.maybeFindByTestId(Table, 'families-table')).not.toBeNull());
    expect(page.findByTestId(Text, 'families-index-hint').text).toContain('Run the health check');
    expect(scanCalls(page.callsOf('goal_families_index'))).toEqual([{}]);
  });
});
