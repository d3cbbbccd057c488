import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isLocalMidnight, type LocalDate, startOfLocalDate, toLocalDate, zoneOffsetMs } from './calendar';

dayjs.extend(utc);
dayjs.extend(timezone);

const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 900_000;
const ZONES = Intl.supportedValuesOf('timeZone');
const YEARS = [2026, 2027, 2028];

/** The local wall-clock time of an instant, as a UTC-based millisecond count. */
const local = (ms: number, zone: string) => ms + zoneOffsetMs(ms, zone);
const wallMidnight = (d: LocalDate) => Date.UTC(d.year, d.month - 1, d.day);

/** The instant the zone's offset changes in (lo, hi], or null when it does not (one change at most). */
function transitionIn(lo: number, hi: number, zone: string): number | null {
  const before = zoneOffsetMs(lo, zone);
  if (zoneOffsetMs(hi, zone) === before) return null;
  let a = Math.floor(lo / QUARTER_HOUR_MS);
  let b = Math.ceil(hi / QUARTER_HOUR_MS);
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (zoneOffsetMs(mid * QUARTER_HOUR_MS, zone) === before) a = mid;
    else b = mid;
  }
  return b * QUARTER_HOUR_MS;
}

/**
 * `t` is the first millisecond of date `d` in `zone`: its wall clock is at or past d's midnight, and
 * no earlier instant of the 26 hours before shows d (or later) on the wall clock — in particular,
 * where midnight happens twice, `t` is the earlier one, and where it is skipped, `t` is the jump.
 */
function expectFirstMillisecond(t: number, d: LocalDate, zone: string): void {
  const midnight = wallMidnight(d);
  const label = `${zone} ${d.year}-${d.month}-${d.day} → ${new Date(t).toISOString()}`;
  expect(local(t, zone), label).toBeGreaterThanOrEqual(midnight);
  expect(local(t - 1, zone), label).toBeLessThan(midnight);
  // The wall clock is highest just before an offset change: check that instant too.
  const change = transitionIn(t - 26 * 3_600_000, t - 1, zone);
  if (change !== null) expect(local(change - 1, zone), label).toBeLessThan(midnight);
  // Where midnight exists, `t` is exactly it.
  if (local(t, zone) !== midnight) {
    const later = transitionIn(t - 1, t + DAY_MS, zone);
    expect(later === null || local(later, zone) !== midnight, label).toBe(true);
  }
}

describe('the first millisecond of a day in a zone', () => {
  it('in America/Havana, where local midnight happens twice on 1 November 2026, is the earlier instant', () => {
    const first = startOfLocalDate({ year: 2026, month: 11, day: 1 }, 'America/Havana');
    // 00:00 CDT (UTC-4), before the clocks go back from 01:00 CDT to 00:00 CST (UTC-5).
    expect(new Date(first).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(isLocalMidnight(first, 'America/Havana')).toBe(true);
    expect(isLocalMidnight(Date.parse('2026-11-01T05:00:00.000Z'), 'America/Havana')).toBe(false);
    expect(toLocalDate(first - 1, 'America/Havana')).toMatchObject({ month: 10, day: 31 });
  });

  it('where local midnight is skipped (Havana, 8 March 2026), is the instant the clocks jump', () => {
    const first = startOfLocalDate({ year: 2026, month: 3, day: 8 }, 'America/Havana');
    expect(new Date(first).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(toLocalDate(first, 'America/Havana')).toMatchObject({ day: 8, msOfDay: 3_600_000 });
    expect(isLocalMidnight(first, 'America/Havana')).toBe(true);
  });

  // ~15,000 days through dayjs's timezone plugin (~0.1 ms a conversion): seconds, more on a loaded machine.
  it(`is right for the first of every month of ${YEARS.join(', ')} in every IANA zone (${ZONES.length} zones)`, () => {
    for (const zone of ZONES) {
      for (const year of YEARS) {
        for (let month = 1; month <= 12; month++) {
          const d = { year, month, day: 1 };
          const t = startOfLocalDate(d, zone);
          expectFirstMillisecond(t, d, zone);
          expect(isLocalMidnight(t, zone)).toBe(true);
        }
      }
    }
  }, 120_000);

  it('is right for any day of those years in any zone (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(YEARS[0] as number, 0, 1), max: Date.UTC(2028, 11, 31) }),
        (zone, dayMs) => {
          const t = new Date(dayMs);
          const d = { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
          expectFirstMillisecond(startOfLocalDate(d, zone), d, zone);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe('zone offsets', () => {
  /** The offset read straight from Intl's wall clock, independently of dayjs. */
  function intlOffset(ms: number, zone: string): number {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }).formatToParts(ms);
    const p = (type: string) => Number(parts.find((x) => x.type === type)?.value);
    const whole = Math.floor(ms / 1000) * 1000;
    const wall = Date.UTC(p('year'), p('month') - 1, p('day'), p('hour'), p('minute'), p('second'));
    return Math.round((wall - whole) / 60_000) * 60_000;
  }

  it('agree with Intl in any zone at any instant of those years (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2029, 0, 1) }),
        (zone, ms) => {
          expect(zoneOffsetMs(ms, zone), `${zone} ${new Date(ms).toISOString()}`).toBe(intlOffset(ms, zone));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('dayjs, the engine, and the one case corrected', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  // dayjs picks between two equal wall-clock times by the offset in force *today* (its first guess),
  // so its own answer for a repeated midnight changes with the season; the calendar's does not.
  it.each([
    ['in winter', '2027-01-15T12:00:00.000Z', '2027-11-07', '2027-11-07T05:00:00.000Z'],
    ['in summer', '2027-07-15T12:00:00.000Z', '2028-11-05', '2028-11-05T04:00:00.000Z'],
  ])(
    'a repeated Havana midnight asked %s is the earlier instant, whatever dayjs guesses',
    (_, now, date, dayjsSays) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(now));
      expect(new Date(dayjs.tz(date, 'America/Havana').valueOf()).toISOString()).toBe(dayjsSays);
      const [year, month, day] = date.split('-').map(Number) as [number, number, number];
      expect(new Date(startOfLocalDate({ year, month, day }, 'America/Havana')).toISOString()).toBe(
        `${date}T04:00:00.000Z`,
      );
    },
  );
});
