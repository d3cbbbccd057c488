import {
  Alert,
  Button,
  Flex,
  Input,
  LoadingButton,
  MultiSelect,
  Select,
  Tab,
  Table,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { describe, expect, it, vi } from 'vitest';
import { appliedOf, fail, makeFamily, makePlan, ok, previewOf } from '../../cards/__tests__/fixtures';
import { fire, textOf } from '../../cards/__tests__/queries';
import { listOf, NEW_UUID, openTab, renderPage } from './pageHarness';

const createPlan = makePlan({
  operation: 'create',
  updates: [],
  notices: [],
  creates: [
    {
      assignee: { kind: 'owner', id: '77', name: 'Olivia Owner' },
      start: '2026-01-01T00:00:00.000Z',
      end: '2026-01-31T23:59:59.999Z',
      properties: { hs_target_amount: '10000.00' },
    },
    {
      assignee: { kind: 'team', id: '9', name: 'West' },
      start: '2026-01-01T00:00:00.000Z',
      end: '2026-01-31T23:59:59.999Z',
      properties: { hs_target_amount: '10000.00' },
    },
  ],
  batches: { create: 1, update: 0, archive: 0 },
});

async function fillForm(page: ReturnType<typeof renderPage>) {
  await openTab(page, 'create');
  await vi.waitFor(() => expect(page.find(MultiSelect, { name: 'ownerIds' }).props.options).toHaveLength(2));
  fire(page.find(Input, { name: 'name' }), 'onInput', 'FY26 quota');
  fire(page.find(MultiSelect, { name: 'ownerIds' }), 'onChange', ['77']);
  fire(page.find(MultiSelect, { name: 'teamIds' }), 'onChange', ['9']);
  fire(page.find(Input, { name: 'total' }), 'onInput', '120,000');
}

describe('Create tab', () => {
  it('previews every slice, then creates with the same client-chosen uuid', async () => {
    const page = renderPage({
      goal_families_list: () => listOf(),
      goal_family_create: (p) =>
        ok('goal_family_create', {
          ...(p.dryRun ? previewOf(createPlan) : appliedOf(createPlan)),
          uuid: NEW_UUID,
        }),
    });
    await fillForm(page);
    expect(page.findByTestId(Button, 'preview-button').props.disabled).toBe(false);
    page.findByTestId(Button, 'preview-button').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(LoadingButton, 'apply-button')).not.toBeNull());
    expect(page.callsOf('goal_family_create')[0]).toEqual({
      uuid: NEW_UUID,
      name: 'FY26 quota',
      goalType: 'sales_quota',
      milestone: 'monthly',
      startDate: '2026-01-01',
      periodCount: 12,
      timeZone: 'UTC',
      assignees: [
        { kind: 'owner', id: '77' },
        { kind: 'team', id: '9' },
      ],
      spread: { mode: 'even', total: '120000.00' },
      pipelineIds: [],
      dryRun: true,
    });
    const preview = textOf(page.find(Table, { bordered: true }));
    expect(preview).toContain('Olivia Owner Jan 2026 $10,000.00');
    expect(preview).toContain('West (team) Jan 2026 $10,000.00');
    expect(textOf(page.findByTestId(Text, 'plan-summary'))).toBe(
      'Creates 2 targets for 1 person and 1 team.',
    );
    page.findByTestId(LoadingButton, 'apply-button').trigger('onClick');
    await vi.waitFor(() => expect(page.actions.addAlert).toHaveBeenCalled());
    expect(page.callsOf('goal_family_create')[1]).toMatchObject({ uuid: NEW_UUID, dryRun: false });
    // The new goal opens.
    await vi.waitFor(() => expect(page.callsOf('goal_family_get')).toEqual([{ uuid: NEW_UUID }]));
  });

  it('offers a target for each assignee and period, with totals and "apply to every assignee"', async () => {
    const page = renderPage({
      goal_families_list: () => listOf(),
      goal_family_create: () => ok('goal_family_create', { ...previewOf(createPlan), uuid: NEW_UUID }),
    });
    await fillForm(page);
    fire(page.find(Select, { name: 'milestone' }), 'onChange', 'quarterly');
    fire(page.find(Select, { name: 'spreadMode' }), 'onChange', 'grid');
    const header = textOf(page.findByTestId(Table, 'amount-grid'));
    expect(header).toContain('Assignee Q1 2026 Q2 2026 Q3 2026 Q4 2026 Total');
    ['100', '200', '300', '400'].forEach((v, i) => {
      fire(page.find(Input, { name: `grid-owner:77-${i}` }), 'onInput', v);
    });
    expect(page.findByTestId(Button, 'preview-button').props.disabled).toBe(true);
    expect(textOf(page.findByTestId(Flex, 'preview-missing'))).toContain('Fill in every target of the table');
    page.findByTestId(Button, 'grid-apply-all').trigger('onClick');
    expect(textOf(page.findByTestId(TableRow, 'grid-total-row'))).toBe(
      'Total $200.00 $400.00 $600.00 $800.00 $2,000.00',
    );
    fire(page.find(Input, { name: 'grid-team:9-3' }), 'onInput', '1,400');
    expect(textOf(page.findByTestId(TableRow, 'grid-row-team:9'))).toContain('$2,000.00');
    page.findByTestId(Button, 'preview-button').trigger('onClick');
    await vi.waitFor(() => expect(page.callsOf('goal_family_create')).toHaveLength(1));
    expect(page.callsOf('goal_family_create')[0]).toMatchObject({
      amountsByAssignee: [
        { assignee: { kind: 'owner', id: '77' }, amounts: ['100.00', '200.00', '300.00', '400.00'] },
        { assignee: { kind: 'team', id: '9' }, amounts: ['100.00', '200.00', '300.00', '1400.00'] },
      ],
    });
  });

  it('says what is missing instead of silently disabling the preview', async () => {
    const page = renderPage({ goal_families_list: () => listOf() });
    await openTab(page, 'create');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Button, 'preview-button')).not.toBeNull());
    expect(page.findByTestId(Button, 'preview-button').props.disabled).toBe(true);
    expect(textOf(page.findByTestId(Flex, 'preview-missing'))).toBe(
      'To preview, first: • Give the goal a name. • Choose at least one person or team. • Enter the total per assignee.',
    );
    fire(page.find(Input, { name: 'total' }), 'onInput', '1.001');
    expect(page.find(Input, { name: 'total' }).props.validationMessage).toBe(
      'Use at most two decimal places.',
    );
  });

  it('picks the time zone from every IANA zone, not free text', async () => {
    const page = renderPage({ goal_families_list: () => listOf() });
    await openTab(page, 'create');
    await vi.waitFor(() => expect(page.maybeFind(Select, { name: 'timeZone' })).not.toBeNull());
    const zones = page.find(Select, { name: 'timeZone' }).props.options;
    expect(zones.length).toBeGreaterThan(300);
    expect(zones).toContainEqual({
      value: 'Europe/Berlin',
      label: expect.stringMatching(/^Europe\/Berlin \(UTC\+0[12]:00\)$/),
    });
  });

  it('warns when a goal with the same name exists', async () => {
    const existing = makeFamily({ name: 'FY26 quota' });
    const page = renderPage({
      goal_families_list: (p) => (p.filter?.text ? listOf(existing) : listOf()),
    });
    await openTab(page, 'create');
    await vi.waitFor(() => expect(page.maybeFind(Input, { name: 'name' })).not.toBeNull());
    fire(page.find(Input, { name: 'name' }), 'onChange', 'fy26 QUOTA');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Alert, 'create-duplicate-name')).not.toBeNull());
    expect(textOf(page.findByTestId(Alert, 'create-duplicate-name'))).toContain(
      '1 goal called “fy26 QUOTA” already exists (Revenue, Jan 2026 – Dec 2026).',
    );
  });

  it('explains a VALIDATION_ERROR from the function', async () => {
    const page = renderPage({
      goal_families_list: () => listOf(),
      goal_family_create: () =>
        fail('VALIDATION_ERROR', 'Invalid parameters.', {
          issues: [{ path: ['assignees', 0, 'id'], message: 'unknown owner' }],
        }),
    });
    await fillForm(page);
    page.findByTestId(Button, 'preview-button').trigger('onClick');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Alert, 'error-VALIDATION_ERROR')).not.toBeNull());
    expect(textOf(page.findByTestId(Alert, 'error-VALIDATION_ERROR'))).toContain('Assignees: unknown owner');
  });

  it('falls back to the documented goal type, by its label, when HubSpot options fail', async () => {
    const page = renderPage({
      goal_families_list: () => listOf(),
      goal_property_options: () => fail('HUBSPOT_ERROR', 'x'),
    });
    await openTab(page, 'create');
    await vi.waitFor(() =>
      expect(page.find(Select, { name: 'goalType' }).props.options).toEqual([
        { value: 'sales_quota', label: 'Revenue' },
      ]),
    );
    expect(page.find(Tab, { tabId: 'create' })).toBeDefined();
  });
});
