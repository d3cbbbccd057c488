import { describe, expect, it } from 'vitest';
import { formatMoney } from './money';
import { spreadRequestFromInput } from './spread';
import { parseTarget } from './target';
import { span, totals } from './totals';

describe('totals and span', () => {
  it('adds amounts, counting unreadable ones as 0', () => {
    expect(
      totals([
        { targetCents: 100n, kpiCents: null },
        { targetCents: null, kpiCents: 5n },
      ]),
    ).toEqual({ targetCents: 100n, kpiCents: 5n });
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
    [{ mode: 'even', total: '1200.00' } as const, { ok: true, value: { mode: 'even', totalCents: 120000n } }],
    [
      { mode: 'weighted', total: '10', weights: [1, 2] } as const,
      { ok: true, value: { mode: 'weighted', totalCents: 1000n, weights: [1, 2] } },
    ],
    [
      { mode: 'explicit', amounts: ['1.00', '2.5'] } as const,
      { ok: true, value: { mode: 'explicit', amounts: [100n, 250n] } },
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

describe('totals at every size the contract accepts', () => {
  it('adds 12 slices of 9,999,999,999,999.99 exactly (past 2^53 cents)', () => {
    const slices = Array.from({ length: 12 }, (_, i) =>
      parseTarget({
        id: String(i + 1),
        properties: { hs_target_amount: '9999999999999.99', hs_kpi_value: '9999999999999.99' },
      }),
    );
    const t = totals(slices);
    expect(formatMoney(t.targetCents)).toBe('119999999999999.88');
    expect(formatMoney(t.kpiCents)).toBe('119999999999999.88');
  });
});
