// biome-ignore-all lint/style/noNonNullAssertion: tests index into fixtures they just built
import { describe, expect, it } from 'vitest';
import {
  dateStartMs,
  isLocalMidnight,
  isValidTimeZone,
  parseLocalDate,
  toLocalDate,
  zoneOffsetMs,
} from './calendar';
import { detectConvention, detectGrid, familyGrid } from './convention';
import { buildSchedule } from './periods';

describe('detectConvention', () => {
  it.each([
    [
      'UTC inclusive',
      { timeZone: 'UTC', endStyle: 'inclusive' },
      'Europe/Berlin',
      { endStyle: 'inclusive', timeZone: 'UTC' },
    ],
    [
      'UTC exclusive',
      { timeZone: 'UTC', endStyle: 'exclusive' },
      'UTC',
      { endStyle: 'exclusive', timeZone: 'UTC' },
    ],
    [
      'Berlin inclusive',
      { timeZone: 'Europe/Berlin', endStyle: 'inclusive' },
      'Europe/Berlin',
      { endStyle: 'inclusive', timeZone: 'Europe/Berlin' },
    ],
    [
      'Berlin exclusive, no candidate',
      { timeZone: 'Europe/Berlin', endStyle: 'exclusive' },
      'UTC',
      { endStyle: 'exclusive', timeZone: 'UTC' },
    ],
    [
      'New York, wrong candidate',
      { timeZone: 'America/New_York', endStyle: 'inclusive' },
      'Europe/Berlin',
      { endStyle: 'inclusive', timeZone: 'UTC' },
    ],
    [
      'bogus candidate',
      { timeZone: 'UTC', endStyle: 'inclusive' },
      'Not/AZone',
      { endStyle: 'inclusive', timeZone: 'UTC' },
    ],
  ] as const)('%s', (_label, spec, candidate, expected) => {
    const slices = buildSchedule({ milestone: 'monthly', startDate: '2026-01-01', count: 12, ...spec });
    expect(detectConvention(slices, candidate)).toEqual(expected);
  });

  it('defaults to the documented convention without evidence', () => {
    expect(detectConvention([])).toEqual({ endStyle: 'inclusive', timeZone: 'UTC' });
    expect(detectConvention([{ startMs: null, endMs: 1234 }])).toEqual({
      endStyle: 'inclusive',
      timeZone: 'UTC',
    });
  });

  it('follows the majority', () => {
    const slices = buildSchedule({
      milestone: 'monthly',
      startDate: '2026-01-01',
      count: 3,
      endStyle: 'exclusive',
    });
    slices.push({ startMs: slices[2]!.endMs, endMs: slices[2]!.endMs + 10 * 86_400_000 - 1 });
    expect(detectConvention(slices).endStyle).toBe('exclusive');
  });
});

describe('detectGrid', () => {
  it('finds the fiscal anchor month of quarters and the weekday of weeks', () => {
    const quarters = buildSchedule({ milestone: 'quarterly', startDate: '2026-02-01', count: 4 });
    expect(detectGrid(quarters, 'quarterly', { endStyle: 'inclusive', timeZone: 'UTC' }).anchorMonth).toBe(2);
    const weeks = buildSchedule({ milestone: 'weekly', startDate: '2026-01-01', count: 4, weekStart: 0 });
    expect(detectGrid(weeks, 'weekly', { endStyle: 'inclusive', timeZone: 'UTC' }).weekStart).toBe(0);
    expect(detectGrid([], 'monthly', { endStyle: 'inclusive', timeZone: 'UTC' })).toMatchObject({
      anchorMonth: 1,
      weekStart: 1,
    });
  });

  it('has no grid for an unknown milestone', () => {
    expect(familyGrid({ slices: [], milestone: { value: 'daily' } }).grid).toBeNull();
  });
});

describe('calendar', () => {
  it('converts dates and zones', () => {
    expect(parseLocalDate('2026-02-29')).toBeNull();
    expect(parseLocalDate('26-01-01')).toBeNull();
    expect(dateStartMs('2026-07-01', 'Europe/Berlin')).toBe(Date.UTC(2026, 5, 30, 22));
    expect(dateStartMs('2026-07-01', 'Nowhere/City')).toBeNull();
    expect(dateStartMs('2026-07-32', 'UTC')).toBeNull();
    expect(zoneOffsetMs(Date.UTC(2026, 6, 1), 'Europe/Berlin')).toBe(7_200_000);
    expect(toLocalDate(Date.UTC(2026, 5, 30, 22), 'Europe/Berlin')).toEqual({
      year: 2026,
      month: 7,
      day: 1,
      msOfDay: 0,
    });
    expect(isLocalMidnight(Date.UTC(2026, 5, 30, 22), 'Europe/Berlin')).toBe(true);
    expect(isLocalMidnight(Date.UTC(2026, 5, 30, 22), 'UTC')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('Asia/Tokyo')).toBe(true);
  });
});
