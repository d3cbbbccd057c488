import { FamilyFilter } from '@goal-families/contract';
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, toFamilyFilter, yearOptions } from './familyFilter';

describe('toFamilyFilter', () => {
  it.each([
    [{}, {}],
    [{ text: '  quota ' }, { text: 'quota' }],
    [
      { ownerId: '77', teamId: '9' },
      { ownerId: '77', teamId: '9' },
    ],
    [{ ownerId: 'abc' }, {}],
    [
      { goalType: 'sales_quota', milestone: 'monthly' },
      { goalType: 'sales_quota', milestone: 'monthly' },
    ],
    [{ milestone: 'daily' }, {}],
    [{ year: '2026' }, { from: '2026-01-01', to: '2026-12-31' }],
    [{ health: 'broken' }, { health: 'broken' }],
    [{ health: 'maybe' }, {}],
  ])('%j → %j, accepted by the contract', (form, filter) => {
    const result = toFamilyFilter({ ...EMPTY_FILTER, ...form });
    expect(result).toEqual(filter);
    expect(FamilyFilter.parse(result)).toEqual(filter);
  });
  it('offers two years either side of now', () => {
    expect(yearOptions(new Date('2026-03-15T00:00:00Z')).map((o) => o.value)).toEqual([
      '2024',
      '2025',
      '2026',
      '2027',
      '2028',
    ]);
  });
});
