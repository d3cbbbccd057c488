import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from './instant';

describe('parseInstant', () => {
  it.each([
    ['2026-01-01T00:00:00.000Z', Date.UTC(2026, 0, 1)],
    ['2026-01-31T23:59:59.999Z', Date.UTC(2026, 0, 31, 23, 59, 59, 999)],
    ['2026-01-31T23:59:59Z', Date.UTC(2026, 0, 31, 23, 59, 59)],
    ['1767225600000', Date.UTC(2026, 0, 1)],
    [' 1767225600000 ', Date.UTC(2026, 0, 1)],
    ['2026-01-01T01:00:00+01:00', Date.UTC(2026, 0, 1)],
    ['2026-01-01T01:00:00.5+0100', Date.UTC(2026, 0, 1, 0, 0, 0, 500)],
    ['2026-01-01', Date.UTC(2026, 0, 1)],
    ['2028-02-29T00:00:00.000Z', Date.UTC(2028, 1, 29)],
    ['2026-01-01t00:00:00z', Date.UTC(2026, 0, 1)],
    ['1600-03-01T00:00:00.000Z', Date.UTC(1600, 2, 1)],
    ['2026-01-01T00:00:00.25Z', Date.UTC(2026, 0, 1, 0, 0, 0, 250)],
  ])('%j → %d', (raw, ms) => expect(parseInstant(raw)).toBe(ms));

  it.each([
    [null],
    [undefined],
    [''],
    ['   '],
    ['yesterday'],
    ['2026-02-30T00:00:00.000Z'],
    ['2027-02-29T00:00:00.000Z'],
    ['2026-13-01T00:00:00.000Z'],
    ['2026-01-01T24:00:00.000Z'],
    ['2026-01-01T00:60:00Z'],
    ['2026-02-30'],
    ['2026-01-01T00:00:00'],
    ['12345678901234567'],
    ['2026-0a-01T00:00:00.000Z'],
    ['2026-01-01T00:00:00.Z'],
  ])('%j → null', (raw) => expect(parseInstant(raw)).toBeNull());

  it('agrees with Date.parse on every canonical instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(parseInstant(iso)).toBe(ms);
        expect(parseInstant(iso.replace(/\.\d{3}Z$/, 'Z'))).toBe(Math.floor(ms / 1000) * 1000);
        expect(parseInstant(String(ms))).toBe(ms);
      }),
    );
  });
});

describe('formatInstant', () => {
  it('writes UTC ISO with milliseconds', () => {
    expect(formatInstant(Date.UTC(2026, 0, 31, 23, 59, 59, 999))).toBe('2026-01-31T23:59:59.999Z');
  });
});
