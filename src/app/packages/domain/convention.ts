/**
 * How an existing family stores its periods, so that edits and repairs keep it: inclusive `.999`
 * ends (the goals guide's rule) or exclusive ends (the guide's own GET sample and data synced from
 * real portals: the end is the next period's first millisecond), and the time zone whose midnights
 * its periods start on. Both are read from the family's own slices; a default zone only breaks ties
 * and stands in when the slices give no evidence.
 */
import { isLocalMidnight, isUtcZone, isValidTimeZone, toLocalDate } from './calendar';
import { majority } from './grouping';
import { asMilestone, type Milestone } from './milestones';
import { type EndStyle, PERIODS_PER_YEAR, type PeriodGrid } from './periods';

export type Convention = { endStyle: EndStyle; timeZone: string };

/**
 * What HubSpot's goals guide shows, used when a family gives no evidence and for new families (in
 * the default zone the app settings choose).
 * ASSUMPTION (unverified): goals made in HubSpot's UI by portals outside UTC start on their zone's
 * midnights; either way the zone is read from each family's slices, never assumed.
 */
export const DEFAULT_CONVENTION: Convention = { endStyle: 'inclusive', timeZone: 'UTC' };

type Bounds = { startMs: number | null; endMs: number | null };

/**
 * Detects the convention from slices. End style: the majority of ends that are `.999` (inclusive)
 * against ends on a whole second (exclusive); inclusive on a tie or no evidence. Zone: see
 * `detectZone`.
 */
export function detectConvention(
  slices: readonly Bounds[],
  defaultZone = 'UTC',
  milestone: Milestone | null = null,
): Convention {
  let inclusive = 0;
  let exclusive = 0;
  // Every boundary a slice states: its start, and where its period ends (the next period's start).
  const boundaries: number[] = [];
  for (const s of slices) {
    if (s.endMs !== null) {
      const ms = ((s.endMs % 1000) + 1000) % 1000;
      if (ms === 999) inclusive++;
      else if (ms === 0) exclusive++;
      boundaries.push(ms === 999 ? s.endMs + 1 : s.endMs);
    }
    if (s.startMs !== null) boundaries.push(s.startMs);
  }
  return {
    endStyle: exclusive > inclusive ? 'exclusive' : 'inclusive',
    timeZone: detectZone(boundaries, defaultZone, milestone),
  };
}

/**
 * Zones tried right after UTC and the default: the clocks most portals keep, so that a family is
 * named after a well-known city when several zones keep the same clocks (Berlin, not Africa/Ceuta).
 */
const PREFERRED_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Toronto',
  'America/Vancouver',
  'America/Halifax',
  'America/St_Johns',
  'America/Mexico_City',
  'America/Bogota',
  'America/Lima',
  'America/Santiago',
  'America/Sao_Paulo',
  'America/Argentina/Buenos_Aires',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Berlin',
  'Europe/Paris',
  'Europe/Madrid',
  'Europe/Rome',
  'Europe/Amsterdam',
  'Europe/Zurich',
  'Europe/Stockholm',
  'Europe/Warsaw',
  'Europe/Athens',
  'Europe/Helsinki',
  'Europe/Istanbul',
  'Europe/Moscow',
  'Africa/Lagos',
  'Africa/Johannesburg',
  'Africa/Cairo',
  'Africa/Nairobi',
  'Asia/Jerusalem',
  'Asia/Dubai',
  'Asia/Karachi',
  'Asia/Kolkata',
  'Asia/Dhaka',
  'Asia/Bangkok',
  'Asia/Jakarta',
  'Asia/Singapore',
  'Asia/Hong_Kong',
  'Asia/Shanghai',
  'Asia/Manila',
  'Asia/Seoul',
  'Asia/Tokyo',
  'Australia/Perth',
  'Australia/Adelaide',
  'Australia/Brisbane',
  'Australia/Sydney',
  'Pacific/Auckland',
];

let candidateZones: readonly string[] | null = null;
/** UTC, the preferred zones, then every other IANA zone this runtime knows, alphabetically. */
function allCandidateZones(): readonly string[] {
  if (candidateZones === null) {
    const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    candidateZones = [...new Set(['UTC', ...PREFERRED_ZONES.filter(isValidTimeZone), ...known])];
  }
  return candidateZones;
}

/**
 * The zone whose midnights the most starts fall on: UTC first, then the default zone, then the
 * preferred zones and every other IANA zone, the first one on a tie (so the default wins among zones
 * keeping the same clocks). Stops at the first zone every start fits. When no start is a midnight
 * anywhere (or there is no start), the default zone.
 */
export function detectZone(
  starts: readonly number[],
  defaultZone = 'UTC',
  milestone: Milestone | null = null,
): string {
  // Months, quarters and years start on the 1st: a zone whose midnights fall on other days (UTC-11
  // and UTC+13 share their midnights a day apart) does not fit.
  const fits =
    milestone === null || milestone === 'weekly'
      ? isLocalMidnight
      : (ms: number, zone: string) => isLocalMidnight(ms, zone) && toLocalDate(ms, zone).day === 1;
  const fallback = isValidTimeZone(defaultZone) ? defaultZone : 'UTC';
  const distinct = [...new Set(starts)];
  if (distinct.length === 0) return fallback;
  const order = [
    ...new Set(isUtcZone(fallback) ? allCandidateZones() : ['UTC', fallback, ...allCandidateZones()]),
  ];
  // First pass: a zone every start fits (the usual case); most zones miss at the first start.
  const perfect = order.find((zone) => distinct.every((ms) => fits(ms, zone)));
  if (perfect !== undefined) return perfect;
  // Second pass, for families with misplaced slices: the zone that fits the most starts.
  let best = fallback;
  let bestScore = 0;
  for (const zone of order) {
    let score = 0;
    let misses = 0;
    for (const ms of distinct) {
      if (fits(ms, zone)) score++;
      // A zone that can no longer beat the best so far is dropped early.
      else if (distinct.length - ++misses <= bestScore) break;
    }
    if (score > bestScore) {
      best = zone;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The grid a family's periods sit on: its convention plus the month quarters/years start in and the
 * weekday weeks start on, each the majority among the slices' starts (January / Monday when none).
 */
export function detectGrid(
  slices: readonly Bounds[],
  milestone: Milestone,
  convention: Convention,
): PeriodGrid {
  const starts: number[] = [];
  for (const s of slices) if (s.startMs !== null) starts.push(s.startMs);
  const step = 12 / PERIODS_PER_YEAR[milestone === 'weekly' ? 'monthly' : milestone];
  const locals = starts.map((ms) => toLocalDate(ms, convention.timeZone));
  const anchor = majority(
    locals,
    (d) => String((d.month - 1) % step).padStart(2, '0'),
    () => '',
  ).key;
  const weekdayKey = majority(
    locals,
    (d) => String(new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()),
    () => '',
  ).key;
  return {
    milestone,
    timeZone: convention.timeZone,
    endStyle: convention.endStyle,
    anchorMonth: anchor === '' ? 1 : Number(anchor) + 1,
    weekStart: weekdayKey === '' ? 1 : Number(weekdayKey),
  };
}

/**
 * A family's convention and grid, read from its own slices (`defaultZone` breaks ties and stands in
 * without evidence); the grid is null when its milestone is unknown.
 */
export function familyGrid(
  family: { slices: readonly Bounds[]; milestone: { value: string } },
  defaultZone = 'UTC',
): { convention: Convention; milestone: Milestone | null; grid: PeriodGrid | null } {
  const milestone = asMilestone(family.milestone.value);
  const convention = detectConvention(family.slices, defaultZone, milestone);
  return {
    convention,
    milestone,
    grid: milestone === null ? null : detectGrid(family.slices, milestone, convention),
  };
}
