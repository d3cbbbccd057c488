/**
 * Period labels and calendar dates for display, computed with Intl in the family's own time zone
 * (no date library in the bundle; the server owns the period arithmetic).
 */
import { asMilestone } from '@goal-families/domain';

/** The period kind of a stored `hs_milestone` ("annually" → "annual"); null for a value HubSpot does not have. */
export const periodKindOf = (milestone: string) => asMilestone(milestone);

function parts(iso: string, timeZone: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
  return Object.fromEntries(formatter.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
}

/** The calendar date of an instant in a time zone, as YYYY-MM-DD. */
export function isoDateIn(iso: string, timeZone: string): string {
  const p = parts(iso, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return `${p.year}-${p.month}-${p.day}`;
}

/** A short label of the period starting at `startIso`: "Mar 2026", "Q1 2026", "FY 2026", "Mar 2". */
export function periodLabel(
  startIso: string | null,
  milestone: string,
  timeZone: string,
  endIso?: string | null,
): string {
  if (startIso === null) return 'No period';
  // "annually" and "annual" are one period kind (HubSpot stores the former).
  const kind = asMilestone(milestone);
  if (kind === 'annual') {
    return `FY ${parts(startIso, timeZone, { year: 'numeric' }).year}`;
  }
  if (kind === 'quarterly') {
    const start = parts(startIso, timeZone, { month: 'short', year: 'numeric' });
    if (!endIso) return `${start.month} ${start.year} quarter`;
    // The period's last millisecond: an exclusive end is the next period's first.
    const last = new Date(Date.parse(endIso) - 1).toISOString();
    const end = parts(last, timeZone, { month: 'short', year: 'numeric' });
    return `${start.month}–${end.month} ${end.year}`;
  }
  if (kind === 'weekly') {
    const p = parts(startIso, timeZone, { month: 'short', day: 'numeric', year: 'numeric' });
    return `${p.month} ${p.day}, ${p.year}`;
  }
  const p = parts(startIso, timeZone, { month: 'short', year: 'numeric' });
  return `${p.month} ${p.year}`;
}

/** The period containing `now` is current; used to pick defaults (for example "re-spread from"). */
export function containsInstant(startIso: string | null, endIso: string | null, now: Date): boolean {
  if (startIso === null || endIso === null) return false;
  const t = now.getTime();
  return Date.parse(startIso) <= t && t <= Date.parse(endIso);
}

/**
 * The calendar date to send as a re-spread's `from` for a slice. The server reads it in the family's
 * time zone, which the card does not know; the UTC date of one day before the slice's start lands
 * after the previous period's start and at or before this one's in every zone (offsets are within
 * ±14 h and periods are at least a week), so exactly this slice and later ones are re-spread.
 */
export function respreadFromDate(sliceStart: string): string {
  const dayBefore = new Date(Date.parse(sliceStart) - 24 * 60 * 60 * 1000);
  return dayBefore.toISOString().slice(0, 10);
}
