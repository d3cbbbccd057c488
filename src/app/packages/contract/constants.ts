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
 * Why 1,200: an apply is sequential calls. An archive makes 5 + ⌈n/200⌉ + 3⌈n/100⌉ of them (it reads
 * every archived slice back by id), a rename 5 + ⌈n/200⌉ + 2⌈n/100⌉ (its batch answers prove the
 * writes; docs/benchmarks.md, "How far one invocation goes"). At the benchmark's 100 ms per call an
 * archive of 1,200 slices fits in 5 s and of 2,700 in 10 s (a rename: 1,800 and 3,800). A failed apply
 * must still have time to roll back (up to as many calls again: writes must end by half the
 * invocation's time, see src/use-cases/safe-write/deadlines.ts), and HubSpot's latency per batch call
 * can exceed 100 ms, so the limit takes the archive's 5 s column, whole families of 100 assignees × 12
 * months: the benchmark's "Rename, 100 × 12 slices" apply measured 5.4 s at this size while it still
 * read every slice back.
 * Larger families must be split (e.g. one family per team or per year).
 */
export const MAX_SLICES_PER_INVOCATION = 1_200;
