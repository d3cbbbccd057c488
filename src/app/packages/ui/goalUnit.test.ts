import { describe, expect, it } from 'vitest';
import { formatGoalAmount, goalUnit } from './goalUnit';

describe('goalUnit', () => {
  it.each([
    ['sales_quota', 'currency'],
    ['revenue', 'currency'],
    ['team_revenue_goal', 'currency'],
    ['custom_quota', 'currency'],
    ['meetings_booked', 'count'],
    ['deals_won', 'count'],
    ['deals_created', 'count'],
    ['calls_made', 'count'],
    ['tickets_closed', 'count'],
    ['', 'count'],
    [null, 'count'],
    [undefined, 'count'],
  ] as const)('%j → %s', (goalType, unit) => {
    expect(goalUnit(goalType)).toBe(unit);
  });
});

describe('formatGoalAmount', () => {
  it.each([
    ['5000.50', 'sales_quota', '$5,000.50'],
    ['17.00', 'sales_quota', '$17.00'],
    ['17.00', 'meetings_booked', '17'],
    ['12.50', 'deals_won', '12.5'],
    ['1200', 'calls_made', '1,200'],
    ['10.00', null, '10'],
    [null, 'meetings_booked', '—'],
    [null, 'sales_quota', '—'],
  ] as const)('%j as %s → %s', (value, goalType, text) => {
    expect(formatGoalAmount(value, goalType, 'USD')).toBe(text);
  });
});
