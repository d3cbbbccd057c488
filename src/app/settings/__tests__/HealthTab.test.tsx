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
  makePlan,
  OTHER_UUID,
  ok,
  previewOf,
} from '../../cards/__tests__/fixtures';
import { textOf } from '../../cards/__tests__/queries';
import { listOf, openTab, renderPage } from './pageHarness';

const page1 = ok('goal_families_audit', {
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
        p.dryRun ? ok('goal_family_repair', previewOf(plan)) : ok('goal_family_repair', appliedOf(plan)),
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
          findings: [makeFinding({ id: 'f-1', goalType })],
          scannedFamilies: 1,
          scannedTargets: 12,
          nextCursor: null,
          progress: 1,
        }),
      goal_family_repair: () => ok('goal_family_repair', previewOf(plan)),
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
