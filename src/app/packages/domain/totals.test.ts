import { describe, expect, it } from 'vitest';
import { spreadRequestFromInput } from './spread';
import { span, totals } from './totals';

describe('totals and span', () => {
  it('adds amounts, counting unreadable ones as 0', () => {
    expect(
      totals([
        { targetCents: 100, kpiCents: null },
        { targetCents: null, kpiCents: 5 },
      ]),
    ).toEqual({ targetCents: 100, kpiCents: 5 });
  });

  it('finds the span of readable periods', () => {
    expect(
      span([
        { startMs: 5, endMs: 9 },
        { startMs: 1, endMs: null },
        { startMs: null, endMs: 20 },
      ]),
    ).toEqual({ startMs: 1, endMs: 20 });
    expect(span([{ startMs: null, endMs: null }])).toBeNull();
    expect(span([])).toBeNull();
  });
});

describe('spreadRequestFromInput', () => {
  it.each([
    [{ mode: 'even', total: '1200.00' } as const, { ok: true, value: { mode: 'even', totalCents: 120000 } }],
    [
      { mode: 'weighted', total: '10', weights: [1, 2] } as const,
      { ok: true, value: { mode: 'weighted', totalCents: 1000, weights: [1, 2] } },
    ],
    [
      { mode: 'explicit', amounts: ['1.00', '2.5'] } as const,
      { ok: true, value: { mode: 'explicit', amounts: [100, 250] } },
    ],
    [
      { mode: 'explicit', amounts: ['1.00', 'x'] } as const,
      { ok: false, error: { code: 'INVALID_AMOUNT', message: '"x" is not an amount' } },
    ],
    [
      { mode: 'even', total: '1e3' } as const,
      { ok: false, error: { code: 'INVALID_AMOUNT', message: '"1e3" is not an amount' } },
    ],
  ])('%j', (input, expected) => expect(spreadRequestFromInput(input)).toEqual(expected));
});
