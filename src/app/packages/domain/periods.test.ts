// biome-ignore-all lint/style/noNonNullAssertion: tests index into fixtures they just built
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant } from './instant';
import { MILESTONES, type Milestone } from './milestones';
import {
  alignStartDate,
  buildSchedule,
  fiscalYearStartDate,
  gridNearestStart,
  gridNextStart,
  gridPeriodAt,
  gridPeriodStart,
  gridPeriodsBetween,
  type PeriodGrid,
  periodContaining,
  scheduleSpecProblem,
} from './periods';

const iso = (ms: number) => formatInstant(ms);
const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kolkata',
  'America/Santiago',
  'Pacific/Chatham',
];

/** Local wall-clock parts of an instant, computed independently of the code under test. */
function wallClock(ms: number, zone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    weekday: 'short',
  }).formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    time: `${get('hour')}:${get('minute')}:${get('second')}`,
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday')),
  };
}

describe('buildSchedule', () => {
  it('builds the documented UTC monthly year with .999 ends', () => {
    const s = buildSchedule({ milestone: 'monthly', startDate: '2026-01-01', count: 12 });
    expect(s).toHaveLength(12);
    expect(iso(s[0]!.startMs)).toBe('2026-01-01T00:00:00.000Z');
    expect(iso(s[0]!.endMs)).toBe('2026-01-31T23:59:59.999Z');
    expect(iso(s[1]!.endMs)).toBe('2026-02-28T23:59:59.999Z');
    expect(iso(s[11]!.endMs)).toBe('2026-12-31T23:59:59.999Z');
  });

  it.each([
    ['monthly', '2028-02-01', 'UTC', 'inclusive', '2028-02-01T00:00:00.000Z', '2028-02-29T23:59:59.999Z'],
    [
      'monthly',
      '2026-03-15',
      'Europe/Berlin',
      'inclusive',
      '2026-02-28T23:00:00.000Z',
      '2026-03-31T21:59:59.999Z',
    ],
    [
      'monthly',
      '2026-10-01',
      'Europe/Berlin',
      'exclusive',
      '2026-09-30T22:00:00.000Z',
      '2026-10-31T23:00:00.000Z',
    ],
    ['quarterly', '2026-04-01', 'UTC', 'inclusive', '2026-04-01T00:00:00.000Z', '2026-06-30T23:59:59.999Z'],
    [
      'annual',
      '2026-04-01',
      'America/New_York',
      'inclusive',
      '2026-04-01T04:00:00.000Z',
      '2027-04-01T03:59:59.999Z',
    ],
    [
      'weekly',
      '2026-03-25',
      'America/New_York',
      'exclusive',
      '2026-03-23T04:00:00.000Z',
      '2026-03-30T04:00:00.000Z',
    ],
    ['weekly', '2026-01-01', 'UTC', 'inclusive', '2025-12-29T00:00:00.000Z', '2026-01-04T23:59:59.999Z'],
    [
      'monthly',
      '2026-01-01',
      'Asia/Kolkata',
      'inclusive',
      '2025-12-31T18:30:00.000Z',
      '2026-01-31T18:29:59.999Z',
    ],
  ] as const)('%s from %s in %s (%s)', (milestone, startDate, timeZone, endStyle, start, end) => {
    const [first] = buildSchedule({ milestone, startDate, count: 1, timeZone, endStyle });
    expect([iso(first!.startMs), iso(first!.endMs)]).toEqual([start, end]);
  });

  it('starts weekly periods on the chosen weekday', () => {
    const [sunday] = buildSchedule({ milestone: 'weekly', startDate: '2026-01-01', count: 1, weekStart: 0 });
    expect(iso(sunday!.startMs)).toBe('2025-12-28T00:00:00.000Z');
  });

  it('follows the fiscal year for quarters', () => {
    const s = buildSchedule({ milestone: 'quarterly', startDate: fiscalYearStartDate(2026, 4), count: 4 });
    expect(s.map((p) => iso(p.startMs).slice(0, 10))).toEqual([
      '2026-04-01',
      '2026-07-01',
      '2026-10-01',
      '2027-01-01',
    ]);
  });

  it.each([
    [{ milestone: 'daily' as Milestone }, 'unknown milestone'],
    [{ startDate: '2026-02-30' }, 'not a date'],
    [{ count: 0 }, 'period count'],
    [{ count: 1.5 }, 'period count'],
    [{ timeZone: 'Mars/Olympus' }, 'unknown time zone'],
    [{ weekStart: 7 }, 'week start'],
  ])('refuses %j', (change, problem) => {
    const spec = { milestone: 'monthly' as Milestone, startDate: '2026-01-01', count: 12, ...change };
    expect(scheduleSpecProblem(spec)).toContain(problem);
    expect(() => buildSchedule(spec)).toThrow(RangeError);
  });

  it('is contiguous, the right count, and on local period starts in any zone (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MILESTONES),
        fc.date({
          min: new Date(Date.UTC(1990, 0, 1)),
          max: new Date(Date.UTC(2060, 11, 31)),
          noInvalidDate: true,
        }),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom(...ZONES),
        fc.constantFrom('inclusive' as const, 'exclusive' as const),
        fc.integer({ min: 0, max: 6 }),
        (milestone, date, count, timeZone, endStyle, weekStart) => {
          const startDate = date.toISOString().slice(0, 10);
          const s = buildSchedule({ milestone, startDate, count, timeZone, endStyle, weekStart });
          expect(s).toHaveLength(count);
          s.forEach((p, i) => {
            expect(p.endMs).toBeGreaterThan(p.startMs);
            const next = s[i + 1];
            if (next) expect(endStyle === 'inclusive' ? p.endMs + 1 : p.endMs).toBe(next.startMs);
            const local = wallClock(p.startMs, timeZone);
            // Pacific/Chatham and America/Santiago have DST changes at midnight: skip the wall-clock
            // check for those days (the first instant of the day is then not 00:00).
            if (local.time === '00:00:00') {
              if (milestone === 'weekly') expect(local.weekday).toBe(weekStart);
              else expect(local.day).toBe(1);
            }
          });
          const lengthDays = (p: { startMs: number; endMs: number }) =>
            (p.endMs + (endStyle === 'inclusive' ? 1 : 0) - p.startMs) / 86_400_000;
          for (const p of s) {
            const days = lengthDays(p);
            const [min, max] = { weekly: [7, 7], monthly: [28, 31], quarterly: [89, 92], annual: [365, 366] }[
              milestone
            ];
            expect(days).toBeGreaterThanOrEqual(min! - 0.05);
            expect(days).toBeLessThanOrEqual(max! + 0.05);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives UTC months their exact number of days, leap years included (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2400 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const startDate = `${year}-${String(month).padStart(2, '0')}-01`;
        const [p] = buildSchedule({ milestone: 'monthly', startDate, count: 1 });
        const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
        expect(p!.endMs + 1 - p!.startMs).toBe(days * 86_400_000);
        const [y] = buildSchedule({ milestone: 'annual', startDate, count: 1 });
        expect(new Date(y!.endMs + 1).getUTCFullYear()).toBe(year + 1);
      }),
    );
  });

  it('keeps 12 monthly periods in a year whatever the fiscal start (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(...ZONES),
        (year, m, zone) => {
          const startDate = fiscalYearStartDate(year, m);
          const months = buildSchedule({ milestone: 'monthly', startDate, count: 12, timeZone: zone });
          const [annual] = buildSchedule({ milestone: 'annual', startDate, count: 1, timeZone: zone });
          const quarters = buildSchedule({ milestone: 'quarterly', startDate, count: 4, timeZone: zone });
          expect(months[0]!.startMs).toBe(annual!.startMs);
          expect(months[11]!.endMs).toBe(annual!.endMs);
          expect(quarters[3]!.endMs).toBe(annual!.endMs);
        },
      ),
    );
  });
});

describe('helpers', () => {
  it('fiscalYearStartDate', () => {
    expect(fiscalYearStartDate(2026, 4)).toBe('2026-04-01');
    expect(fiscalYearStartDate(2026, 12)).toBe('2026-12-01');
    expect(() => fiscalYearStartDate(2026, 13)).toThrow(RangeError);
  });

  it('alignStartDate', () => {
    expect(alignStartDate('monthly', { year: 2026, month: 5, day: 17 }, 1)).toEqual({
      year: 2026,
      month: 5,
      day: 1,
    });
    expect(alignStartDate('weekly', { year: 2026, month: 1, day: 5 }, 1)).toEqual({
      year: 2026,
      month: 1,
      day: 5,
    });
  });

  it('periodContaining picks the period of an instant, the later one on a shared boundary', () => {
    const s = buildSchedule({ milestone: 'monthly', startDate: '2026-01-01', count: 12 });
    const ex = buildSchedule({
      milestone: 'monthly',
      startDate: '2026-01-01',
      count: 12,
      endStyle: 'exclusive',
    });
    expect(periodContaining(s, Date.UTC(2026, 4, 15))).toBe(s[4]);
    expect(periodContaining(s, Date.UTC(2026, 0, 31, 23, 59, 59, 999))).toBe(s[0]);
    expect(periodContaining(ex, Date.UTC(2026, 1, 1))).toBe(ex[1]);
    expect(periodContaining(s, Date.UTC(2027, 0, 1))).toBeNull();
    expect(periodContaining([{ startMs: null, endMs: null }], 0)).toBeNull();
  });
});

describe('grid', () => {
  const grid = (g: Partial<PeriodGrid>): PeriodGrid => ({
    milestone: 'quarterly',
    timeZone: 'UTC',
    endStyle: 'inclusive',
    anchorMonth: 1,
    weekStart: 1,
    ...g,
  });

  it.each([
    [grid({}), '2026-05-17T12:00:00.000Z', '2026-04-01T00:00:00.000Z', '2026-06-30T23:59:59.999Z'],
    [
      grid({ anchorMonth: 2 }),
      '2026-05-17T12:00:00.000Z',
      '2026-05-01T00:00:00.000Z',
      '2026-07-31T23:59:59.999Z',
    ],
    [
      grid({ anchorMonth: 4, milestone: 'annual' }),
      '2026-02-01T00:00:00.000Z',
      '2025-04-01T00:00:00.000Z',
      '2026-03-31T23:59:59.999Z',
    ],
    [
      grid({ milestone: 'weekly', weekStart: 0 }),
      '2026-01-01T00:00:00.000Z',
      '2025-12-28T00:00:00.000Z',
      '2026-01-03T23:59:59.999Z',
    ],
    [
      grid({ milestone: 'monthly', timeZone: 'Europe/Berlin', endStyle: 'exclusive' }),
      '2026-03-31T22:30:00.000Z',
      '2026-03-31T22:00:00.000Z',
      '2026-04-30T22:00:00.000Z',
    ],
  ])('period at %# contains the instant', (g, at, start, end) => {
    const p = gridPeriodAt(g, Date.parse(at));
    expect([iso(p.startMs), iso(p.endMs)]).toEqual([start, end]);
  });

  it.each([
    ['2026-04-30T22:00:00.000Z', '2026-05-01T00:00:00.000Z'],
    ['2026-05-02T00:00:00.000Z', '2026-05-01T00:00:00.000Z'],
    ['2026-05-16T12:00:00.000Z', '2026-05-01T00:00:00.000Z'], // a tie: the earlier
    ['2026-05-17T00:00:00.000Z', '2026-06-01T00:00:00.000Z'],
    ['2026-05-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z'],
  ])('the nearest monthly start to %s is %s', (at, start) => {
    expect(iso(gridNearestStart(grid({ milestone: 'monthly' }), Date.parse(at)))).toBe(start);
  });

  it('lists periods between two instants, and refuses too many', () => {
    const g = grid({ milestone: 'monthly' });
    const ps = gridPeriodsBetween(g, Date.UTC(2026, 0, 15), Date.UTC(2026, 3, 1), 10);
    expect(ps!.map((p) => iso(p.startMs).slice(0, 10))).toEqual(['2026-02-01', '2026-03-01', '2026-04-01']);
    expect(gridPeriodsBetween(g, Date.UTC(2000, 0, 1), Date.UTC(2026, 0, 1), 10)).toBeNull();
    expect(gridNextStart(g, Date.UTC(2026, 11, 1))).toBe(Date.UTC(2027, 0, 1));
  });

  it('snaps any instant to the start of its period (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MILESTONES),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2050, 0, 1) }),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 1, max: 12 }),
        (milestone, ms, timeZone, anchorMonth) => {
          const g = grid({ milestone, timeZone, anchorMonth });
          const start = gridPeriodStart(g, ms);
          expect(start).toBeLessThanOrEqual(ms);
          expect(gridNextStart(g, start)).toBeGreaterThan(ms);
          expect(gridPeriodStart(g, start)).toBe(start);
        },
      ),
      { numRuns: 300 },
    );
  });
});
