import { describe, expect, it } from 'vitest';
import { copyName, parseScale, validateYears } from './cloneForm';

describe('copyName', () => {
  it.each([
    ['FY2026 quota', 2026, 1, 'FY2027 quota'],
    ['2026 H1 / 2026 H2', 2026, 2, '2028 H1 / 2028 H2'],
    ['New business', 2026, 1, 'New business (copy)'],
    ['New business', null, 1, 'New business (copy)'],
  ])('%j from %s +%s → %j', (name, year, shift, copy) => {
    expect(copyName(name, year, shift)).toBe(copy);
  });
});

describe('parseScale', () => {
  it.each([
    ['1', 'en-US', '1'],
    ['1.1', 'en-US', '1.1'],
    [' 0.95 ', 'en-US', '0.95'],
    ['1.1000', 'en-US', '1.1'],
    ['10', 'en-US', '10'],
    ['0.01', 'en-US', '0.01'],
    ['1,1', 'de-DE', '1.1'],
    // A factor has no grouping, so a dot is read as a decimal point in every locale.
    ['1.1', 'de-DE', '1.1'],
  ])('%j in %s → %s', (text, locale, value) => {
    expect(parseScale(text, locale)).toEqual({ ok: true, value });
  });
  it.each([
    ['0', 'en-US', 'A factor of zero would empty every target.'],
    ['0.000', 'en-US', 'A factor of zero would empty every target.'],
    ['1.12345', 'en-US', 'Use a factor such as 1, 1.1 or 0.95 (up to 4 decimals).'],
    ['-1', 'en-US', 'Use a factor such as 1, 1.1 or 0.95 (up to 4 decimals).'],
    ['1,1.1', 'de-DE', 'Use a factor such as 1, 1,1 or 0,95 (up to 4 decimals).'],
    [
      '11',
      'en-US',
      'Scale by a factor from 0.01 to 10; for bigger changes, copy first and then set new totals.',
    ],
    [
      '0.005',
      'en-US',
      'Scale by a factor from 0.01 to 10; for bigger changes, copy first and then set new totals.',
    ],
  ])('%j in %s → %s', (text, locale, message) => {
    expect(parseScale(text, locale)).toEqual({ ok: false, message });
  });
});

describe('validateYears', () => {
  it.each([
    [1, null],
    [10, null],
    [0, 'Copy 1 to 10 years later.'],
    [11, 'Copy 1 to 10 years later.'],
    [1.5, 'Use a whole number of years.'],
  ])('%s → %s', (years, problem) => {
    expect(validateYears(years)).toBe(problem);
  });
});
