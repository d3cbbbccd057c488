import { Alert, Button, Input, LoadingButton, MultiSelect, Select, Tab, Table } from '@hubspot/ui-extensions';
import { describe, expect, it, vi } from 'vitest';
import { appliedOf, fail, makePlan, ok, previewOf } from '../../cards/__tests__/fixtures';
import { fire, textOf } from '../../cards/__tests__/queries';
import { listOf, NEW_UUID, openTab, renderPage } from './pageHarness';

const createPlan = makePlan({
  operation: 'create',
  summary: 'Create 24 slices for 2 assignees',
  updates: [],
  creates: [
    {
      assignee: { kind: 'owner', id: '77' },
      start: '2026-01-01T00:00:00.000Z',
      end: '2026-01-31T23:59:59.999Z',
      properties: { hs_target_amount: '10000.00' },
    },
    {
      assignee: { kind: 'team', id: '9' },
      start: '2026-01-01T00:00:00.000Z',
      end: '2026-01-31T23:59:59.999Z',
      properties: { hs_target_amount: '10000.00' },
    },
  ],
  batches: { create: 1, update: 0, archive: 0 },
  warnings: [],
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
    expect(preview).toContain('owner 77');
    expect(preview).toContain('$10,000.00');
    page.findByTestId(LoadingButton, 'apply-button').trigger('onClick');
    await vi.waitFor(() => expect(page.actions.addAlert).toHaveBeenCalled());
    expect(page.callsOf('goal_family_create')[1]).toMatchObject({ uuid: NEW_UUID, dryRun: false });
    // Back on the Families tab, the index is read again so the new family is listed.
    await vi.waitFor(() => expect(page.callsOf('goal_families_index').length).toBeGreaterThan(0));
  });

  it('offers a per-period grid with the labels of the fiscal year', async () => {
    const page = renderPage({ goal_families_list: () => listOf() });
    await fillForm(page);
    fire(page.find(Select, { name: 'startMonth' }), 'onChange', '4');
    fire(page.find(Select, { name: 'milestone' }), 'onChange', 'quarterly');
    fire(page.find(Select, { name: 'spreadMode' }), 'onChange', 'explicit');
    const grid = textOf(page.findByTestId(Table, 'amount-grid'));
    expect(grid).toContain('Apr–Jun 2026');
    expect(grid).toContain('Jan–Mar 2027');
    expect(page.findByTestId(Button, 'preview-button').props.disabled).toBe(true);
  });

  it('makes whole years, and a partial year by name: the periods before it are created with 0', async () => {
    const page = renderPage({
      goal_families_list: () => listOf(),
      goal_family_create: () => ok('goal_family_create', { ...previewOf(createPlan), uuid: NEW_UUID }),
    });
    await fillForm(page);
    expect(page.find(Select, { name: 'years' }).props.value).toBe('1');
    fire(page.find(Select, { name: 'partialFrom' }), 'onChange', '3');
    fire(page.find(Select, { name: 'spreadMode' }), 'onChange', 'explicit');
    const grid = textOf(page.findByTestId(Table, 'amount-grid'));
    expect(grid).toContain('Apr 2026');
    expect(grid).not.toContain('Mar 2026');
    fire(page.find(Select, { name: 'spreadMode' }), 'onChange', 'even');
    page.findByTestId(Button, 'preview-button').trigger('onClick');
    await vi.waitFor(() => expect(page.callsOf('goal_family_create')).toHaveLength(1));
    expect(page.callsOf('goal_family_create')[0]).toMatchObject({
      periodCount: 12,
      partialYear: { from: '2026-04-01' },
    });
  });

  it('keeps preview off until the form is valid', async () => {
    const page = renderPage({ goal_families_list: () => listOf() });
    await openTab(page, 'create');
    await vi.waitFor(() => expect(page.maybeFindByTestId(Button, 'preview-button')).not.toBeNull());
    expect(page.findByTestId(Button, 'preview-button').props.disabled).toBe(true);
    fire(page.find(Input, { name: 'total' }), 'onInput', '1.001');
    expect(page.find(Input, { name: 'total' }).props.validationMessage).toBe(
      'Use at most two decimal places.',
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
    expect(textOf(page.findByTestId(Alert, 'error-VALIDATION_ERROR'))).toContain(
      'assignees.0.id: unknown owner',
    );
  });

  it('falls back to the documented goal type when HubSpot options fail', async () => {
    const page = renderPage({
      goal_families_list: () => listOf(),
      goal_property_options: () => fail('HUBSPOT_ERROR', 'x'),
    });
    await openTab(page, 'create');
    await vi.waitFor(() =>
      expect(page.find(Select, { name: 'goalType' }).props.options).toEqual([
        { value: 'sales_quota', label: 'Sales quota' },
      ]),
    );
    expect(page.find(Tab, { tabId: 'create' })).toBeDefined();
  });
});
