/**
 * Calendar arithmetic in an IANA time zone. Dates are computed on plain calendar values
 * (year, month, day) and only then turned into instants, so that DST never shifts a boundary.
 * dayjs (utc + timezone) does every zone conversion; its results are memoised (bounded caches)
 * because the timezone plugin costs ~0.1 ms a call and audits convert hundreds of thousands of
 * instants, often the same ones.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 900_000;

/** A calendar date: month 1-12. */
export type LocalDate = { year: number; month: number; day: number };

export const isUtcZone = (zone: string): boolean => zone === 'UTC' || zone === 'Etc/UTC' || zone === 'GMT';

/** Whether a string names an IANA time zone this runtime knows. */
export function isValidTimeZone(zone: string): boolean {
  if (zone === '') return false;
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  knownZones.add(zone);
  return true;
}
// Constructing a formatter costs ~50 µs; the set of zones in use is small.
const knownZones = new Set<string>(['UTC']);

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses "YYYY-MM-DD" into a calendar date; null when it is not a real date. */
export function parseLocalDate(s: string): LocalDate | null {
  const m = DATE_PATTERN.exec(s);
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  if (check.getUTCMonth() !== date.month - 1 || check.getUTCDate() !== date.day) return null;
  return date;
}

export function formatLocalDate(d: LocalDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Calendar date n days later (n may be negative). */
export function addDays(d: LocalDate, n: number): LocalDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** The first day of the month n months after d's month. */
export function addMonthsToMonthStart(d: LocalDate, n: number): LocalDate {
  const index = d.year * 12 + (d.month - 1) + n;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1, day: 1 };
}

/** The same calendar day n years later; 29 February becomes 28 February in a common year. */
export function addYears(d: LocalDate, n: number): LocalDate {
  const year = d.year + n;
  const lastDay = new Date(Date.UTC(year, d.month, 0)).getUTCDate();
  return { year, month: d.month, day: Math.min(d.day, lastDay) };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: LocalDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** Entries a cache holds before its older half is dropped (a few MB at most). */
const CACHE_LIMIT = 200_000;

/** Remembers `value` under `key`; past the limit, forgets the older half (Maps keep insertion order). */
function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= CACHE_LIMIT) {
    let drop = cache.size / 2;
    for (const old of cache.keys()) {
      if (drop-- <= 0) break;
      cache.delete(old);
    }
  }
  cache.set(key, value);
  return value;
}

const midnightCache = new Map<string, number>();

/**
 * The first millisecond of a calendar date in a zone: the earliest instant whose wall clock shows
 * that date. Where local midnight happens twice (clocks going back at 01:00 to 00:00, as in
 * America/Havana on 1 November 2026) that is the earlier midnight; where midnight is skipped (clocks
 * jumping from 00:00 to 01:00) it is the instant of the jump.
 */
export function startOfLocalDate(d: LocalDate, zone: string): number {
  const wallMidnight = Date.UTC(d.year, d.month - 1, d.day);
  if (isUtcZone(zone)) return wallMidnight;
  const key = `${zone}|${wallMidnight}`;
  return midnightCache.get(key) ?? remember(midnightCache, key, firstInstantOf(d, wallMidnight, zone));
}

/** `wallMidnight` is the date's midnight written as if it were UTC. */
function firstInstantOf(d: LocalDate, wallMidnight: number, zone: string): number {
  // dayjs turns the wall-clock midnight into an instant; where midnight is skipped it answers the
  // instant the clocks jump, which is the day's first.
  const resolved = dayjs.tz(formatLocalDate(d), zone).valueOf();
  // Correction for a midnight that happens twice (America/Havana, 1 November 2026: 01:00 CDT goes
  // back to 00:00 CST): dayjs answers whichever of the two its first guess, the offset in force on
  // today's date, points at (05:00Z, the later one, when asked in winter), but the day begins at the
  // earlier one (04:00Z), the midnight under the offset in force before the change. Offsets change at
  // most once around a midnight, so the offset a day earlier is that offset. With the correction the
  // answer no longer depends on the day it is asked. calendar.test.ts checks this case in both
  // seasons and every zone's month starts against the definition (no earlier instant shows the date).
  const before = zoneOffsetMs(wallMidnight - DAY_MS, zone);
  const earlier = wallMidnight - before;
  return earlier < resolved && zoneOffsetMs(earlier, zone) === before ? earlier : resolved;
}

const offsetCache = new Map<string, number>();

/** The zone's UTC offset in ms at an instant, as dayjs's timezone plugin reads it. */
export function zoneOffsetMs(ms: number, zone: string): number {
  if (isUtcZone(zone)) return 0;
  // Offsets change only at quarter-hour instants, so one lookup serves a whole quarter hour.
  const bucket = Math.floor(ms / QUARTER_HOUR_MS);
  const key = `${zone}|${bucket}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  return remember(
    offsetCache,
    key,
    dayjs(bucket * QUARTER_HOUR_MS)
      .tz(zone)
      .utcOffset() * 60_000,
  );
}

/** The calendar date of an instant in a zone, and the ms elapsed since that date's midnight. */
export function toLocalDate(ms: number, zone: string): LocalDate & { msOfDay: number } {
  const local = ms + zoneOffsetMs(ms, zone);
  const t = new Date(local);
  const msOfDay = ((local % DAY_MS) + DAY_MS) % DAY_MS;
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), msOfDay };
}

/** Whether an instant is exactly the first millisecond of a calendar day in the zone. */
export function isLocalMidnight(ms: number, zone: string): boolean {
  const d = toLocalDate(ms, zone);
  // A day's first instant shows midnight, or (where midnight is skipped) the end of the jump, which is
  // never hours later: most instants are ruled out without computing the day's start.
  if (d.msOfDay > MAX_JUMP_MS) return false;
  return startOfLocalDate(d, zone) === ms;
}
/** Longer than any clock change skipping midnight (they are an hour or less). */
const MAX_JUMP_MS = 3 * 3_600_000;

/** "YYYY-MM-DD" → first millisecond of that date in the zone; null for a bad date. */
export function dateStartMs(date: string, zone: string): number | null {
  const d = parseLocalDate(date);
  return d === null || !isValidTimeZone(zone) ? null : startOfLocalDate(d, zone);
}
