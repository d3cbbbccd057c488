import { describe, expect, it } from 'vitest';
import { currencyOptions, offsetOf, timeZoneOptions } from './zones';

describe('timeZoneOptions', () => {
  const now = new Date('2026-01-15T12:00:00Z');
  it('offers every IANA zone the runtime knows, with its offset', () => {
    const options = timeZoneOptions(now);
    expect(options.length).toBeGreaterThan(300);
    expect(options).toContainEqual({ value: 'Europe/Berlin', label: 'Europe/Berlin (UTC+01:00)' });
    expect(options.some((o) => o.label.endsWith('(UTC+05:30)'))).toBe(true);
    expect(options[0]).toEqual({ value: 'UTC', label: 'UTC (UTC+00:00)' });
  });
  it('keeps a current zone first even when the runtime does not list it', () => {
    expect(timeZoneOptions(now, 'Etc/GMT+5')[0]?.value).toBe('Etc/GMT+5');
  });
  it('says the offset in summer too', () => {
    expect(offsetOf('America/New_York', new Date('2026-07-01T12:00:00Z'))).toBe('UTC-04:00');
  });
});

describe('currencyOptions', () => {
  it('names each code once, in the viewer’s language', () => {
    expect(currencyOptions(['EUR', 'USD', 'EUR'], 'en-US')).toEqual([
      { value: 'EUR', label: 'EUR — Euro' },
      { value: 'USD', label: 'USD — US Dollar' },
    ]);
  });
});
