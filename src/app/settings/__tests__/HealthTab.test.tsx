import {
  Alert,
  Button,
  EmptyState,
  LoadingButton,
  ProgressBar,
  Table,
  Text,
  Tile,
} from '@hubspot/ui-extensions';
import { describe, expect, it, vi } from 'vitest';
import {
  appliedOf,
  FAMILY_UUID,
  fail,
  makeFacts,
  makeFinding,
  makeJournalEntry,
  makePlan,
  OTHER_UUID,
  ok,
  pending,
  previewOf,
} from '../../cards/__tests__/fixtures';
import { textOf } from '../../cards/__tests__/queries';
import { listOf, openTab, renderPage } from './pageHarness';

const page1 = ok('goal_families_audit', {
  unfinished: [],
  findings: [
    makeFinding({ id: 'f-1' }),
    makeFinding({
      id: 'f-2',
      severity: 'warning',
      ruleId: 'periods-missing',
      facts: makeFacts({
        field: null,
        value: null,
        periods: [
          { start: '2026-07-01T00:00:00.000Z', end: '2026-07-31T23:59:59.999Z' },
          { start: '2026-08-01T00:00:00.000Z', end: '2026-08-31T23:59:59.999Z' },
        ],
        repair: {
          kind: 'create-missing',
          count: 2,
          field: null,
          value: null,
          assignee: null,
          goalName: null,
        },
      }),
    }),
  ],
  scannedFamilies: 100,
  scannedTargets: 1200,
  nextCursor: 'a-2',
  progress: 0.5,
});
const page2 = ok('goal_families_audit', {
  unfinished: [],
  findings: [
    makeFinding({
      id: 'f-3',
      familyUuid: OTHER_UUID,
      familyName: 'Other goal',
      severity: 'info',
      ruleId: 'group-id-shared',
      repair: null,
      facts: makeFacts({
        field: null,
        value: null,
        targetCount: 12,
        others: [{ kind: 'owner', id: '88', name: 'Ada Admin' }],
        repair: null,
      }),
    }),
  ],
  scannedFamilies: 180,
  scannedTargets: 2100,
  nextCursor: null,
  progress: 0.9,
});

describe('Health tab', () => {
  it('pages through the whole portal, then groups findings by family and severity', async () => {
    const page = renderPage({
      goal_families_list: () => listOf(),
      goal_families_audit: (p) => (p.cursor ? page2 : page1),
    });
    await openTab(page, 'health');
    page.findByTestId(Button, 'audit-start').trigger('onClick');
    await vi.waitFor(() =>
      expect(page.maybeFindByTestId(Text, 'audit-summary')?.text).toBe('1 problem and 2 warnings in 2 goals'),
    );
    expect(page.callsOf('goal_families_audit')).toEqual([{}, { cursor: 'a-2' }]);
    const progress = page.findByTestId(ProgressBar, 'audit-progress');
    expect(progress.props.value).toBe(100);
    expect(progress.props.valueDescription).toBe('180 goals and 2,100 targets checked');
    const first = textOf(page.findByTestId(Tile, `findings-${FAMILY_UUID}`));
    expect(first).toContain('1 problem');
    expect(first).toContain('1 warning');
    // Each problem in words, with names and periods, and what the repair does.
    expect(page.findByTestId(Text, 'finding-message-f-1').text).toBe(
      'The name differs on 1 target of 12; most targets have “Q-2026 New business”. HubSpot may show this goal twice or not at all.',
    );
    expect(page.findByTestId(Text, 'finding-repair-f-1').text).toBe(
      'Repair: Set the name to “Q-2026 New business” on 1 target.',
    );
    expect(page.findByTestId(Text, 'finding-message-f-2').text).toBe(
      'Olivia Owner has no target for 2 monthly periods the rest of the goal covers (Jul 2026 and Aug 2026).',
    );
    // No automatic repair: what to do, and a way to the goal.
    expect(page.maybeFindByTestId(Button, 'repair-f-3')).toBeNull();
    expect(page.findByTestId(Text, 'finding-message-f-3').text).toBe(
      'Olivia Owner’s targets include 12 targets of Ada Admin, so HubSpot counts them for Olivia Owner.',
    );
    expect(page.findByTestId(Text, 'finding-todo-f-3').text).toContain(
      'No automatic repair. What to do: Check who',
    );
    expect(page.maybeFindByTestId(Button, 'fix-in-goal-f-3')).not.toBeNull();
    const all = textOf(page.findByTestId(Tile, `findings-${OTHER_UUID}`));
    expect(all).not.toMatch(/hs_|slice|target group|\d{6,}/);
  });

  it('resumes from the last cursor after a failed page', async () => {
    let fails = true;
    const page = renderPage({
      goal_families_list: () => listOf(),
      goal_families_audit: (p) => {
        if (!p.cursor) return page1;
        if (fails) {
          fails = false;
          return fail('RATE_LIMITED', 'slow down');
        }
        return page2;
      },
    });
    await openTab(page, 'health');
    page.findByTestId(Button, 'audit-start').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Button, 'audit-resume')).not.toBeNull());
    expect(page.findByTestId(Alert, 'error-RATE_LIMITED').props.title).toBe('HubSpot is busy');
    page.findByTestId(Button, 'audit-resume').trigger('onClick');
    await vi.waitFor(() =>
      expect(page.maybeFindByTestId(Text, 'audit-summary')?.text).toBe('1 problem and 2 warnings in 2 goals'),
    );
    expect(page.callsOf('goal_families_audit')).toEqual([{}, { cursor: 'a-2' }, { cursor: 'a-2' }]);
  });

  it('says so when every goal is healthy', async () => {
    const page = renderPage({
      goal_families_list: () => listOf(),
      goal_families_audit: () =>
        ok('goal_families_audit', {
          unfinished: [],
          findings: [],
          scannedFamilies: 3,
          scannedTargets: 36,
          nextCursor: null,
          progress: 1,
        }),
    });
    await openTab(page, 'health');
    page.findByTestId(Button, 'audit-start').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(EmptyState, 'audit-healthy')).not.toBeNull());
  });

  it('lists unfinished changes the check found, and finishes one after a preview', async () => {
    const plan = makePlan({ operation: 'finish', summary: 'Finish: update 3 slices', warnings: [] });
    const page = renderPage({
      goal_families_list: () => listOf(),
      goal_families_audit: () =>
        ok('goal_families_audit', {
          findings: [],
          unfinished: [
            makeJournalEntry({ id: 'j-p', state: 'needs_attention', resolvable: true, undoable: false }),
          ],
          scannedFamilies: 1,
          scannedTargets: 12,
          nextCursor: null,
          progress: 1,
        }),
      goal_change_resolve: (p) =>
        p.dryRun ? ok('goal_change_resolve', previewOf(plan)) : ok('goal_change_resolve', appliedOf(plan)),
    });
    await openTab(page, 'health');
    page.findByTestId(Button, 'audit-start').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Tile, 'unfinished-changes')).not.toBeNull());
    expect(textOf(page.findByTestId(Tile, 'unfinished-changes'))).toContain('Half-applied');
    expect(page.maybeFindByTestId(EmptyState, 'audit-healthy')).toBeNull();
    page.findByTestId(Button, 'rollback-j-p').trigger('onClick');
    expect(page.maybeFindByTestId(Tile, 'resolve-panel-roll_back')).not.toBeNull();
    page.findByTestId(Button, 'cancel-button').trigger('onClick');
    page.findByTestId(Button, 'finish-j-p').trigger('onClick');
    page.findByTestId(Button, 'preview-button').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(LoadingButton, 'apply-button')).not.toBeNull());
    page.findByTestId(LoadingButton, 'apply-button').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Tile, 'unfinished-changes')).toBeNull());
    expect(page.callsOf('goal_change_resolve').at(-1)).toEqual({
      entryId: 'j-p',
      action: 'finish',
      dryRun: false,
      version: 'v-1',
    });
  });

  it("after a repair shows the family's fresh findings, and says so when a finding was already fixed", async () => {
    const plan = makePlan({ operation: 'repair', summary: 'Move 6 slices', warnings: [] });
    const page = renderPage({
      goal_families_list: () => listOf(),
      goal_families_audit: () =>
        ok('goal_families_audit', {
          unfinished: [],
          findings: [
            makeFinding({ id: 'f-split' }),
            makeFinding({ id: 'f-gap', ruleId: 'periods-missing', severity: 'warning' }),
            makeFinding({ id: 'f-other', familyUuid: OTHER_UUID, familyName: 'Other goal' }),
          ],
          scannedFamilies: 2,
          scannedTargets: 24,
          nextCursor: null,
          progress: 1,
        }),
      goal_family_repair: (p) => {
        if (p.findingId === 'f-gap') {
          return fail('NOT_FOUND', 'gone', {
            reason: 'FINDING_GONE',
            findings: [makeFinding({ id: 'f-left', ruleId: 'slice_count', severity: 'info' })],
          });
        }
        return p.dryRun
          ? ok('goal_family_repair', { ...previewOf(plan), findings: [] })
          : ok('goal_family_repair', {
              ...appliedOf(plan),
              findings: [makeFinding({ id: 'f-gap', ruleId: 'periods-missing', severity: 'warning' })],
            });
      },
    });
    await openTab(page, 'health');
    page.findByTestId(Button, 'audit-start').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Button, 'repair-f-split')).not.toBeNull());
    page.findByTestId(Button, 'repair-f-split').trigger('onClick');
    page.findByTestId(Button, 'preview-button').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(LoadingButton, 'apply-button')).not.toBeNull());
    page.findByTestId(LoadingButton, 'apply-button').trigger('onClick');
    await vi.waitFor(() =>
      expect(page.findByTestId(Text, 'audit-summary').text).toBe('1 problem and 1 warning in 2 goals'),
    );
    expect(page.maybeFindByTestId(Button, 'repair-f-split')).toBeNull();
    // The stale finding: the repair says it is gone, in plain words, and the list catches up.
    page.findByTestId(Button, 'repair-f-gap').trigger('onClick');
    page.findByTestId(Button, 'preview-button').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Button, 'repair-f-left')).not.toBeNull());
    expect(page.maybeFindByTestId(Button, 'repair-f-gap')).toBeNull();
    expect(page.actions.addAlert).toHaveBeenLastCalledWith(
      expect.objectContaining({ type: 'info', title: 'This problem is no longer there' }),
    );
    expect(page.maybeFindByTestId(Button, 'repair-f-other')).not.toBeNull();
    expect(page.findByTestId(Text, 'audit-summary').text).toBe('1 problem and 1 warning in 2 goals');
  });

  it('repairs one finding after a preview, and drops it from the list', async () => {
    const plan = makePlan({
      operation: 'repair',
      summary: 'Rename 1 slice',
      updates: [
        {
          id: '1003',
          label: 'Olivia Owner · Mar 2026',
          changes: [{ property: 'hs_goal_name', before: 'Q1', after: 'Q-2026 New business' }],
        },
      ],
      warnings: [],
    });
    const page = renderPage({
      goal_families_list: () => listOf(),
      goal_families_audit: (p) => (p.cursor ? page2 : page1),
      goal_family_repair: (p) =>
        p.dryRun
          ? ok('goal_family_repair', { ...previewOf(plan), findings: [] })
          : ok('goal_family_repair', {
              ...appliedOf(plan),
              // The family's findings after the repair: f-1 is gone, f-2 is still there.
              findings: [makeFinding({ id: 'f-2', severity: 'warning', ruleId: 'slice_count' })],
            }),
    });
    await openTab(page, 'health');
    page.findByTestId(Button, 'audit-start').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Button, 'repair-f-1')).not.toBeNull());
    page.findByTestId(Button, 'repair-f-1').trigger('onClick');
    page.findByTestId(Button, 'preview-button').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(LoadingButton, 'apply-button')).not.toBeNull());
    page.findByTestId(LoadingButton, 'apply-button').trigger('onClick');
    await vi.waitFor(() => expect(page.actions.addAlert).toHaveBeenCalled());
    expect(page.callsOf('goal_family_repair')).toEqual([
      { uuid: FAMILY_UUID, findingId: 'f-1', dryRun: true },
      { uuid: FAMILY_UUID, findingId: 'f-1', dryRun: false, version: 'v-1' },
    ]);
    await vi.waitFor(() =>
      expect(page.findByTestId(Text, 'audit-summary').text).toBe('0 problems and 2 warnings in 2 goals'),
    );
  });

  it('keeps a goal whose repair is open in view while later findings reorder the pages', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Eleven goals with more problems than the first one: they sort before it and fill a page.
    const worse = Array.from({ length: 11 }, (_, g) =>
      Array.from({ length: 3 }, (__, i) =>
        makeFinding({
          id: `w-${g}-${i}`,
          familyUuid: `00000000-0000-4000-8000-0000000000${String(g).padStart(2, '0')}`,
          familyName: `Worse goal ${g}`,
        }),
      ),
    ).flat();
    const later = ok('goal_families_audit', {
      unfinished: [],
      findings: worse,
      scannedFamilies: 200,
      scannedTargets: 2400,
      nextCursor: null,
      progress: 1,
    });
    const page = renderPage({
      goal_families_list: () => listOf(),
      goal_families_audit: (p) => (p.cursor ? gate.then(() => later) : page1),
      goal_family_repair: () => pending(),
    });
    await openTab(page, 'health');
    page.findByTestId(Button, 'audit-start').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Button, 'repair-f-1')).not.toBeNull());
    page.findByTestId(Button, 'repair-f-1').trigger('onClick');
    expect(page.maybeFindByTestId(Button, 'preview-button')).not.toBeNull();
    release();
    await vi.waitFor(() =>
      expect(page.findByTestId(Text, 'audit-summary').text).toBe('34 problems and 1 warning in 12 goals'),
    );
    // Its natural place is now on the second page; the open repair stays on this one.
    expect(page.maybeFindByTestId(Tile, `findings-${FAMILY_UUID}`)).not.toBeNull();
    expect(page.maybeFindByTestId(Button, 'preview-button')).not.toBeNull();
    // Closed, it goes back to its place.
    page.findByTestId(Button, 'cancel-button').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Tile, `findings-${FAMILY_UUID}`)).toBeNull());
  });

  it.each([
    ['sales_quota', '$1,500.00'],
    ['meetings_booked', '1,500'],
  ])("previews a repair's amounts in the unit of a %s goal", async (goalType, shown) => {
    const plan = makePlan({
      operation: 'repair',
      notices: [],
      updates: [
        {
          id: '1003',
          label: 'x',
          target: {
            id: '1003',
            assignee: { kind: 'owner', id: '77', name: 'Olivia Owner' },
            start: '2026-03-01T00:00:00.000Z',
            end: '2026-03-31T23:59:59.999Z',
          },
          changes: [{ property: 'hs_target_amount', before: 'abc', after: '1500.00' }],
        },
      ],
    });
    const page = renderPage({
      goal_families_list: () => listOf(),
      goal_families_audit: () =>
        ok('goal_families_audit', {
          unfinished: [],
          findings: [makeFinding({ id: 'f-1', goalType })],
          scannedFamilies: 1,
          scannedTargets: 12,
          nextCursor: null,
          progress: 1,
        }),
      goal_family_repair: () => ok('goal_family_repair', { ...previewOf(plan), findings: [] }),
    });
    await openTab(page, 'health');
    page.findByTestId(Button, 'audit-start').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Button, 'repair-f-1')).not.toBeNull());
    page.findByTestId(Button, 'repair-f-1').trigger('onClick');
    page.findByTestId(Button, 'preview-button').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Table, 'plan-updates')).not.toBeNull());
    const row = textOf(page.findByTestId(Table, 'plan-updates'));
    expect(row).toContain(`Olivia Owner Mar 2026 Target`);
    expect(row).toContain(shown);
    if (goalType !== 'sales_quota') expect(row).not.toContain('$');
  });

  it("checks the app's own records with each run: altered change records are listed in plain words", async () => {
    const protection = { signing: true, settingsRecord: 'valid' as const, settingsIgnored: false };
    const page = renderPage({
      goal_families_list: () => listOf(),
      goal_families_audit: () => page2,
      app_store_check: (p) =>
        p.cursor
          ? ok('app_store_check', {
              protection,
              checkedEntries: 1500,
              untrusted: [
                {
                  id: '2001',
                  integrity: 'unsigned',
                  at: null,
                  familyUuid: FAMILY_UUID,
                  familyName: null,
                },
              ],
              nextCursor: null,
            })
          : ok('app_store_check', {
              protection,
              checkedEntries: 1000,
              untrusted: [
                {
                  id: '1001',
                  integrity: 'tampered',
                  at: '2026-03-10T09:30:00.000Z',
                  familyUuid: FAMILY_UUID,
                  familyName: 'Q-2026 New business',
                },
              ],
              nextCursor: 'c-2',
            }),
    });
    await openTab(page, 'health');
    expect(page.callsOf('app_store_check')).toHaveLength(0);
    page.findByTestId(Button, 'audit-start').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Alert, 'store-check-untrusted')).not.toBeNull());
    const alert = page.findByTestId(Alert, 'store-check-untrusted');
    expect(alert.props.title).toBe('2 change records were not made by this app');
    const text = textOf(alert);
    expect(text).toContain('Q-2026 New business');
    expect(text).toContain('Altered outside the app');
    expect(text).toContain('Not signed by the app');
    expect(text).toContain('Unknown goal');
    expect(text).not.toContain('1001');
    expect(page.callsOf('app_store_check')).toEqual([{}, { cursor: 'c-2' }]);
  });

  it('says the records are intact when they are, and that nothing is signed when the secret is missing', async () => {
    const page = renderPage({ goal_families_list: () => listOf(), goal_families_audit: () => page2 });
    await openTab(page, 'health');
    page.findByTestId(Button, 'audit-start').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Text, 'store-check-ok')).not.toBeNull());
    expect(page.findByTestId(Text, 'store-check-ok').text).toBe(
      "The app's saved settings and its 3 change records are as the app wrote them.",
    );
    const unsigned = renderPage({
      goal_families_list: () => listOf(),
      goal_families_audit: () => page2,
      app_store_check: () =>
        ok('app_store_check', {
          protection: { signing: false, settingsRecord: 'unsigned', settingsIgnored: false },
          checkedEntries: 3,
          untrusted: [],
          nextCursor: null,
        }),
    });
    await openTab(unsigned, 'health');
    unsigned.findByTestId(Button, 'audit-start').trigger('onClick');
    await vi.waitFor(() => expect(unsigned.maybeFindByTestId(Text, 'store-check-unsigned')).not.toBeNull());
    expect(unsigned.maybeFindByTestId(Text, 'store-check-ok')).toBeNull();
  });
});
