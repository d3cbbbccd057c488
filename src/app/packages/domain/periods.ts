/** F5: period schedules — computed, never typed in. */
import {
  addDays,
  addMonthsToMonthStart,
  isValidTimeZone,
  type LocalDate,
  parseLocalDate,
  startOfLocalDate,
  toLocalDate,
  weekday,
} from './calendar';
import { MILESTONES, type Milestone } from './milestones';

/** Months per period; weekly is counted in days instead. */
const MONTHS: Record<Exclude<Milestone, 'weekly'>, number> = { monthly: 1, quarterly: 3, annual: 12 };

/** How many periods make one year (weekly: 52, and some years 53). */
export const PERIODS_PER_YEAR: Record<Milestone, number> = {
  weekly: 52,
  monthly: 12,
  quarterly: 4,
  annual: 1,
};

/** inclusive: end = last ms of the period (`…23:59:59.999`); exclusive: end = the next period's start. */
export type EndStyle = 'inclusive' | 'exclusive';

export type Period = { startMs: number; endMs: number };

/**
 * The grid a family's periods sit on. `anchorMonth` (1-12) fixes which months quarters and years
 * start in (the fiscal year start); `weekStart` (0 = Sunday … 6 = Saturday) fixes weeks.
 */
export type PeriodGrid = {
  milestone: Milestone;
  timeZone: string;
  endStyle: EndStyle;
  anchorMonth: number;
  weekStart: number;
};

export type ScheduleSpec = {
  milestone: Milestone;
  /** The first day of the first period, "YYYY-MM-DD" in `timeZone`. See `alignStartDate`. */
  startDate: string;
  count: number;
  timeZone?: string;
  endStyle?: EndStyle;
  weekStart?: number;
};

/** Why a schedule spec is unusable, in plain words; null when it is fine. */
export function scheduleSpecProblem(spec: ScheduleSpec): string | null {
  if (!(MILESTONES as readonly string[]).includes(spec.milestone))
    return `unknown milestone "${spec.milestone}"`;
  if (parseLocalDate(spec.startDate) === null)
    return `start date "${spec.startDate}" is not a date (YYYY-MM-DD)`;
  if (!Number.isInteger(spec.count) || spec.count < 1 || spec.count > 10_000)
    return 'period count must be 1 to 10,000';
  if (!isValidTimeZone(spec.timeZone ?? 'UTC')) return `unknown time zone "${spec.timeZone}"`;
  const ws = spec.weekStart ?? 1;
  if (!Number.isInteger(ws) || ws < 0 || ws > 6) return 'week start must be 0 (Sunday) to 6 (Saturday)';
  return null;
}

/**
 * The first period's first day: monthly, quarterly and annual periods begin on the 1st of the
 * start date's month; weekly periods on the `weekStart` day on or before the start date.
 */
export function alignStartDate(milestone: Milestone, date: LocalDate, weekStart: number): LocalDate {
  if (milestone === 'weekly') return addDays(date, -((weekday(date) - weekStart + 7) % 7));
  return { year: date.year, month: date.month, day: 1 };
}

/** The calendar date the period after the one starting on `date` starts on. */
export function nextPeriodDate(milestone: Milestone, date: LocalDate): LocalDate {
  return milestone === 'weekly' ? addDays(date, 7) : addMonthsToMonthStart(date, MONTHS[milestone]);
}

/**
 * Builds `count` contiguous periods. Throws RangeError on an unusable spec (check it first with
 * `scheduleSpecProblem`); planners do, and return the problem as a result value.
 */
export function buildSchedule(spec: ScheduleSpec): Period[] {
  const problem = scheduleSpecProblem(spec);
  if (problem !== null) throw new RangeError(problem);
  const zone = spec.timeZone ?? 'UTC';
  const endStyle = spec.endStyle ?? 'inclusive';
  let date = alignStartDate(spec.milestone, parseLocalDate(spec.startDate) as LocalDate, spec.weekStart ?? 1);
  let startMs = startOfLocalDate(date, zone);
  const periods: Period[] = [];
  for (let i = 0; i < spec.count; i++) {
    date = nextPeriodDate(spec.milestone, date);
    const nextStart = startOfLocalDate(date, zone);
    periods.push({ startMs, endMs: endStyle === 'inclusive' ? nextStart - 1 : nextStart });
    startMs = nextStart;
  }
  return periods;
}

/**
 * The start date of fiscal year `year` (the fiscal year that begins in calendar year `year`),
 * given the month it starts in (1 = January): fiscalYearStartDate(2026, 4) → "2026-04-01".
 */
export function fiscalYearStartDate(year: number, fiscalYearStartMonth: number): string {
  if (!Number.isInteger(fiscalYearStartMonth) || fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
    throw new RangeError('fiscal year start month must be 1 to 12');
  }
  return `${String(year).padStart(4, '0')}-${String(fiscalYearStartMonth).padStart(2, '0')}-01`;
}

/**
 * The slice whose period contains `nowMs` (start ≤ now ≤ end). When two match — an exclusive end
 * equals the next start — the later one wins, since the instant belongs to the next period.
 */
export function periodContaining<T extends { startMs: number | null; endMs: number | null }>(
  slices: readonly T[],
  nowMs: number,
): T | null {
  let found: T | null = null;
  for (const s of slices) {
    if (s.startMs === null || s.endMs === null) continue;
    if (s.startMs <= nowMs && nowMs <= s.endMs && (found === null || (found.startMs as number) < s.startMs)) {
      found = s;
    }
  }
  return found;
}

// ---- The grid: questions the health rules and planners ask about existing periods. ----

/** The start of the grid period containing `ms`. */
export function gridPeriodStart(grid: PeriodGrid, ms: number): number {
  const d = toLocalDate(ms, grid.timeZone);
  let date: LocalDate;
  if (grid.milestone === 'weekly') {
    date = alignStartDate('weekly', d, grid.weekStart);
  } else {
    const step = MONTHS[grid.milestone];
    const offset = (((d.month - grid.anchorMonth) % step) + step) % step;
    date = addMonthsToMonthStart(d, -offset);
  }
  let start = startOfLocalDate(date, grid.timeZone);
  // Where midnight does not exist (a DST jump at 00:00), the zone's first instant of the day can lie
  // after `ms`; step back one period in that rare case.
  if (start > ms) start = startOfLocalDate(previousPeriodDate(grid.milestone, date), grid.timeZone);
  return start;
}

function previousPeriodDate(milestone: Milestone, date: LocalDate): LocalDate {
  return milestone === 'weekly' ? addDays(date, -7) : addMonthsToMonthStart(date, -MONTHS[milestone]);
}

/**
 * The grid period start nearest to `ms` (ties to the earlier). Snapping to the nearest boundary,
 * not to the period containing `ms`, keeps a start that is a few hours early (another zone's
 * midnight) in its intended period instead of moving it to the previous one.
 */
export function gridNearestStart(grid: PeriodGrid, ms: number): number {
  const before = gridPeriodStart(grid, ms);
  const after = gridNextStart(grid, before);
  return after - ms < ms - before ? after : before;
}

/** The start of the period after the grid period starting at `startMs`. */
export function gridNextStart(grid: PeriodGrid, startMs: number): number {
  const d = toLocalDate(startMs, grid.timeZone);
  return startOfLocalDate(nextPeriodDate(grid.milestone, d), grid.timeZone);
}

/** The grid period containing `ms`, with its end in the grid's end style. */
export function gridPeriodAt(grid: PeriodGrid, ms: number): Period {
  return gridPeriodFrom(grid, gridPeriodStart(grid, ms));
}

/** The grid period starting at a grid start, with its end in the grid's end style. */
export function gridPeriodFrom(grid: PeriodGrid, startMs: number): Period {
  const next = gridNextStart(grid, startMs);
  return { startMs, endMs: grid.endStyle === 'inclusive' ? next - 1 : next };
}

/** Every grid period whose start lies in [fromMs, untilMs], at most `limit` (null when more). */
export function gridPeriodsBetween(
  grid: PeriodGrid,
  fromMs: number,
  untilMs: number,
  limit: number,
): Period[] | null {
  const periods: Period[] = [];
  let start = gridPeriodStart(grid, fromMs);
  if (start < fromMs) start = gridNextStart(grid, start);
  while (start <= untilMs) {
    if (periods.length >= limit) return null;
    const next = gridNextStart(grid, start);
    periods.push({ startMs: start, endMs: grid.endStyle === 'inclusive' ? next - 1 : next });
    start = next;
  }
  return periods;
}
