import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountExample, parseAmountInput } from './amountInput';

describe('parseAmountInput', () => {
  it.each([
    ['en-US', '1,000.50', '1000.50'],
    ['en-US', '1000.5', '1000.50'],
    ['en-US', ' $1,234,567.89 ', '1234567.89'],
    ['en-US', '0', '0.00'],
    ['en-US', '.5', '0.50'],
    ['en-US', '12 USD', '12.00'],
    ['de-DE', '1.000,50', '1000.50'],
    ['de-DE', '1000,5', '1000.50'],
    ['de-DE', '2.743.500,00 €', '2743500.00'],
    ['fr-FR', '1 000,50', '1000.50'],
    ['fr-FR', '1\u202f000,50', '1000.50'],
    ['en-IN', '1,00,000.25', '100000.25'],
    ['de-CH', '1’000.50', '1000.50'],
  ])('%s reads %j as %s', (locale, text, value) => {
    expect(parseAmountInput(text, locale)).toEqual({ ok: true, value });
  });

  it.each([
    ['en-US', '1.000,50'],
    ['en-US', '1,00'],
    ['en-US', '10,00,000'],
    ['en-US', '1 000'],
    ['de-DE', '1,000.50'],
    ['de-DE', '1.5'],
    ['en-US', 'abc'],
    ['en-US', '1.2.3'],
    ['en-US', '$'],
  ])('%s refuses %j with the expected format', (locale, text) => {
    expect(parseAmountInput(text, locale)).toEqual({
      ok: false,
      message: `Use the format ${amountExample(locale)}.`,
    });
  });

  it('names the other problems', () => {
    expect(parseAmountInput('', 'en-US')).toEqual({ ok: false, message: 'Enter an amount.' });
    expect(parseAmountInput('1.234', 'en-US')).toEqual({
      ok: false,
      message: 'Use at most two decimal places.',
    });
    expect(parseAmountInput('-5', 'en-US')).toEqual({
      ok: false,
      message: 'The amount must not be negative.',
    });
    expect(parseAmountInput('-5', 'en-US', { allowNegative: true })).toEqual({ ok: true, value: '-5.00' });
    expect(parseAmountInput('99999999999999', 'en-US')).toEqual({
      ok: false,
      message: 'That amount is too large.',
    });
  });

  it('examples differ per locale', () => {
    expect(amountExample('en-US')).toBe('1,234.56');
    expect(amountExample('de-DE')).toBe('1.234,56');
  });

  it('reads back whatever Intl writes, exactly, in every tested locale', () => {
    const locales = ['en-US', 'de-DE', 'fr-FR', 'en-IN', 'ja-JP', 'pt-BR', 'sv-SE'];
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 99_999_999_999n }),
        fc.constantFrom(...locales),
        (cents, locale) => {
          const text = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
            .formatToParts(cents / 100n)
            .map((p) => (p.type === 'fraction' ? (cents % 100n).toString().padStart(2, '0') : p.value))
            .join('');
          const parsed = parseAmountInput(text, locale);
          expect(parsed).toEqual({
            ok: true,
            value: `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`,
          });
        },
      ),
    );
  });
});
