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
  const fast = parseCanonicalUtc(s);
  if (fast !== undefined) return fast;
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

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Digits at s[from, from+n) as a number, or -1 when any is not a digit. */
function digits(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Fast path for what HubSpot nearly always sends ("2026-01-31T23:59:59.999Z" or without
 * milliseconds): plain arithmetic, about ten times faster than Date.parse with its round-trip check,
 * which matters when parsing 100,000 targets.
 * undefined = not this shape (use the general path); null = this shape but not a real instant.
 */
function parseCanonicalUtc(s: string): number | null | undefined {
  const len = s.length;
  if ((len !== 24 && len !== 20) || s[len - 1] !== 'Z' || s[4] !== '-' || s[7] !== '-' || s[10] !== 'T')
    return undefined;
  if (s[13] !== ':' || s[16] !== ':' || (len === 24 && s[19] !== '.')) return undefined;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  const ms = len === 24 ? digits(s, 20, 3) : 0;
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || ms < 0) return undefined;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const monthDays = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (day > monthDays) return null;
  return daysFromCivil(year, month, day) * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}

/** Formats epoch ms as HubSpot's ISO instant, always UTC with milliseconds: "2026-01-31T23:59:59.999Z". */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString();
}
