/**
 * Calendar arithmetic in an IANA time zone. Dates are computed on plain calendar values
 * (year, month, day) and only then turned into instants, so that DST never shifts a boundary. The
 * one zone primitive is the UTC offset at an instant (`zoneOffsetMs`); results are memoised because
 * audits convert hundreds of thousands of instants.
 */

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

const midnightCache = new Map<string, number>();

/**
 * The first millisecond of a calendar date in a zone: the earliest instant whose wall clock shows
 * that date. Where local midnight happens twice (clocks going back at 01:00 to 00:00, as in
 * America/Havana on 1 November 2026) that is the earlier midnight; where midnight is skipped (clocks
 * jumping from 00:00 to 01:00) it is the instant of the jump.
 */
export function startOfLocalDate(d: LocalDate, zone: string): number {
  const utcMidnight = Date.UTC(d.year, d.month - 1, d.day);
  if (isUtcZone(zone)) return utcMidnight;
  const key = `${zone}|${utcMidnight}`;
  const cached = midnightCache.get(key);
  if (cached !== undefined) return cached;
  if (midnightCache.size > 200_000) midnightCache.clear();
  const ms = firstInstantOf(utcMidnight, zone);
  midnightCache.set(key, ms);
  return ms;
}

/**
 * `wallMidnight` is the date's midnight written as if it were UTC. Every instant showing it on the
 * wall clock is `wallMidnight - offset` for an offset the zone has around then; offsets change at
 * most once within a day on either side, so the offsets a day before and a day after are the only
 * candidates.
 */
function firstInstantOf(wallMidnight: number, zone: string): number {
  const before = zoneOffsetMs(wallMidnight - DAY_MS, zone);
  const after = zoneOffsetMs(wallMidnight + DAY_MS, zone);
  let first = Number.POSITIVE_INFINITY;
  for (const offset of before === after ? [before] : [before, after]) {
    const t = wallMidnight - offset;
    if (zoneOffsetMs(t, zone) === offset && t < first) first = t;
  }
  if (first !== Number.POSITIVE_INFINITY) return first;
  // Midnight was skipped: the day begins when the clocks jump past it.
  return offsetChange(wallMidnight - DAY_MS, wallMidnight + DAY_MS, zone);
}

/** The first instant in (lo, hi] with the offset the zone has at `hi` (offsets change on quarter hours). */
function offsetChange(lo: number, hi: number, zone: string): number {
  const target = zoneOffsetMs(hi, zone);
  let a = Math.floor(lo / QUARTER_HOUR_MS);
  let b = Math.ceil(hi / QUARTER_HOUR_MS);
  while (b - a > 1) {
    const mid = Math.floor((a + b) / 2);
    if (zoneOffsetMs(mid * QUARTER_HOUR_MS, zone) === target) b = mid;
    else a = mid;
  }
  return b * QUARTER_HOUR_MS;
}

const offsetCache = new Map<string, number>();

/**
 * The zone's UTC offset in ms at an instant. Read from one cached `Intl.DateTimeFormat` per zone: the
 * same source dayjs's timezone plugin reads, without the plugin's per-call formatter (126 µs a call
 * against 6 µs), which matters when a family's zone is looked for among every IANA zone. The tests
 * check it against dayjs.
 */
export function zoneOffsetMs(ms: number, zone: string): number {
  if (isUtcZone(zone)) return 0;
  // Offsets change only at quarter-hour instants, so one lookup serves a whole quarter hour.
  const bucket = Math.floor(ms / QUARTER_HOUR_MS);
  const key = `${zone}|${bucket}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  if (offsetCache.size > 200_000) offsetCache.clear();
  const at = bucket * QUARTER_HOUR_MS;
  const p: Record<string, number> = {};
  for (const part of wallClock(zone).formatToParts(at))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year as number, (p.month as number) - 1, p.day, p.hour, p.minute, p.second);
  // Whole minutes: offsets with seconds (local mean time before 1900) are not period boundaries.
  const offset = Math.round((wall - at) / 60_000) * 60_000;
  offsetCache.set(key, offset);
  return offset;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClock(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
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
