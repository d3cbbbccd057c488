import type { FamilyIndexEntry } from '@goal-families/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from './familyFilter';
import { filterIndex, mergeIndex, pageOf, sortByName } from './familyIndex';

const UUIDS = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];

type Slice = { uuid: string; name: string; owner: string | null; team: string | null; month: number };

/** What one index call reports for the slices it saw (the server's grouping, in miniature). */
function entriesOf(slices: Slice[]): FamilyIndexEntry[] {
  const byUuid = new Map<string, Slice[]>();
  for (const s of slices) byUuid.set(s.uuid, [...(byUuid.get(s.uuid) ?? []), s]);
  return [...byUuid].map(([uuid, ss]) => {
    const months = ss.map((s) => s.month);
    return {
      uuid,
      name: ss[0]?.name ?? '',
      goalType: 'sales_quota',
      milestone: 'monthly',
      ownerIds: [...new Set(ss.flatMap((s) => (s.owner ? [s.owner] : [])))].sort(),
      teamIds: [...new Set(ss.flatMap((s) => (s.team ? [s.team] : [])))].sort(),
      sliceCount: ss.length,
      periodStart: new Date(Date.UTC(2026, Math.min(...months), 1)).toISOString(),
      periodEnd: new Date(Date.UTC(2026, Math.max(...months) + 1, 1) - 1).toISOString(),
    };
  });
}

const slice = fc.record({
  uuid: fc.constantFrom(...UUIDS),
  name: fc.constant('Quota'),
  owner: fc.option(fc.constantFrom('1', '2', '3'), { nil: null }),
  team: fc.option(fc.constantFrom('9', '8'), { nil: null }),
  month: fc.integer({ min: 0, max: 23 }),
});

describe('mergeIndex', () => {
  it('merging the views of any split of the scan equals the view of the whole scan', () => {
    fc.assert(
      fc.property(
        fc.array(slice, { minLength: 1, maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (all, cuts) => {
          const points = [...new Set(cuts.map((c) => c % (all.length + 1)))].sort((a, b) => a - b);
          const bounds = [0, ...points, all.length];
          let index = new Map<string, FamilyIndexEntry>();
          for (let i = 0; i + 1 < bounds.length; i++) {
            index = mergeIndex(index, entriesOf(all.slice(bounds[i], bounds[i + 1])));
          }
          const whole = new Map(entriesOf(all).map((e) => [e.uuid, e]));
          expect(index).toEqual(whole);
        },
      ),
    );
  });

  it('takes the name, type and milestone of the view with more slices', () => {
    const base = entriesOf([{ uuid: UUIDS[0] ?? '', name: 'Old', owner: '1', team: null, month: 0 }])[0];
    if (!base) throw new Error('fixture');
    const big = { ...base, name: 'New', milestone: 'quarterly', sliceCount: 5 };
    expect(mergeIndex(mergeIndex(new Map(), [base]), [big]).get(base.uuid)).toMatchObject({
      name: 'New',
      milestone: 'quarterly',
      sliceCount: 6,
    });
    expect(mergeIndex(mergeIndex(new Map(), [big]), [base]).get(base.uuid)?.name).toBe('New');
  });
});

describe('filterIndex, sortByName, pageOf', () => {
  const entry = (over: Partial<FamilyIndexEntry>): FamilyIndexEntry => ({
    uuid: UUIDS[0] ?? '',
    name: 'Quota',
    goalType: 'sales_quota',
    milestone: 'monthly',
    ownerIds: ['1'],
    teamIds: [],
    sliceCount: 12,
    periodStart: '2026-01-01T00:00:00.000Z',
    periodEnd: '2026-12-31T23:59:59.999Z',
    ...over,
  });
  const e = entry({});

  it.each([
    ['no filter', {}, true],
    ['text, any case', { text: ' QUO ' }, true],
    ['other text', { text: 'revenue' }, false],
    ['its owner', { ownerId: '1' }, true],
    ['another owner', { ownerId: '2' }, false],
    ['a team it lacks', { teamId: '9' }, false],
    ['its type', { goalType: 'sales_quota' }, true],
    ['another type', { goalType: 'deals_won' }, false],
    ['another milestone', { milestone: 'quarterly' }, false],
    ['its milestone', { milestone: 'monthly' }, true],
    ['its year', { year: '2026' }, true],
    ['a later year', { year: '2027' }, false],
    ['an earlier year', { year: '2025' }, false],
  ])('%s', (_, form, kept) => {
    expect(filterIndex([e], { ...EMPTY_FILTER, ...form }, 'UTC')).toHaveLength(kept ? 1 : 0);
  });

  it('matches a milestone whatever HubSpot spelling is stored ("annually" is annual)', () => {
    const annual = entry({ milestone: 'annually' });
    expect(filterIndex([annual], { ...EMPTY_FILTER, milestone: 'annual' }, 'UTC')).toHaveLength(1);
    expect(filterIndex([annual], { ...EMPTY_FILTER, milestone: 'monthly' }, 'UTC')).toHaveLength(0);
  });

  it('reads the year in the portal time zone', () => {
    // 2027-01-01T03:00Z is still 2026 in New York.
    const late = entry({ periodStart: '2027-01-01T03:00:00.000Z', periodEnd: '2027-01-31T00:00:00.000Z' });
    expect(filterIndex([late], { ...EMPTY_FILTER, year: '2026' }, 'America/New_York')).toHaveLength(1);
    expect(filterIndex([late], { ...EMPTY_FILTER, year: '2026' }, 'UTC')).toHaveLength(0);
  });

  it('sorts by name then uuid, and pages with clamping', () => {
    const b = entry({ uuid: UUIDS[1] ?? '', name: 'alpha' });
    expect(sortByName([e, b]).map((x) => x.name)).toEqual(['alpha', 'Quota']);
    const items = Array.from({ length: 51 }, (_, i) => i);
    expect(pageOf(items, 3, 25)).toEqual({ items: [50], page: 3, pages: 3 });
    expect(pageOf(items, 9, 25).page).toBe(3);
    expect(pageOf([], 1, 25)).toEqual({ items: [], page: 1, pages: 1 });
  });
});
