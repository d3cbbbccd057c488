import { describe, expect, it } from 'vitest';
import { copyName, validateScale } from './cloneForm';

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

describe('validateScale', () => {
  it.each([
    ['1', null],
    ['1.1', null],
    [' 0.95 ', null],
    ['1234.5678', null],
    ['0', 'A factor of zero would empty every target.'],
    ['0.000', 'A factor of zero would empty every target.'],
    ['1.12345', 'Use a factor such as 1, 1.1 or 0.95 (up to 4 decimals).'],
    ['-1', 'Use a factor such as 1, 1.1 or 0.95 (up to 4 decimals).'],
    ['1e2', 'Use a factor such as 1, 1.1 or 0.95 (up to 4 decimals).'],
  ])('%j → %s', (scale, problem) => {
    expect(validateScale(scale)).toBe(problem);
  });
});
