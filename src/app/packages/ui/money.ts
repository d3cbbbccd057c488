/**
 * Exact money for the UI. Amounts travel as decimal strings ("5000.00"); the wire format and its
 * arithmetic are the domain's (`@goal-families/domain`: integer cents in `bigint`, exact at any
 * size). This file adds only display formatting with Intl and reading what a person typed.
 */
import { formatMoney as formatWireMoney, MAX_SLICE_CENTS, parseMoney, sumCents } from '@goal-families/domain';

/** The wire's shape: no sign but "-", no spaces, at most two fraction digits (any number of digits). */
const WIRE_MONEY = /^-?\d+(?:\.\d{1,2})?$/;

/** "5000.5" → 500050n; null when the string is not an exact wire amount. */
export function toCents(value: string): bigint | null {
  return WIRE_MONEY.test(value) ? parseMoney(value) : null;
}

/** 500050n → "5000.50" (the wire format). */
export const fromCents = (cents: bigint): string => formatWireMoney(cents);

/** Exact sum of decimal strings; unreadable values count as zero (callers show them separately). */
export function sumMoney(values: readonly (string | null)[]): string {
  return fromCents(sumCents(values.map((value) => (value === null ? null : toCents(value)))));
}

/** Exact difference `a - b`, or null when either is unreadable. */
export function subtractMoney(a: string, b: string): string | null {
  const left = toCents(a);
  const right = toCents(b);
  return left === null || right === null ? null : fromCents(left - right);
}

export function sameMoney(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const left = toCents(a);
  const right = toCents(b);
  return left !== null && left === right;
}

/**
 * Formats an exact amount as currency ("$5,000.50"). The integer part goes through
 * Intl as a bigint (exact for any size), the cents are spliced in by hand, so no float is involved.
 */
export function formatMoney(value: string | null, currency: string, locale = 'en-US'): string {
  if (value === null) return '—';
  const cents = toCents(value);
  if (cents === null) return value;
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const fraction = (abs % 100n).toString().padStart(2, '0');
  const text = formatter
    .formatToParts(abs / 100n)
    .map((part) => (part.type === 'fraction' ? fraction : part.value))
    .join('');
  return negative ? `-${text}` : text;
}

/**
 * Formats an exact amount as a plain number ("1,234", "12.5"): no currency symbol, no ".00" when the
 * fraction is zero. Same bigint-and-splice technique as `formatMoney`, so no float is involved.
 */
export function formatCount(value: string | null, locale = 'en-US'): string {
  if (value === null) return '—';
  const cents = toCents(value);
  if (cents === null) return value;
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const fraction = (abs % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  const formatter = new Intl.NumberFormat(locale, {
    minimumFractionDigits: fraction.length,
    maximumFractionDigits: fraction.length,
  });
  const text = formatter
    .formatToParts(abs / 100n)
    .map((part) => (part.type === 'fraction' ? fraction : part.value))
    .join('');
  return negative ? `-${text}` : text;
}

/** Progress for display only (a float is fine here): value / target in percent, or null without a target. */
export function percentOf(value: string | null, target: string | null): number | null {
  if (value === null || target === null) return null;
  const v = toCents(value);
  const t = toCents(target);
  if (v === null || t === null || t <= 0n) return null;
  // Basis points in bigint first, so the only float step is the final division for display.
  return Number((v * 10_000n) / t) / 100;
}

export type MoneyInput = { ok: true; value: string } | { ok: false; message: string };

/**
 * Reads an amount a person typed ("5,000.5", " 1200 ") into the wire format ("5000.50").
 * Grouping commas, spaces and a leading "$" are accepted; anything else is refused with a reason.
 */
export function parseMoneyInput(text: string, options: { allowNegative?: boolean } = {}): MoneyInput {
  const cleaned = text.trim().replace(/^\$/, '').replace(/[,\s]/g, '');
  if (cleaned === '') return { ok: false, message: 'Enter an amount.' };
  if (/^-?\d+\.\d{3,}$/.test(cleaned)) return { ok: false, message: 'Use at most two decimal places.' };
  const cents = toCents(cleaned);
  if (cents === null || cents > MAX_SLICE_CENTS || -cents > MAX_SLICE_CENTS)
    return { ok: false, message: `"${text.trim()}" is not an amount such as 5000.00.` };
  if (cents < 0n && !options.allowNegative) return { ok: false, message: 'The amount must not be negative.' };
  return { ok: true, value: fromCents(cents) };
}
