import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);

export type Milestone = 'monthly' | 'quarterly' | 'annual';

/** How HubSpot stores each of these in `hs_milestone` (its option values). */
export const HUBSPOT_MILESTONE: Record<Milestone, string> = {
  monthly: 'monthly',
  quarterly: 'quarterly',
  annual: 'annually',
};

export interface Period {
  /** First millisecond of the period, ISO 8601 UTC. */
  start: string;
  /** Last millisecond of the period (`...T23:59:59.999Z`). */
  end: string;
}

const STEP: Record<Milestone, { months: number; count: number }> = {
  monthly: { months: 1, count: 12 },
  quarterly: { months: 3, count: 4 },
  annual: { months: 12, count: 1 },
};

/** The periods of a fiscal year that starts in January (UTC), computed, never typed in. */
export function periodsOfYear(year: number, milestone: Milestone): Period[] {
  const { months, count } = STEP[milestone];
  const yearStart = dayjs.utc(`${year}-01-01T00:00:00.000Z`);
  return Array.from({ length: count }, (_, index) => {
    const start = yearStart.add(index * months, 'month');
    const end = start.add(months, 'month').subtract(1, 'millisecond');
    return { start: start.toISOString(), end: end.toISOString() };
  });
}

export function sliceCount(milestone: Milestone): number {
  return STEP[milestone].count;
}
