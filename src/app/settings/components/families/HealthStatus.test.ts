import { describe, expect, it } from 'vitest';
import { healthLabel } from './HealthStatus';

describe('healthLabel', () => {
  it.each([
    [true, 0, 'success', 'Healthy'],
    [true, 1, 'warning', '1 warning'],
    [true, 3, 'warning', '3 warnings'],
    [false, 1, 'danger', 'Needs repair · 1 problem'],
    [false, 5, 'danger', 'Needs repair · 5 problems'],
  ] as const)('healthy=%s with %i findings → %s "%s"', (healthy, findingCount, variant, text) => {
    expect(healthLabel({ healthy, findingCount })).toEqual({ variant, text });
  });
});
