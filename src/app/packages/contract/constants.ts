/**
 * Plain values of the contract, in a module without zod: UI bundles import these at runtime and must
 * not carry the schemas along (a bundler drops the unused schema modules).
 */
import type { SettingsDto } from './dto';

/** What the app does before anyone saved settings. */
export const DEFAULT_SETTINGS: SettingsDto = {
  editors: { superAdmins: true, userIds: [], teamIds: [] },
  defaults: { timeZone: 'UTC', fiscalYearStartMonth: 1, currency: 'USD' },
  card: { showYearAtAGlance: true, showHealth: true, maxFamilies: 10 },
};

/**
 * The largest family (in slices) that one invocation may create or change family-wide.
 *
 * Why 1,200: an apply is sequential calls; for rename/archive it makes 4 + ⌈n/200⌉ + 3⌈n/100⌉ calls
 * (docs/benchmarks.md, "How far one invocation goes"), so at the benchmark's 100 ms per call 1,300
 * slices fit in 5 s and 2,700 in 10 s. A failed apply must still have time to roll back (up to as
 * many calls again), and HubSpot's latency per batch call can exceed 100 ms, so the limit takes the
 * 5 s column — half of the 10 s an invocation has — rounded down to whole families of 100 assignees
 * × 12 months: the benchmark's "Rename, 100 × 12 slices" apply measured 5.4 s at this size.
 * Larger families must be split (e.g. one family per team or per year).
 */
export const MAX_SLICES_PER_INVOCATION = 1_200;
