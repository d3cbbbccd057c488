import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  centsOf,
  compareCents,
  formatMoney,
  MAX_SLICE_CENTS,
  parseMoney,
  scaleMoney,
  sumCents,
} from './money';

describe('parseMoney', () => {
  it.each([
    ['5000.00', 500000n],
    ['5000', 500000n],
    ['5000.5', 500050n],
    ['  12.34 ', 1234n],
    ['-12.30', -1230n],
    ['+7.01', 701n],
    ['0.00', 0n],
    ['-0', 0n],
    ['5000.000', 500000n],
    ['5000.', 500000n],
    ['9999999999999.99', 999999999999999n],
    // Past 2^53 cents: exact all the same (HubSpot documents no limit for number properties).
    ['99999999999999999999', 9999999999999999999900n],
    ['119999999999999.88', 11999999999999988n],
  ])('%j → %d cents', (raw, cents) => expect(parseMoney(raw)).toBe(cents));

  it.each([[null], [undefined], [''], ['abc'], ['1,000.00'], ['5000.005'], ['1e5'], ['NaN'], ['.5']])(
    '%j → null',
    (raw) => expect(parseMoney(raw)).toBeNull(),
  );
});

describe('formatMoney', () => {
  it.each([
    [500000n, '5000.00'],
    [5n, '0.05'],
    [-1230n, '-12.30'],
    [-5n, '-0.05'],
    [0n, '0.00'],
    [999999999999999n, '9999999999999.99'],
    [11999999999999988n, '119999999999999.88'],
  ])('%d → %s', (cents, s) => expect(formatMoney(cents)).toBe(s));

  it('round-trips every amount, far past 2^53 cents (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), (c) => {
        expect(parseMoney(formatMoney(c))).toBe(c);
      }),
    );
  });
});

describe('centsOf', () => {
  it('takes whole numbers of cents and refuses fractions', () => {
    expect(centsOf(1200)).toBe(1200n);
    expect(centsOf(7n)).toBe(7n);
    expect(() => centsOf(0.5)).toThrow(RangeError);
    expect(() => centsOf(2 ** 60)).toThrow(RangeError);
  });
});

describe('scaleMoney', () => {
  it.each([
    [100000n, '1.10', 110000n],
    [333n, '1.5', 500n], // 499.5 → 500 (half-up)
    [1n, '0.5', 1n], // 0.5 → 1
    [1n, '0.4999', 0n],
    [-333n, '1.5', -500n], // half away from zero
    [123456n, '1', 123456n],
    [123456n, '0', 0n],
    [999n, '2.0000', 1998n],
    [999999999999999n, '100', 99999999999999900n],
  ])('%d × %s → %d', (cents, factor, out) => expect(scaleMoney(cents, factor)).toBe(out));

  it.each([['-1'], ['abc'], ['1e2'], ['']])('refuses factor %j', (f) =>
    expect(scaleMoney(100n, f)).toBeNull(),
  );

  it('matches exact rational rounding', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: MAX_SLICE_CENTS }),
        fc.integer({ min: 0, max: 99999 }),
        (c, f) => {
          const factor = `${Math.floor(f / 10000)}.${String(f % 10000).padStart(4, '0')}`;
          const exact = c * BigInt(f); // in 1/10000 cents
          expect(scaleMoney(c, factor)).toBe((exact + 5000n) / 10000n);
        },
      ),
    );
  });
});

describe('sumCents and compareCents', () => {
  it('sums exactly at any size, unreadable amounts as zero', () => {
    expect(sumCents([1n, 2n, 3n])).toBe(6n);
    expect(sumCents([])).toBe(0n);
    expect(sumCents([BigInt(Number.MAX_SAFE_INTEGER), 1n, null])).toBe(9007199254740992n);
    expect(sumCents(Array(12).fill(999999999999999n))).toBe(11999999999999988n);
  });

  it('orders amounts', () => {
    expect([3n, -1n, 2n].sort(compareCents)).toEqual([-1n, 2n, 3n]);
  });
});
