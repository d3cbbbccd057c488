/**
 * Exact money as integer minor units ("cents") in a `bigint`, shared by the functions and the UI.
 *
 * Why `bigint`: one amount the contract accepts fits a safe `number` (at most 13 + 2 digits), but
 * totals do not — 12 slices of 9,999,999,999,999.99 are past 2^53 cents — and amounts read from
 * HubSpot have no documented limit. Every operation here is exact at any size; nothing rounds
 * except `scaleMoney`, which says how. Amounts cross JSON as decimal strings (`formatMoney`).
 */
export type Cents = bigint;

const MONEY_PATTERN = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/**
 * Parses a decimal money string ("5000", "5000.5", "5000.00", "-12.30", any number of digits) into
 * cents. More than two fraction digits are accepted only when the extra digits are zeros
 * ("5000.000"), because anything else cannot be represented exactly. Returns null for anything else.
 */
export function parseMoney(raw: string | null | undefined): Cents | null {
  if (raw === null || raw === undefined) return null;
  const match = MONEY_PATTERN.exec(raw.trim());
  if (!match) return null;
  const whole = match[2] ?? '';
  const fraction = match[3] ?? '';
  if (fraction.length > 2 && !/^0*$/.test(fraction.slice(2))) return null;
  const hundredths = `${fraction}00`.slice(0, 2);
  // Up to 13 integer digits the cents are below 2^53, exact as a number: one BigInt instead of three
  // (parsing 100,000 targets is a hot path). Longer amounts go through BigInt all the way.
  const cents =
    whole.length <= 13
      ? BigInt(Number(whole) * 100 + Number(hundredths))
      : BigInt(whole) * 100n + BigInt(hundredths);
  return match[1] === '-' ? -cents : cents;
}

/** Formats cents as the wire's decimal string with exactly two fraction digits: 500000n → "5000.00". */
export function formatMoney(cents: Cents): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${abs / 100n}.${fraction}`;
}

/** Cents from a whole number of cents given as a `number` (test data, weights); throws on a fraction. */
export function centsOf(value: number | bigint): Cents {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value)) throw new RangeError(`not an exact number of cents: ${value}`);
  return BigInt(value);
}

const FACTOR_PATTERN = /^(\d+)(?:\.(\d+))?$/;

/**
 * Multiplies an amount by a non-negative decimal factor given as a string ("1.10" = +10%), rounding
 * half away from zero to the cent. Returns null when the factor is not a plain decimal.
 */
export function scaleMoney(cents: Cents, factor: string): Cents | null {
  const match = FACTOR_PATTERN.exec(factor.trim());
  if (!match) return null;
  const fractionDigits = match[2] ?? '';
  const numerator = BigInt((match[1] ?? '0') + fractionDigits);
  const denominator = 10n ** BigInt(fractionDigits.length);
  const product = cents * numerator;
  const negative = product < 0n;
  const abs = negative ? -product : product;
  // Half-up: add half the denominator before the integer division.
  const rounded = (abs * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}

/** The exact sum of amounts; null entries (unreadable amounts) count as zero. */
export function sumCents(values: Iterable<Cents | null>): Cents {
  let total = 0n;
  for (const v of values) if (v !== null) total += v;
  return total;
}

/**
 * The largest amount the app writes to one slice: 13 integer and 2 fraction digits, as the contract
 * accepts in its inputs. What HubSpot already holds may be larger and is read exactly all the same.
 */
export const MAX_SLICE_CENTS: Cents = 999_999_999_999_999n;

/** Compares two amounts for sorting: negative, zero or positive. */
export const compareCents = (a: Cents, b: Cents): number => (a < b ? -1 : a > b ? 1 : 0);
