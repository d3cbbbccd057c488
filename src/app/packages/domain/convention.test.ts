// biome-ignore-all lint/style/noNonNullAssertion: tests index into fixtures they just built
import fc from 'fast-check';
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

describe("detectConvention: each family's zone and end style from its own slices", () => {
  it.each([
    ['UTC inclusive', { timeZone: 'UTC', endStyle: 'inclusive' }, 'Europe/Berlin', 'UTC'],
    ['UTC exclusive', { timeZone: 'UTC', endStyle: 'exclusive' }, 'UTC', 'UTC'],
    [
      'Berlin inclusive',
      { timeZone: 'Europe/Berlin', endStyle: 'inclusive' },
      'Europe/Berlin',
      'Europe/Berlin',
    ],
    // The default zone is a tie-breaker and a fallback, never a requirement.
    [
      'Berlin exclusive, default UTC',
      { timeZone: 'Europe/Berlin', endStyle: 'exclusive' },
      'UTC',
      'Europe/Berlin',
    ],
    [
      'New York, default Berlin',
      { timeZone: 'America/New_York', endStyle: 'inclusive' },
      'Europe/Berlin',
      'America/New_York',
    ],
    // Havana's clocks match New York's on the first of every month of 2026: either name gives the same periods.
    ['Havana, default UTC', { timeZone: 'America/Havana', endStyle: 'inclusive' }, 'UTC', 'America/New_York'],
    [
      'Havana, default Havana',
      { timeZone: 'America/Havana', endStyle: 'inclusive' },
      'America/Havana',
      'America/Havana',
    ],
    [
      // Whatever this runtime's ICU calls it (Asia/Katmandu in Node 20).
      'Kathmandu (+05:45), default UTC',
      { timeZone: 'Asia/Kathmandu', endStyle: 'exclusive' },
      'UTC',
      null,
    ],
    [
      'Lord Howe (30-minute DST)',
      { timeZone: 'Australia/Lord_Howe', endStyle: 'inclusive' },
      'UTC',
      'Australia/Lord_Howe',
    ],
    ['bogus default', { timeZone: 'UTC', endStyle: 'inclusive' }, 'Not/AZone', 'UTC'],
    // Paris keeps Berlin's clocks: the default zone wins the tie, and both give the same periods.
    [
      'Berlin, default Paris',
      { timeZone: 'Europe/Berlin', endStyle: 'inclusive' },
      'Europe/Paris',
      'Europe/Paris',
    ],
  ] as const)('%s', (_label, spec, defaultZone, zone) => {
    const slices = buildSchedule({ milestone: 'monthly', startDate: '2026-01-01', count: 12, ...spec });
    const found = detectConvention(slices, defaultZone);
    expect(found.endStyle).toBe(spec.endStyle);
    if (zone !== null) expect(found.timeZone).toBe(zone);
    for (const s of slices) expect(isLocalMidnight(s.startMs, found.timeZone)).toBe(true);
  });

  it('finds the zone of any schedule the app can build, whatever the default (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Intl.supportedValuesOf('timeZone')),
        fc.constantFrom('weekly' as const, 'monthly' as const, 'quarterly' as const),
        fc.integer({ min: 2026, max: 2028 }),
        fc.constantFrom('UTC', 'Europe/Berlin', 'America/Los_Angeles'),
        (timeZone, milestone, year, defaultZone) => {
          const count = { weekly: 52, monthly: 12, quarterly: 4 }[milestone];
          const slices = buildSchedule({ milestone, startDate: `${year}-01-01`, count, timeZone });
          const found = detectConvention(slices, defaultZone).timeZone;
          // The zone found may be another name for the same clocks: it must give the same periods.
          for (const s of slices) expect(isLocalMidnight(s.startMs, found)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('defaults to the documented end style, and the default zone, without evidence', () => {
    expect(detectConvention([])).toEqual({ endStyle: 'inclusive', timeZone: 'UTC' });
    expect(detectConvention([], 'Europe/Berlin')).toEqual({
      endStyle: 'inclusive',
      timeZone: 'Europe/Berlin',
    });
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
