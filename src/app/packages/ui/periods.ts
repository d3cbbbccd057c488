/**
 * Period labels and calendar dates for display, computed with Intl in the goal's time zone and the
 * viewer's locale (no date library in the bundle; the server owns the period arithmetic). One label
 * style everywhere: "Jan 2026", "Q1 2026", "FY2026", "Week of Jan 5, 2026" (docs/ui-words.md).
 */
import { asMilestone } from '@goal-families/domain';

/** The period kind of a stored `hs_milestone` ("annually" → "annual"); null for a value HubSpot does not have. */
export const periodKindOf = (milestone: string) => asMilestone(milestone);

export interface PeriodLabelOptions {
  timeZone: string;
  locale: string;
  /** 1 = January: quarters and fiscal years count from this month. */
  fiscalYearStartMonth: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function numericParts(ms: number, timeZone: string): { year: number; month: number; day: number } {
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  const parts = Object.fromEntries(formatter.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

/** The calendar date of an instant in a time zone, as YYYY-MM-DD. */
export function isoDateIn(iso: string, timeZone: string): string {
  const p = numericParts(Date.parse(iso), timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** "Jan" for month 1 in the locale (a fixed mid-month UTC instant, so no zone can shift it). */
function monthName(month: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(
    Date.UTC(2001, month - 1, 15),
  );
}

/** The twelve months as select options ("January" … in the locale), valued 1–12. */
export function monthOptions(locale: string): { label: string; value: string }[] {
  const long = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => ({
    label: long.format(Date.UTC(2001, i, 15)),
    value: String(i + 1),
  }));
}

/** "Jan 2026" in the locale. */
function monthYear(month: number, year: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1, 15),
  );
}

/** Month arithmetic on (year, month) pairs. */
function addMonths(year: number, month: number, n: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + n;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The fiscal year a month belongs to, named by the calendar year it starts in. */
function fiscalYearOf(year: number, month: number, fiscalStart: number): number {
  return month >= fiscalStart ? year : year - 1;
}

/**
 * The last instant to show for a period's end: ends are stored either as the period's last
 * millisecond or as the next period's first one; one millisecond earlier is inside the period in both.
 */
const shownEnd = (endIso: string): number => Date.parse(endIso) - 1;

/** A short label of one period: "Mar 2026", "Q1 2026", "FY2026", "Week of Mar 2, 2026". */
export function periodLabel(
  period: { start: string | null; end?: string | null },
  milestone: string,
  options: PeriodLabelOptions,
): string {
  const { timeZone, locale } = options;
  if (period.start === null) return 'No period';
  const startMs = Date.parse(period.start);
  const start = numericParts(startMs, timeZone);
  const fiscalStart = options.fiscalYearStartMonth;
  switch (milestone) {
    case 'monthly':
      return monthYear(start.month, start.year, locale);
    case 'quarterly': {
      const offset = (start.month - fiscalStart + 12) % 12;
      if (offset % 3 === 0) {
        return `Q${offset / 3 + 1} ${fiscalYearOf(start.year, start.month, fiscalStart)}`;
      }
      const last = addMonths(start.year, start.month, 2);
      return `${monthName(start.month, locale)}–${monthYear(last.month, last.year, locale)}`;
    }
    case 'annual':
    case 'annually':
    case 'yearly': {
      if (start.month === fiscalStart) return `FY${start.year}`;
      const last = addMonths(start.year, start.month, 11);
      return `${monthYear(start.month, start.year, locale)} – ${monthYear(last.month, last.year, locale)}`;
    }
    case 'weekly':
      return `Week of ${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(startMs)}`;
    default: {
      const from = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(startMs);
      if (!period.end) return from;
      const to = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(
        shownEnd(period.end),
      );
      return from === to ? from : `${from} – ${to}`;
    }
  }
}

/** The months a run of periods covers: "Jan 2026 – Dec 2026", or one month once. */
export function monthSpan(
  startIso: string | null,
  endIso: string | null,
  options: Pick<PeriodLabelOptions, 'timeZone' | 'locale'>,
): string {
  if (startIso === null) return 'No periods';
  const start = numericParts(Date.parse(startIso), options.timeZone);
  const from = monthYear(start.month, start.year, options.locale);
  if (endIso === null) return from;
  const end = numericParts(shownEnd(endIso), options.timeZone);
  const to = monthYear(end.month, end.year, options.locale);
  return from === to ? from : `${from} – ${to}`;
}

/** "Jan 5, 2026" in the locale and zone. */
export function dateLabel(iso: string, options: Pick<PeriodLabelOptions, 'timeZone' | 'locale'>): string {
  return new Intl.DateTimeFormat(options.locale, { dateStyle: 'medium', timeZone: options.timeZone }).format(
    Date.parse(iso),
  );
}

/** "Jan 5, 2026, 3:04 PM" in the locale and zone. */
export function dateTimeLabel(iso: string, options: Pick<PeriodLabelOptions, 'timeZone' | 'locale'>): string {
  return new Intl.DateTimeFormat(options.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: options.timeZone,
  }).format(Date.parse(iso));
}

/** The period containing `now` is current; used to pick defaults (for example "re-spread from"). */
export function containsInstant(startIso: string | null, endIso: string | null, now: Date): boolean {
  if (startIso === null || endIso === null) return false;
  const t = now.getTime();
  return Date.parse(startIso) <= t && t <= Date.parse(endIso);
}

/** Whether a period starts after `now`: the goal has not started yet. */
export function startsAfter(startIso: string | null, now: Date): boolean {
  return startIso !== null && Date.parse(startIso) > now.getTime();
}

/**
 * The calendar date to send as a re-spread's `from` for a slice. The server reads it in the family's
 * time zone, which the card does not know; the UTC date of one day before the slice's start lands
 * after the previous period's start and at or before this one's in every zone (offsets are within
 * ±14 h and periods are at least a week), so exactly this slice and later ones are re-spread.
 */
export function respreadFromDate(sliceStart: string): string {
  const dayBefore = new Date(Date.parse(sliceStart) - DAY_MS);
  return dayBefore.toISOString().slice(0, 10);
}
