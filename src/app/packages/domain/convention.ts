/**
 * How an existing family stores its periods, so that edits and repairs keep it: inclusive `.999`
 * ends or exclusive ends, and UTC or a zone's midnights (docs/hubspot-facts.md §5: the docs show UTC and
 * inclusive ends; an older doc used exclusive ends; UI-made goals in other zones are unverified).
 */
import { isLocalMidnight, isUtcZone, isValidTimeZone, toLocalDate } from './calendar';
import { majority } from './grouping';
import { asMilestone, type Milestone } from './milestones';
import { type EndStyle, PERIODS_PER_YEAR, type PeriodGrid } from './periods';

export type Convention = { endStyle: EndStyle; timeZone: string };

/**
 * What HubSpot's documentation shows, used when a family gives no evidence.
 * ASSUMPTION (unverified): goals made in HubSpot's UI by portals outside UTC use the same convention.
 */
export const DEFAULT_CONVENTION: Convention = { endStyle: 'inclusive', timeZone: 'UTC' };

type Bounds = { startMs: number | null; endMs: number | null };

/**
 * Detects the convention from slices. End style: the majority of ends that are `.999` (inclusive)
 * against ends on a whole second (exclusive); inclusive on a tie or no evidence. Zone: the candidate
 * (e.g. the portal's zone) when more starts fall on its midnights than on UTC midnights, else UTC.
 */
export function detectConvention(slices: readonly Bounds[], candidateZone = 'UTC'): Convention {
  let inclusive = 0;
  let exclusive = 0;
  let utcMidnights = 0;
  let zoneMidnights = 0;
  const checkZone = !isUtcZone(candidateZone) && isValidTimeZone(candidateZone);
  for (const s of slices) {
    if (s.endMs !== null) {
      const ms = ((s.endMs % 1000) + 1000) % 1000;
      if (ms === 999) inclusive++;
      else if (ms === 0) exclusive++;
    }
    if (s.startMs !== null) {
      if (s.startMs % 86_400_000 === 0) utcMidnights++;
      if (checkZone && isLocalMidnight(s.startMs, candidateZone)) zoneMidnights++;
    }
  }
  return {
    endStyle: exclusive > inclusive ? 'exclusive' : 'inclusive',
    timeZone: checkZone && zoneMidnights > utcMidnights ? candidateZone : 'UTC',
  };
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

/** A family's convention and grid; the grid is null when its milestone is unknown. */
export function familyGrid(
  family: { slices: readonly Bounds[]; milestone: { value: string } },
  candidateZone = 'UTC',
): { convention: Convention; milestone: Milestone | null; grid: PeriodGrid | null } {
  const convention = detectConvention(family.slices, candidateZone);
  const milestone = asMilestone(family.milestone.value);
  return {
    convention,
    milestone,
    grid: milestone === null ? null : detectGrid(family.slices, milestone, convention),
  };
}
