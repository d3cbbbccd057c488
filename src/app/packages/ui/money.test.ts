import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatMoney,
  fromCents,
  parseMoneyInput,
  percentOf,
  sameMoney,
  subtractMoney,
  sumMoney,
  toCents,
} from './money';

describe('toCents / fromCents', () => {
  it.each([
    ['0', 0n],
    ['5000', 500000n],
    ['5000.5', 500050n],
    ['5000.05', 500005n],
    ['-0.01', -1n],
    ['9999999999999.99', 999999999999999n],
    ['1.234', null],
    ['1e3', null],
    ['', null],
    [' 1', null],
  ])('%j → %s', (text, cents) => {
    expect(toCents(text)).toBe(cents);
  });

  it('round-trips every cent amount exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -999999999999999n, max: 999999999999999n }), (cents) => {
        expect(toCents(fromCents(cents))).toBe(cents);
      }),
    );
  });
});

describe('sumMoney / subtractMoney / sameMoney', () => {
  it('adds 0.10 ten times to exactly 1.00 (where floats give 0.9999999999999999)', () => {
    expect(sumMoney(Array(10).fill('0.10'))).toBe('1.00');
  });
  it('ignores nulls and unreadable values', () => {
    expect(sumMoney(['1.50', null, 'abc', '2'])).toBe('3.50');
  });
  it.each([
    ['100.00', '0.01', '99.99'],
    ['0', '0.01', '-0.01'],
    ['x', '1', null],
  ])('%s - %s = %s', (a, b, diff) => {
    expect(subtractMoney(a, b)).toBe(diff);
  });
  it('is commutative and exact for any amounts', () => {
    const amount = fc.bigInt({ min: 0n, max: 99999999999n }).map(fromCents);
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 30 }), (values) => {
        expect(sumMoney(values)).toBe(sumMoney([...values].reverse()));
        const total = sumMoney(values);
        expect(subtractMoney(total, total)).toBe('0.00');
      }),
    );
  });
  it.each([
    ['5000', '5000.00', true],
    ['5000.1', '5000.10', true],
    [null, null, true],
    ['1', null, false],
    ['1.00', '1.01', false],
  ])('sameMoney(%j, %j) = %s', (a, b, same) => {
    expect(sameMoney(a, b)).toBe(same);
  });
});

describe('formatMoney', () => {
  it.each([
    ['5000.5', 'USD', '$5,000.50'],
    ['0.1', 'USD', '$0.10'],
    ['-0.50', 'USD', '-$0.50'],
    ['1234567890123.45', 'USD', '$1,234,567,890,123.45'],
    ['9999999999999.99', 'EUR', '€9,999,999,999,999.99'],
    ['12', 'JPY', '¥12.00'],
    [null, 'USD', '—'],
    ['n/a', 'USD', 'n/a'],
  ])('%j %s → %s', (value, currency, text) => {
    expect(formatMoney(value, currency)).toBe(text);
  });
  it('uses the locale for separators', () => {
    expect(formatMoney('1234.56', 'EUR', 'de-DE')).toBe('1.234,56\u00a0€');
  });
});

describe('formatCount', () => {
  it.each([
    ['17.00', '17'],
    ['17', '17'],
    ['12.50', '12.5'],
    ['12.05', '12.05'],
    ['0', '0'],
    ['-3.10', '-3.1'],
    ['1234567.00', '1,234,567'],
    ['9999999999999.99', '9,999,999,999,999.99'],
    [null, '—'],
    ['n/a', 'n/a'],
  ])('%j → %s', (value, text) => {
    expect(formatCount(value)).toBe(text);
  });
  it('uses the locale for separators', () => {
    expect(formatCount('1234.5', 'de-DE')).toBe('1.234,5');
  });
  it('never shows a currency symbol and reads back to the same exact amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), (cents) => {
        const text = formatCount(fromCents(cents));
        expect(text).toMatch(/^-?[\d,]+(\.\d{1,2})?$/);
        expect(toCents(text.replace(/,/g, ''))).toBe(cents);
      }),
    );
  });
});

describe('percentOf (display only)', () => {
  it.each([
    ['250', '1000', 25],
    ['1', '3', 33.33],
    ['1500', '1000', 150],
    ['5', '0', null],
    [null, '100', null],
  ])('%j of %j = %s', (value, target, percent) => {
    expect(percentOf(value, target)).toBe(percent);
  });
});

describe('parseMoneyInput', () => {
  it.each([
    ['1,500', { ok: true, value: '1500.00' }],
    [' $2,000.5 ', { ok: true, value: '2000.50' }],
    ['0', { ok: true, value: '0.00' }],
    ['', { ok: false, message: 'Enter an amount.' }],
    ['10.005', { ok: false, message: 'Use at most two decimal places.' }],
    ['-5', { ok: false, message: 'The amount must not be negative.' }],
    ['ten', { ok: false, message: '"ten" is not an amount such as 5000.00.' }],
    ['1.5e3', { ok: false, message: '"1.5e3" is not an amount such as 5000.00.' }],
  ])('%j', (text, expected) => {
    expect(parseMoneyInput(text)).toEqual(expected);
  });
  it('accepts negatives when asked (actual-value overrides)', () => {
    expect(parseMoneyInput('-5', { allowNegative: true })).toEqual({ ok: true, value: '-5.00' });
  });
});

describe('one money representation with the domain', () => {
  it('reads and writes totals past 2^53 cents exactly (12 × 9,999,999,999,999.99)', () => {
    const total = sumMoney(Array(12).fill('9999999999999.99'));
    expect(total).toBe('119999999999999.88');
    expect(toCents(total)).toBe(11999999999999988n);
    expect(formatMoney(total, 'USD')).toBe('$119,999,999,999,999.88');
  });
  it('refuses typed amounts larger than one slice may hold', () => {
    expect(parseMoneyInput('10000000000000')).toMatchObject({ ok: false });
    expect(parseMoneyInput('9999999999999.99')).toEqual({ ok: true, value: '9999999999999.99' });
  });
});
