/**
 * Exact money as integer minor units ("cents") in a plain `number`.
 *
 * Why `number` and not `bigint`: every amount the contract accepts has at most 13 integer digits and
 * 2 fraction digits, i.e. at most 999,999,999,999,999 cents, which is below Number.MAX_SAFE_INTEGER
 * (9,007,199,254,740,991). Plain numbers are JSON-safe and fast; every function here checks
 * `Number.isSafeInteger` so that an overflow is reported, never rounded silently. Scaling (the only
 * multiplication) is done in BigInt.
 */
export type Cents = number;

const MONEY_PATTERN = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/**
 * Parses a HubSpot money string ("5000", "5000.5", "5000.00", "-12.30") into cents.
 * More than two fraction digits are accepted only when the extra digits are zeros ("5000.000"),
 * because anything else cannot be represented exactly. Returns null for anything else.
 */
export function parseMoney(raw: string | null | undefined): Cents | null {
  if (raw === null || raw === undefined) return null;
  const match = MONEY_PATTERN.exec(raw.trim());
  if (!match) return null;
  const sign = match[1] === '-' ? -1 : 1;
  const whole = match[2] ?? '';
  const fraction = match[3] ?? '';
  if (fraction.length > 2 && !/^0*$/.test(fraction.slice(2))) return null;
  const cents = Number(whole) * 100 + Number(`${fraction}00`.slice(0, 2));
  if (!Number.isSafeInteger(cents)) return null;
  return cents === 0 ? 0 : sign * cents;
}

/** Formats cents as HubSpot's decimal string with exactly two fraction digits: 500000 → "5000.00". */
export function formatMoney(cents: Cents): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not an exact amount of cents: ${cents}`);
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const fraction = abs % 100;
  return `${negative ? '-' : ''}${whole}.${fraction < 10 ? '0' : ''}${fraction}`;
}

const FACTOR_PATTERN = /^(\d+)(?:\.(\d+))?$/;

/**
 * Multiplies an amount by a non-negative decimal factor given as a string ("1.10" = +10%), rounding
 * half away from zero to the cent. Returns null when the factor is not a plain decimal or the result
 * would not be a safe integer.
 */
export function scaleMoney(cents: Cents, factor: string): Cents | null {
  const match = FACTOR_PATTERN.exec(factor.trim());
  if (!match || !Number.isSafeInteger(cents)) return null;
  const fractionDigits = match[2] ?? '';
  const numerator = BigInt((match[1] ?? '0') + fractionDigits);
  const denominator = 10n ** BigInt(fractionDigits.length);
  const product = BigInt(cents) * numerator;
  const negative = product < 0n;
  const abs = negative ? -product : product;
  // Half-up: add half the denominator before the integer division.
  const rounded = (abs * 2n + denominator) / (denominator * 2n);
  const result = Number(negative ? -rounded : rounded);
  return Number.isSafeInteger(result) ? result : null;
}

/** Sums cents; returns null when the sum is not a safe integer (never rounds silently). */
export function sumCents(values: readonly Cents[]): Cents | null {
  let total = 0;
  for (const v of values) total += v;
  return Number.isSafeInteger(total) ? total : null;
}
