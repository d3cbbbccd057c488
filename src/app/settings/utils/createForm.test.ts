import { functionContracts, MAX_SLICES_PER_INVOCATION } from '@goal-families/contract';
import { createFormat } from '@goal-families/ui';
import { describe, expect, it } from 'vitest';
import { makeSettings } from '../../cards/__tests__/fixtures';
import {
  buildCreateRequest,
  type CreateForm,
  gridTotals,
  initialCreateForm,
  partialYearOptions,
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
// The app's one label style; quarters and years count from the fiscal year's first month.
const fiscalApril = createFormat({ fiscalYearStartMonth: 4 });

describe('initialCreateForm', () => {
  it('starts from the portal defaults: fiscal month, time zone, this year, monthly', () => {
    expect(base()).toMatchObject({
      year: '2026',
      startMonth: '4',
      timeZone: 'Europe/Berlin',
      milestone: 'monthly',
      years: '1',
      partialFrom: '',
    });
  });
});

describe('periodLabels', () => {
  it.each([
    [
      { milestone: 'monthly' as const, startMonth: '11', years: '1' },
      [
        'Nov 2026',
        'Dec 2026',
        'Jan 2027',
        'Feb 2027',
        'Mar 2027',
        'Apr 2027',
        'May 2027',
        'Jun 2027',
        'Jul 2027',
        'Aug 2027',
        'Sep 2027',
        'Oct 2027',
      ],
    ],
    [
      { milestone: 'quarterly' as const, startMonth: '4', years: '1' },
      ['Q1 2026', 'Q2 2026', 'Q3 2026', 'Q4 2026'],
    ],
    [{ milestone: 'annual' as const, startMonth: '4', years: '2' }, ['FY2026', 'FY2027']],
    [{ milestone: 'annual' as const, startMonth: '7', years: '1' }, ['Jul 2026 – Jun 2027']],
    [
      { milestone: 'weekly' as const, startMonth: '1', years: '1' },
      Array.from({ length: 52 }, (_, i) => `Week ${i + 1}`),
    ],
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
    const built = buildCreateRequest(
      base({ spreadMode: 'grid', milestone: 'annual', years: '3', grid }),
      UUID,
      'de-DE',
    );
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
    expect(gridTotals(base({ spreadMode: 'grid', milestone: 'annual', years: '3', grid }), 'de-DE')).toEqual({
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
        milestone: 'weekly' as const,
      },
      'assignees',
      'A goal holds at most 1,200 targets (assignees × periods): split it, for example one goal per team.',
    ],
    ['a bad total', { total: '12.345' }, 'total', 'Use at most two decimal places.'],
    ['six years', { years: '6' }, 'years', 'Choose 1 to 5 years.'],
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
      {
        spreadMode: 'grid' as const,
        milestone: 'annual' as const,
        years: '2',
        grid: { 'owner:77': ['1'], 'team:9': ['1', '2'] },
      },
      'grid:owner:77',
      'Enter an amount for every period (period 2 is empty).',
    ],
  ])('refuses %s', (_, overrides, field, problem) => {
    const built = buildCreateRequest(base(overrides), UUID);
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.problems[field]).toBe(problem);
  });
});

describe('whole milestone years, or a named partial year', () => {
  it.each([
    [{ milestone: 'monthly' as const, years: '1' }, 12],
    [{ milestone: 'monthly' as const, years: '2' }, 24],
    [{ milestone: 'quarterly' as const, years: '3' }, 12],
    [{ milestone: 'annual' as const, years: '5' }, 5],
    [{ milestone: 'weekly' as const, years: '1' }, 52],
  ])('%o creates %d periods: whole years, as HubSpot requires', (form, periodCount) => {
    const built = buildCreateRequest(base(form), UUID);
    expect(built.ok && built.request.periodCount).toBe(periodCount);
    expect(built.ok && 'partialYear' in built.request).toBe(false);
  });

  it('offers the periods of the first year as the start of a partial year', () => {
    expect(partialYearOptions(base(), fiscalApril)).toEqual([
      { label: 'The whole year', value: '' },
      ...['May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map((m, i) => ({
        label: `From ${m} 2026`,
        value: String(i + 1),
      })),
      ...['Jan', 'Feb', 'Mar'].map((m, i) => ({ label: `From ${m} 2027`, value: String(i + 9) })),
    ]);
    expect(partialYearOptions(base({ milestone: 'weekly' }), fiscalApril)).toEqual([
      { label: 'The whole year', value: '' },
    ]);
  });

  it('sends a partial year from July: twelve periods, the total over the nine from July', () => {
    const built = buildCreateRequest(
      base({ partialFrom: '3', spreadMode: 'weighted', weights: '1,1,1,1,1,1,1,1,2' }),
      UUID,
    );
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.request).toMatchObject({
      periodCount: 12,
      partialYear: { from: '2026-07-01' },
      spread: { mode: 'weighted', weights: [1, 1, 1, 1, 1, 1, 1, 1, 2] },
    });
    expect(
      functionContracts.goal_family_create.params.safeParse({ ...caller, ...built.request }).success,
    ).toBe(true);
    expect(periodLabels(base({ partialFrom: '3' }), fiscalApril, { activeOnly: true })[0]).toBe('Jul 2026');
    const wrong = buildCreateRequest(
      base({ partialFrom: '3', spreadMode: 'weighted', weights: '1,2' }),
      UUID,
    );
    expect(!wrong.ok && wrong.problems.weights).toBe('Give 9 weights, one per period.');
  });

  it('asks a grid for the partial year’s periods only', () => {
    const grid = { 'owner:77': ['1', '2', '3'], 'team:9': ['4', '5', '6'] };
    const form = base({ milestone: 'quarterly', partialFrom: '1', spreadMode: 'grid', grid });
    const built = buildCreateRequest(form, UUID);
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    expect(built.request).toMatchObject({ periodCount: 4, partialYear: { from: '2026-07-01' } });
    expect(built.request.amountsByAssignee?.map((r) => r.amounts)).toEqual([
      ['1.00', '2.00', '3.00'],
      ['4.00', '5.00', '6.00'],
    ]);
    expect(gridTotals(form, 'en-US').total).toBe('21.00');
    expect(periodLabels(form, fiscalApril, { activeOnly: true })).toEqual(['Q2 2026', 'Q3 2026', 'Q4 2026']);
  });
});

describe('the targets limit', () => {
  it("is the functions' own, so the form refuses exactly what the server would", () => {
    const assignees = Array.from({ length: MAX_SLICES_PER_INVOCATION / 12 }, (_, i) => String(i + 1));
    expect(buildCreateRequest(base({ ownerIds: assignees, teamIds: [] }), UUID).ok).toBe(true);
    expect(buildCreateRequest(base({ ownerIds: [...assignees, '9999'], teamIds: [] }), UUID).ok).toBe(false);
  });
});
