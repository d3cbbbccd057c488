import { functionContracts, MAX_SLICES_PER_INVOCATION } from '@goal-families/contract';
import { createFormat } from '@goal-families/ui';
import { describe, expect, it } from 'vitest';
import { makeSettings } from '../../cards/__tests__/fixtures';
import {
  buildCreateRequest,
  type CreateForm,
  gridTotals,
  initialCreateForm,
  periodLabels,
} from './createForm';

const UUID = '0b7c2a8e-1d2f-4a3b-8c4d-5e6f7a8b9c0d';
const base = (overrides: Partial<CreateForm> = {}): CreateForm => ({
  ...initialCreateForm(
    makeSettings({ defaults: { timeZone: 'Europe/Berlin', fiscalYearStartMonth: 4, currency: 'EUR' } }),
    new Date('2026-03-15T00:00:00Z'),
  ),
  name: 'FY26 quota',
  ownerIds: ['77'],
  teamIds: ['9'],
  total: '120000',
  ...overrides,
});
const caller = { caller: { userId: '1' }, portal: { id: '2' } };

describe('initialCreateForm', () => {
  it('starts from the portal defaults: fiscal month, time zone, this year, monthly', () => {
    expect(base()).toMatchObject({
      year: '2026',
      startMonth: '4',
      timeZone: 'Europe/Berlin',
      milestone: 'monthly',
      periodCount: '12',
    });
  });
});

describe('periodLabels', () => {
  // The app's one label style; quarters and years count from the fiscal year's first month.
  const fiscalApril = createFormat({ fiscalYearStartMonth: 4 });
  it.each([
    [
      { milestone: 'monthly' as const, startMonth: '11', periodCount: '3' },
      ['Nov 2026', 'Dec 2026', 'Jan 2027'],
    ],
    [
      { milestone: 'quarterly' as const, startMonth: '4', periodCount: '4' },
      ['Q1 2026', 'Q2 2026', 'Q3 2026', 'Q4 2026'],
    ],
    [{ milestone: 'annual' as const, startMonth: '4', periodCount: '2' }, ['FY2026', 'FY2027']],
    [{ milestone: 'annual' as const, startMonth: '7', periodCount: '1' }, ['Jul 2026 – Jun 2027']],
    [{ milestone: 'weekly' as const, startMonth: '1', periodCount: '2' }, ['Week 1', 'Week 2']],
  ])('%j', (form, labels) => {
    expect(periodLabels({ ...base(), ...form }, fiscalApril)).toEqual(labels);
  });
});

describe('buildCreateRequest', () => {
  it.each([
    ['an even spread', {}, { mode: 'even', total: '120000.00' }],
    [
      'a weighted spread',
      { spreadMode: 'weighted' as const, weights: '1,1,1,1,1,1,1,1,1,1,2,3' },
      { mode: 'weighted', total: '120000.00', weights: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3] },
    ],
  ])('builds %s, accepted by the contract', (_, overrides, spread) => {
    const built = buildCreateRequest(base(overrides), UUID);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.request).toMatchObject({
      uuid: UUID,
      name: 'FY26 quota',
      startDate: '2026-04-01',
      timeZone: 'Europe/Berlin',
      assignees: [
        { kind: 'owner', id: '77' },
        { kind: 'team', id: '9' },
      ],
      spread,
    });
    expect(
      functionContracts.goal_family_create.params.safeParse({ ...caller, ...built.request, dryRun: true })
        .success,
    ).toBe(true);
  });

  it('builds different targets per assignee, read in the viewer’s locale, accepted by the contract', () => {
    const grid = { 'owner:77': ['1.000,50', '2', '3'], 'team:9': ['4', '5', '6,25'] };
    const built = buildCreateRequest(base({ spreadMode: 'grid', periodCount: '3', grid }), UUID, 'de-DE');
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    expect(built.request.spread).toBeUndefined();
    expect(built.request.amountsByAssignee).toEqual([
      { assignee: { kind: 'owner', id: '77' }, amounts: ['1000.50', '2.00', '3.00'] },
      { assignee: { kind: 'team', id: '9' }, amounts: ['4.00', '5.00', '6.25'] },
    ]);
    expect(
      functionContracts.goal_family_create.params.safeParse({ ...caller, ...built.request, dryRun: true })
        .success,
    ).toBe(true);
    expect(gridTotals(base({ spreadMode: 'grid', periodCount: '3', grid }), 'de-DE')).toEqual({
      rows: { 'owner:77': '1005.50', 'team:9': '15.25' },
      total: '1020.75',
    });
  });

  it.each([
    ['no name', { name: '' }, 'name', 'Give the goal a name.'],
    ['no assignee', { ownerIds: [], teamIds: [] }, 'assignees', 'Choose at least one person or team.'],
    [
      'too many slices',
      {
        ownerIds: Array.from({ length: 500 }, (_, i) => String(i + 1)),
        teamIds: [],
        periodCount: '52',
        milestone: 'weekly' as const,
      },
      'assignees',
      'A goal holds at most 1,200 targets (assignees × periods): split it, for example one goal per team.',
    ],
    ['a bad total', { total: '12.345' }, 'total', 'Use at most two decimal places.'],
    ['61 periods', { periodCount: '61' }, 'periodCount', 'Use 1 to 60 periods.'],
    ['a bad zone', { timeZone: 'Mars/Olympus' }, 'timeZone', 'Choose a time zone.'],
    ['no total', { total: '' }, 'total', 'Enter the total per assignee.'],
    ['a total in another locale’s style', { total: '1.000,50' }, 'total', 'Use the format 1,234.56.'],
    [
      'wrong weight count',
      { spreadMode: 'weighted' as const, weights: '1,2' },
      'weights',
      'Give 12 weights, one per period.',
    ],
    [
      'a missing grid cell',
      { spreadMode: 'grid' as const, periodCount: '2', grid: { 'owner:77': ['1'], 'team:9': ['1', '2'] } },
      'grid:owner:77',
      'Enter an amount for every period (period 2 is empty).',
    ],
  ])('refuses %s', (_, overrides, field, problem) => {
    const built = buildCreateRequest(base(overrides), UUID);
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.problems[field]).toBe(problem);
  });
});

describe('the targets limit', () => {
  it("is the functions' own, so the form refuses exactly what the server would", () => {
    const assignees = Array.from({ length: MAX_SLICES_PER_INVOCATION / 12 }, (_, i) => String(i + 1));
    expect(buildCreateRequest(base({ ownerIds: assignees, teamIds: [] }), UUID).ok).toBe(true);
    expect(buildCreateRequest(base({ ownerIds: [...assignees, '9999'], teamIds: [] }), UUID).ok).toBe(false);
  });
});
