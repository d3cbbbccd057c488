import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, parseMoney, scaleMoney, sumCents } from './money';

describe('parseMoney', () => {
  it.each([
    ['5000.00', 500000],
    ['5000', 500000],
    ['5000.5', 500050],
    ['  12.34 ', 1234],
    ['-12.30', -1230],
    ['+7.01', 701],
    ['0.00', 0],
    ['-0', 0],
    ['5000.000', 500000],
    ['5000.', 500000],
    ['9999999999999.99', 999999999999999],
  ])('%j → %d cents', (raw, cents) => expect(parseMoney(raw)).toBe(cents));

  it.each([
    [null],
    [undefined],
    [''],
    ['abc'],
    ['1,000.00'],
    ['5000.005'],
    ['1e5'],
    ['NaN'],
    ['99999999999999999999'],
    ['.5'],
  ])('%j → null', (raw) => expect(parseMoney(raw)).toBeNull());
});

describe('formatMoney', () => {
  it.each([
    [500000, '5000.00'],
    [5, '0.05'],
    [-1230, '-12.30'],
    [0, '0.00'],
    [999999999999999, '9999999999999.99'],
  ])('%d → %s', (cents, s) => expect(formatMoney(cents)).toBe(s));

  it('refuses non-integers', () => {
    expect(() => formatMoney(0.5)).toThrow(RangeError);
  });

  it('round-trips every safe amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -999999999999999, max: 999999999999999 }), (c) => {
        expect(parseMoney(formatMoney(c))).toBe(c);
      }),
    );
  });
});

describe('scaleMoney', () => {
  it.each([
    [100000, '1.10', 110000],
    [333, '1.5', 500], // 499.5 → 500 (half-up)
    [1, '0.5', 1], // 0.5 → 1
    [1, '0.4999', 0],
    [-333, '1.5', -500], // half away from zero
    [123456, '1', 123456],
    [123456, '0', 0],
    [999, '2.0000', 1998],
  ])('%d × %s → %d', (cents, factor, out) => expect(scaleMoney(cents, factor)).toBe(out));

  it.each([['-1'], ['abc'], ['1e2'], ['']])('refuses factor %j', (f) =>
    expect(scaleMoney(100, f)).toBeNull(),
  );

  it('refuses results beyond safe integers', () => {
    expect(scaleMoney(999999999999999, '100')).toBeNull();
    expect(scaleMoney(0.5, '1')).toBeNull();
  });

  it('matches exact rational rounding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 99999 }), (c, f) => {
        const factor = `${Math.floor(f / 10000)}.${String(f % 10000).padStart(4, '0')}`;
        const exact = BigInt(c) * BigInt(f); // in 1/10000 cents
        const expected = Number((exact + 5000n) / 10000n);
        expect(scaleMoney(c, factor)).toBe(expected);
      }),
    );
  });
});

describe('sumCents', () => {
  it('sums exactly and reports overflow', () => {
    expect(sumCents([1, 2, 3])).toBe(6);
    expect(sumCents([])).toBe(0);
    expect(sumCents([Number.MAX_SAFE_INTEGER, 1])).toBeNull();
  });
});
