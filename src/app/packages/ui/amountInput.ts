/**
 * Amounts a person types, read in their locale: "1,000.50" in en-US and "1.000,50" in de-DE are both
 * 1000.50; what does not fit the locale is refused with the format it expects, never guessed.
 * The result is the wire format ("1000.50"), built from the digits typed (no float involved).
 */

export type AmountInput = { ok: true; value: string } | { ok: false; message: string };

interface Separators {
  group: string;
  decimal: string;
}

const cache = new Map<string, Separators>();

/** The locale's grouping and decimal separators, as Intl writes them. */
export function separatorsOf(locale: string): Separators {
  const known = cache.get(locale);
  if (known) return known;
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
  const found = {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
  cache.set(locale, found);
  return found;
}

/** The example shown when input is refused: "1,234.56" in en-US, "1.234,56" in de-DE. */
export function amountExample(locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    1234.56,
  );
}

const SPACES = /[\s\u00a0\u202f]/g;
const APOSTROPHES = /^['’]$/;
const HAS_SPACE = /[\s\u00a0\u202f]/;
const CURRENCY_BEFORE = /^(\p{Sc}|[A-Z]{3})\s*/u;
const CURRENCY_AFTER = /\s*(\p{Sc}|[A-Z]{3})$/u;
const isSpace = (s: string) => /^[\s\u00a0\u202f]$/.test(s);

/** Digits grouped as the locale groups them: "1,234,567" (en-US), "12,34,567" (en-IN). */
function groupedLike(digits: string, locale: string, group: string): string {
  return new Intl.NumberFormat(locale, { useGrouping: true })
    .formatToParts(BigInt(digits))
    .map((p) => (p.type === 'group' ? group : p.value))
    .join('');
}

/**
 * Reads a typed amount. Accepts the locale's decimal separator, its grouping (only where the locale
 * puts it), surrounding spaces, a currency symbol or code, and a leading minus when allowed.
 */
export function parseAmountInput(
  text: string,
  locale: string,
  options: { allowNegative?: boolean } = {},
): AmountInput {
  const { group, decimal } = separatorsOf(locale);
  const expected = `Use the format ${amountExample(locale)}.`;
  let rest = text.trim();
  if (rest === '') return { ok: false, message: 'Enter an amount.' };
  let negative = false;
  if (/^[-−]/.test(rest)) {
    negative = true;
    rest = rest.slice(1).trim();
  }
  // A currency symbol or code before or after the number is decoration.
  rest = rest.replace(CURRENCY_BEFORE, '').replace(CURRENCY_AFTER, '');
  // A space-like group separator (fr-FR, sv-SE) may be typed as any space.
  const groupChar = isSpace(group) ? ' ' : group;
  if (isSpace(group)) rest = rest.replace(SPACES, ' ');
  else if (HAS_SPACE.test(rest)) return { ok: false, message: expected };
  // Swiss grouping is an apostrophe; typed straight or curly, it is the same mark.
  if (APOSTROPHES.test(group)) rest = rest.replace(/['’]/g, group);
  const decimalAt = rest.lastIndexOf(decimal);
  const whole = decimalAt < 0 ? rest : rest.slice(0, decimalAt);
  const fraction = decimalAt < 0 ? '' : rest.slice(decimalAt + 1);
  if (!/^\d*$/.test(fraction) || (whole === '' && fraction === '')) return { ok: false, message: expected };
  if (fraction.length > 2) return { ok: false, message: 'Use at most two decimal places.' };
  const digits = whole.split(groupChar).join('');
  if (!/^\d+$/.test(digits === '' ? '0' : digits)) return { ok: false, message: expected };
  const wholeDigits = digits === '' ? '0' : digits;
  // Grouping, when typed, must be where the locale puts it (so "1.000,50" is not read as 1.00050 in en-US).
  if (whole.includes(groupChar) && whole !== groupedLike(wholeDigits, locale, groupChar)) {
    return { ok: false, message: expected };
  }
  if (wholeDigits.replace(/^0+(?=\d)/, '').length > 13)
    return { ok: false, message: 'That amount is too large.' };
  const cents = BigInt(wholeDigits) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (negative && cents !== 0n && !options.allowNegative) {
    return { ok: false, message: 'The amount must not be negative.' };
  }
  const sign = negative && cents !== 0n ? '-' : '';
  return { ok: true, value: `${sign}${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}` };
}
