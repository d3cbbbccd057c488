/** HubSpot datetimes: ISO strings or epoch-millisecond strings in, ISO `…Z` strings out. */

const EPOCH_MS_PATTERN = /^-?\d{1,16}$/;
const DATE_ONLY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
// An ISO instant with a time and an explicit offset or Z; bare local times are ambiguous and refused.
const ISO_INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Parses a HubSpot datetime value into epoch ms: an epoch-ms string ("1767225600000"), an ISO
 * instant ("2026-01-01T00:00:00.000Z", "2026-01-01T01:00:00+01:00"), or a date ("2026-01-01",
 * read as UTC midnight, which is how HubSpot stores date-only values). Returns null otherwise.
 */
export function parseInstant(raw: string | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  const s = raw.trim();
  if (s === '') return null;
  if (EPOCH_MS_PATTERN.test(s)) {
    const ms = Number(s);
    return Number.isSafeInteger(ms) && Math.abs(ms) <= 8.64e15 ? ms : null;
  }
  if (!DATE_ONLY_PATTERN.test(s) && !ISO_INSTANT_PATTERN.test(s)) return null;
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return null;
  // Date.parse rolls "2026-02-30" over to March; refuse dates that do not exist.
  const datePart = s.slice(0, 10);
  if (DATE_ONLY_PATTERN.test(s) || /Z$/i.test(s)) {
    if (new Date(ms).toISOString().slice(0, 10) !== datePart) return null;
  }
  return ms;
}

/** Formats epoch ms as HubSpot's ISO instant, always UTC with milliseconds: "2026-01-31T23:59:59.999Z". */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString();
}
