import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDecimals, formatStoredDatetime, parseDatetimeMs } from './values.js';

/** Reference: scale both decimals to integers with BigInt. */
function reference(a: string, b: string): number {
  const scale = (value: string) => {
    const [int = '0', frac = ''] = value.split('.');
    return BigInt(int.replace('-', '') + frac.padEnd(12, '0')) * (value.startsWith('-') ? -1n : 1n);
  };
  const difference = scale(a) - scale(b);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

const decimal = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.option(fc.stringMatching(/^\d{1,6}$/)))
  .map(([negative, int, frac]) => `${negative ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}`);

describe('compareDecimals', () => {
  it('orders decimal strings exactly like integer arithmetic', () => {
    fc.assert(fc.property(decimal, decimal, (a, b) => compareDecimals(a, b) === reference(a, b)));
  });

  it.each([
    ['100', '100.00', 0],
    ['-0', '0.0', 0],
    ['99.99', '100', -1],
    ['-1.5', '-1.25', -1],
    ['007', '7', 0],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(compareDecimals(a, b)).toBe(expected);
  });
});

describe('datetimes', () => {
  it('accepts epoch milliseconds and ISO 8601 and returns ISO with milliseconds', () => {
    expect(formatStoredDatetime(parseDatetimeMs('1767225600000') ?? 0)).toBe('2026-01-01T00:00:00.000Z');
    expect(formatStoredDatetime(parseDatetimeMs('2026-01-01T00:00:00Z') ?? 0)).toBe(
      '2026-01-01T00:00:00.000Z',
    );
    expect(formatStoredDatetime(parseDatetimeMs('2026-01-31T23:59:59.999Z') ?? 0)).toBe(
      '2026-01-31T23:59:59.999Z',
    );
    expect(parseDatetimeMs('tomorrow')).toBeUndefined();
  });

  it('round-trips any instant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        (ms) => parseDatetimeMs(formatStoredDatetime(ms)) === ms,
      ),
    );
  });
});
