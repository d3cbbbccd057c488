import { describe, expect, it } from 'vitest';
import { containsInstant, isoDateIn, periodLabel } from './periods';

describe('periodLabel', () => {
  it.each([
    ['2026-03-01T00:00:00.000Z', 'monthly', 'UTC', null, 'Mar 2026'],
    ['2026-03-01T05:00:00.000Z', 'monthly', 'America/New_York', null, 'Mar 2026'],
    ['2026-01-01T00:00:00.000Z', 'quarterly', 'UTC', '2026-03-31T23:59:59.999Z', 'Jan–Mar 2026'],
    ['2025-11-01T00:00:00.000Z', 'quarterly', 'UTC', '2026-01-31T23:59:59.999Z', 'Nov–Jan 2026'],
    ['2026-01-01T00:00:00.000Z', 'annual', 'UTC', null, 'FY 2026'],
    // HubSpot's own spelling of the yearly milestone.
    ['2026-01-01T00:00:00.000Z', 'annually', 'UTC', null, 'FY 2026'],
    // An exclusive end (the next period's first millisecond) still ends the quarter in March.
    ['2026-01-01T00:00:00.000Z', 'quarterly', 'UTC', '2026-04-01T00:00:00.000Z', 'Jan–Mar 2026'],
    ['2026-03-02T00:00:00.000Z', 'weekly', 'UTC', null, 'Mar 2, 2026'],
    [null, 'monthly', 'UTC', null, 'No period'],
  ])('%s %s %s → %s', (start, milestone, tz, end, label) => {
    expect(periodLabel(start, milestone, tz, end)).toBe(label);
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
