import { respreadFromDate } from '@goal-families/ui';
import { describe, expect, it } from 'vitest';
import { makeFamily, makeGroup, monthlySlices } from '../__tests__/fixtures';
import { defaultSlice, orderedSlices, pickGroup } from './familyView';

describe('respreadFromDate', () => {
  // The server reads `from` in the family's zone; for every zone offset (±14 h) midnight of the
  // returned date must fall after the previous period's start and at or before this one's.
  const zones = [-14, -8, -5, 0, 1, 5.5, 9, 12, 14];
  const slices = monthlySlices(2026, 1);
  it.each(slices.slice(1).map((slice, i) => [slice.start as string, slices[i]?.start as string]))(
    'selects exactly the period starting %s',
    (start, previous) => {
      const from = respreadFromDate(start);
      for (const offset of zones) {
        const midnight = Date.parse(`${from}T00:00:00Z`) - offset * 3_600_000;
        expect(midnight).toBeGreaterThan(Date.parse(previous));
        expect(midnight).toBeLessThanOrEqual(Date.parse(start));
      }
    },
  );
});

describe('pickGroup', () => {
  const owner = makeGroup();
  const team = makeGroup({ groupId: '502', assignee: { kind: 'team', id: '9', name: 'West' } });
  const family = makeFamily({ groups: [owner, team] });
  it.each([
    [{ kind: 'owner' as const, id: '77' }, '501'],
    [{ kind: 'team' as const, id: '9' }, '502'],
    [{ kind: 'owner' as const, id: '9' }, '501'],
    [null, '501'],
  ])('%j → group %s', (assignee, groupId) => {
    expect(pickGroup(family, assignee)?.groupId).toBe(groupId);
  });
});

describe('orderedSlices / defaultSlice', () => {
  const slices = monthlySlices(2026, 1);
  const shuffled = [slices[5], { ...slices[0], id: 'x', start: null }, slices[2], slices[0]].filter(
    (s) => s !== undefined,
  ) as typeof slices;
  it('orders by start, undated last', () => {
    expect(orderedSlices(makeGroup({ slices: shuffled })).map((s) => s.id)).toEqual(['1', '3', '6', 'x']);
  });
  it.each([
    ['2026-03-15T00:00:00Z', '3'],
    ['2025-06-01T00:00:00Z', '1'],
    ['2027-06-01T00:00:00Z', '1'],
  ])('at %s picks slice %s', (now, id) => {
    expect(defaultSlice(slices, new Date(now))?.id).toBe(id);
  });
});
