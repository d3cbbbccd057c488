// biome-ignore-all lint/style/noNonNullAssertion: tests index into fixtures they just built
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { respread, spreadAmounts, spreadEven, spreadExplicit, spreadWeighted } from './spread';

describe('spreadEven', () => {
  it.each([
    [120000000, 12, Array(12).fill(10000000)],
    [100, 3, [34, 33, 33]],
    [2, 3, [1, 1, 0]],
    [0, 4, [0, 0, 0, 0]],
    [-100, 3, [-34, -33, -33]],
  ])('%d over %d', (total, n, parts) => expect(spreadEven(total, n)).toEqual(parts));

  it('throws on no periods', () => expect(() => spreadEven(100, 0)).toThrow(RangeError));
});

describe('spreadWeighted', () => {
  it.each([
    [1000, [1, 2, 1], [250, 500, 250]],
    [1000, [1, 1, 1], [334, 333, 333]],
    [100, [0, 1, 0], [0, 100, 0]],
    [0, [0, 0], [0, 0]],
    [1001, [3, 3, 4], [300, 300, 401]],
    // Largest remainder: shares 3.33, 1.67, 1.67, 3.33 → floors 3, 1, 1, 3; the two cents left go
    // to the largest remainders (0.67 each).
    [10, [2, 1, 1, 2], [3, 2, 2, 3]],
    // Equal remainders: the earlier period gets the cent.
    [5, [1, 1], [3, 2]],
  ])('%d by %j', (total, weights, parts) => {
    expect(spreadWeighted(total, weights)).toEqual({ ok: true, value: parts });
  });

  it.each([
    [100, [], 'NO_PERIODS'],
    [100, [0, 0], 'INVALID_WEIGHTS'],
    [100, [1, -1], 'INVALID_WEIGHTS'],
    [100, [1.5], 'INVALID_WEIGHTS'],
    [0.5, [1], 'INVALID_TOTAL'],
  ])('%d by %j → %s', (total, weights, code) => {
    expect(spreadWeighted(total, weights)).toMatchObject({ ok: false, error: { code } });
  });

  it('always sums to the total, each part within a cent of its exact share (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 15), max: 10 ** 15 }),
        fc
          .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 60 })
          .filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const r = spreadWeighted(total, weights);
          if (!r.ok) throw new Error(r.error.message);
          expect(r.value.reduce((s, x) => s + x, 0)).toBe(total);
          const sum = weights.reduce((s, w) => s + w, 0);
          r.value.forEach((part, i) => {
            const exact = (total * (weights[i] as number)) / sum;
            expect(Math.abs(part - exact)).toBeLessThanOrEqual(1 + Math.abs(exact) * 1e-12);
            if (weights[i] === 0) expect(part).toBe(0);
          });
          expect(spreadWeighted(total, weights)).toEqual(r);
        },
      ),
    );
  });
});

describe('spreadExplicit / spreadAmounts', () => {
  it('checks the list', () => {
    expect(spreadExplicit([1, 2], 2)).toEqual({ ok: true, value: [1, 2] });
    expect(spreadExplicit([1, 2], 3)).toMatchObject({ ok: false, error: { code: 'WRONG_COUNT' } });
    expect(spreadExplicit([1, -2], 2)).toMatchObject({ ok: false, error: { code: 'INVALID_AMOUNTS' } });
    expect(spreadExplicit([1, 2], 2, 4)).toMatchObject({ ok: false, error: { code: 'WRONG_TOTAL' } });
  });

  it('applies each mode', () => {
    expect(spreadAmounts({ mode: 'even', totalCents: 10 }, 3)).toEqual({ ok: true, value: [4, 3, 3] });
    expect(spreadAmounts({ mode: 'even', totalCents: 10 }, 0)).toMatchObject({ ok: false });
    expect(spreadAmounts({ mode: 'weighted', totalCents: 10, weights: [1] }, 2)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_COUNT' },
    });
    expect(spreadAmounts({ mode: 'weighted', totalCents: 10, weights: [1, 4] }, 2)).toEqual({
      ok: true,
      value: [2, 8],
    });
    expect(spreadAmounts({ mode: 'explicit', amounts: [5, 5] }, 2)).toEqual({ ok: true, value: [5, 5] });
  });
});

describe('respread', () => {
  const month = (m: number) => Date.UTC(2026, m, 1);
  const slices = Array.from({ length: 12 }, (_, m) => ({
    id: String(100 + m),
    startMs: month(m),
    targetCents: 1000_00,
  }));

  it('keeps the past and spreads the rest of the total', () => {
    const r = respread(slices, month(6), { mode: 'even', totalCents: 18_000_00 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.keptCents).toBe(6000_00);
    expect(r.value.remainingCents).toBe(12_000_00);
    expect(r.value.kept.map((k) => k.targetCents)).toEqual(Array(6).fill(1000_00));
    expect(r.value.spread.map((k) => k.targetCents)).toEqual(Array(6).fill(2000_00));
    expect(r.value.spread[0]!.id).toBe('106');
  });

  it('takes an explicit list for the remaining periods', () => {
    const r = respread(slices.slice(0, 3), month(1), { mode: 'explicit', amounts: [1, 2] });
    expect(r).toMatchObject({ ok: true, value: { keptCents: 1000_00, remainingCents: 3 } });
  });

  it.each([
    [{ mode: 'even', totalCents: 5000_00 } as const, month(6), 'NEGATIVE_REMAINDER'],
    [{ mode: 'even', totalCents: 50000_00 } as const, month(11) + 1, 'NO_PERIODS_LEFT'],
    [{ mode: 'weighted', totalCents: 50000_00, weights: [1, 2] } as const, month(6), 'WRONG_COUNT'],
  ])('returns an error value: %j from %d', (request, from, code) => {
    expect(respread(slices, from, request)).toMatchObject({ ok: false, error: { code } });
  });

  it('treats a missing start as a later period and a missing amount as 0', () => {
    const r = respread(
      [
        { id: 'b', startMs: null, targetCents: null },
        { id: 'a', startMs: month(0), targetCents: null },
      ],
      month(1),
      { mode: 'even', totalCents: 100 },
    );
    expect(r).toMatchObject({ ok: true, value: { keptCents: 0, spread: [{ id: 'b', targetCents: 100 }] } });
  });

  it('kept plus spread always equals the new total (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_00 }), { minLength: 1, maxLength: 24 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 10 ** 12 }),
        (amounts, cut, extra) => {
          const ss = amounts.map((a, i) => ({ id: String(i), startMs: i * 1000, targetCents: a }));
          const from = Math.min(cut, ss.length - 1) * 1000;
          const kept = amounts.slice(0, from / 1000).reduce((s, a) => s + a, 0);
          const r = respread(ss, from, { mode: 'even', totalCents: kept + extra });
          if (!r.ok) throw new Error(r.error.message);
          const sum = [...r.value.kept, ...r.value.spread].reduce((s, x) => s + x.targetCents, 0);
          expect(sum).toBe(kept + extra);
        },
      ),
    );
  });
});
