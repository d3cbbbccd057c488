import { describe, expect, it } from 'vitest';
import { containsInstant, isoDateIn, monthOptions, monthSpan, periodLabel } from './periods';

describe('periodLabel', () => {
  const en = (timeZone = 'UTC', fiscalYearStartMonth = 1) => ({
    timeZone,
    locale: 'en-US',
    fiscalYearStartMonth,
  });
  it.each([
    ['2026-03-01T00:00:00.000Z', null, 'monthly', en(), 'Mar 2026'],
    ['2026-03-01T05:00:00.000Z', null, 'monthly', en('America/New_York'), 'Mar 2026'],
    ['2026-01-01T00:00:00.000Z', '2026-03-31T23:59:59.999Z', 'quarterly', en(), 'Q1 2026'],
    ['2026-10-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', 'quarterly', en(), 'Q4 2026'],
    ['2027-01-01T00:00:00.000Z', null, 'quarterly', en('UTC', 4), 'Q4 2026'],
    ['2026-04-01T00:00:00.000Z', null, 'quarterly', en('UTC', 4), 'Q1 2026'],
    ['2025-11-01T00:00:00.000Z', '2026-01-31T23:59:59.999Z', 'quarterly', en(), 'Nov–Jan 2026'],
    ['2026-01-01T00:00:00.000Z', null, 'annual', en(), 'FY2026'],
    // HubSpot's own spelling of the yearly milestone.
    ['2026-01-01T00:00:00.000Z', null, 'annually', en(), 'FY2026'],
    // An exclusive end (the next period's first millisecond) still ends the quarter in March.
    ['2025-11-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', 'quarterly', en(), 'Nov–Jan 2026'],
    ['2026-04-01T00:00:00.000Z', null, 'annual', en('UTC', 4), 'FY2026'],
    ['2026-07-01T00:00:00.000Z', null, 'annual', en(), 'Jul 2026 – Jun 2027'],
    ['2026-03-02T00:00:00.000Z', null, 'weekly', en(), 'Week of Mar 2, 2026'],
    [null, null, 'monthly', en(), 'No period'],
  ])('%s %s %s → %s', (start, end, milestone, options, label) => {
    expect(periodLabel({ start, end }, milestone, options)).toBe(label);
  });

  it('writes months in the viewer’s locale', () => {
    const de = { timeZone: 'UTC', locale: 'de-DE', fiscalYearStartMonth: 1 };
    expect(periodLabel({ start: '2026-03-01T00:00:00.000Z' }, 'monthly', de)).toBe('März 2026');
    expect(periodLabel({ start: '2026-01-01T00:00:00.000Z' }, 'quarterly', de)).toBe('Q1 2026');
  });
});

describe('monthSpan', () => {
  const o = { timeZone: 'UTC', locale: 'en-US' };
  it.each([
    ['2026-01-01T00:00:00.000Z', '2026-12-31T23:59:59.999Z', 'Jan 2026 – Dec 2026'],
    ['2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', 'Jan 2026 – Dec 2026'],
    ['2026-01-01T00:00:00.000Z', '2026-01-31T23:59:59.999Z', 'Jan 2026'],
    [null, null, 'No periods'],
  ])('%s – %s → %s', (start, end, label) => {
    expect(monthSpan(start, end, o)).toBe(label);
  });
});

describe('isoDateIn', () => {
  it.each([
    ['2026-03-01T00:00:00.000Z', 'UTC', '2026-03-01'],
    ['2026-03-01T00:00:00.000Z', 'America/Los_Angeles', '2026-02-28'],
    ['2026-02-28T23:00:00.000Z', 'Europe/Berlin', '2026-03-01'],
  ])('%s in %s is %s', (iso, tz, date) => {
    expect(isoDateIn(iso, tz)).toBe(date);
  });
});

describe('containsInstant', () => {
  const now = new Date('2026-03-15T12:00:00Z');
  it.each([
    ['2026-03-01T00:00:00Z', '2026-03-31T23:59:59.999Z', true],
    ['2026-03-15T12:00:00Z', '2026-03-15T12:00:00Z', true],
    ['2026-04-01T00:00:00Z', '2026-04-30T23:59:59.999Z', false],
    [null, '2026-04-30T23:59:59.999Z', false],
  ])('[%s, %s] → %s', (start, end, inside) => {
    expect(containsInstant(start, end, now)).toBe(inside);
  });
});

describe('monthOptions', () => {
  it.each([
    ['en-US', 'January', 'December'],
    ['de-DE', 'Januar', 'Dezember'],
    ['fr-FR', 'janvier', 'décembre'],
  ])('names the twelve months in %s, valued 1 to 12', (locale, first, last) => {
    const options = monthOptions(locale);
    expect(options).toHaveLength(12);
    expect(options[0]).toEqual({ label: first, value: '1' });
    expect(options[11]).toEqual({ label: last, value: '12' });
  });
});
