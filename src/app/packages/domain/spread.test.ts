// biome-ignore-all lint/style/noNonNullAssertion: tests index into fixtures they just built
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sumCents } from './money';
import { respread, spreadAmounts, spreadEven, spreadExplicit, spreadWeighted } from './spread';

const big = (xs: number[]) => xs.map(BigInt);

describe('spreadEven', () => {
  it.each([
    [120000000n, 12, big(Array(12).fill(10000000))],
    [100n, 3, [34n, 33n, 33n]],
    [2n, 3, [1n, 1n, 0n]],
    [0n, 4, [0n, 0n, 0n, 0n]],
    [-100n, 3, [-34n, -33n, -33n]],
    // 12 × the largest slice amount: exact past 2^53 cents.
    [11999999999999988n, 12, Array(12).fill(999999999999999n)],
  ])('%d over %d', (total, n, parts) => expect(spreadEven(total, n)).toEqual(parts));

  it('throws on no periods', () => expect(() => spreadEven(100n, 0)).toThrow(RangeError));
});

describe('spreadWeighted', () => {
  it.each([
    [1000n, [1, 2, 1], [250n, 500n, 250n]],
    [1000n, [1, 1, 1], [334n, 333n, 333n]],
    [100n, [0, 1, 0], [0n, 100n, 0n]],
    [0n, [0, 0], [0n, 0n]],
    [1001n, [3, 3, 4], [300n, 300n, 401n]],
    // Largest remainder: shares 3.33, 1.67, 1.67, 3.33 → floors 3, 1, 1, 3; the two cents left go
    // to the largest remainders (0.67 each).
    [10n, [2, 1, 1, 2], [3n, 2n, 2n, 3n]],
    // Equal remainders: the earlier period gets the cent.
    [5n, [1, 1], [3n, 2n]],
  ])('%d by %j', (total, weights, parts) => {
    expect(spreadWeighted(total, weights)).toEqual({ ok: true, value: parts });
  });

  it.each([
    [100n, [], 'NO_PERIODS'],
    [100n, [0, 0], 'INVALID_WEIGHTS'],
    [100n, [1, -1], 'INVALID_WEIGHTS'],
    [100n, [1.5], 'INVALID_WEIGHTS'],
  ])('%d by %j → %s', (total, weights, code) => {
    expect(spreadWeighted(total, weights)).toMatchObject({ ok: false, error: { code } });
  });

  it('always sums to the total, each part within a cent of its exact share (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc
          .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 60 })
          .filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const r = spreadWeighted(total, weights);
          if (!r.ok) throw new Error(r.error.message);
          expect(sumCents(r.value)).toBe(total);
          const sum = BigInt(weights.reduce((s, w) => s + w, 0));
          r.value.forEach((part, i) => {
            // |part × sum − total × weight| < sum, i.e. the part is within one cent of its exact share.
            const diff = part * sum - total * BigInt(weights[i] as number);
            expect(diff < sum && -diff < sum).toBe(true);
            if (weights[i] === 0) expect(part).toBe(0n);
          });
          expect(spreadWeighted(total, weights)).toEqual(r);
        },
      ),
    );
  });
});

describe('spreadExplicit / spreadAmounts', () => {
  it('checks the list', () => {
    expect(spreadExplicit([1n, 2n], 2)).toEqual({ ok: true, value: [1n, 2n] });
    expect(spreadExplicit([1n, 2n], 3)).toMatchObject({ ok: false, error: { code: 'WRONG_COUNT' } });
    expect(spreadExplicit([1n, -2n], 2)).toMatchObject({ ok: false, error: { code: 'INVALID_AMOUNTS' } });
    expect(spreadExplicit([1n, 2n], 2, 4n)).toMatchObject({ ok: false, error: { code: 'WRONG_TOTAL' } });
  });

  it('applies each mode', () => {
    expect(spreadAmounts({ mode: 'even', totalCents: 10n }, 3)).toEqual({ ok: true, value: [4n, 3n, 3n] });
    expect(spreadAmounts({ mode: 'even', totalCents: 10n }, 0)).toMatchObject({ ok: false });
    expect(spreadAmounts({ mode: 'weighted', totalCents: 10n, weights: [1] }, 2)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_COUNT' },
    });
    expect(spreadAmounts({ mode: 'weighted', totalCents: 10n, weights: [1, 4] }, 2)).toEqual({
      ok: true,
      value: [2n, 8n],
    });
    expect(spreadAmounts({ mode: 'explicit', amounts: [5n, 5n] }, 2)).toEqual({ ok: true, value: [5n, 5n] });
  });
});

describe('respread', () => {
  const month = (m: number) => Date.UTC(2026, m, 1);
  const slices = Array.from({ length: 12 }, (_, m) => ({
    id: String(100 + m),
    startMs: month(m),
    targetCents: 1000_00n,
  }));

  it('keeps the past and spreads the rest of the total', () => {
    const r = respread(slices, month(6), { mode: 'even', totalCents: 18_000_00n });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.keptCents).toBe(6000_00n);
    expect(r.value.remainingCents).toBe(12_000_00n);
    expect(r.value.kept.map((k) => k.targetCents)).toEqual(Array(6).fill(1000_00n));
    expect(r.value.spread.map((k) => k.targetCents)).toEqual(Array(6).fill(2000_00n));
    expect(r.value.spread[0]!.id).toBe('106');
  });

  it('takes an explicit list for the remaining periods', () => {
    const r = respread(slices.slice(0, 3), month(1), { mode: 'explicit', amounts: [1n, 2n] });
    expect(r).toMatchObject({ ok: true, value: { keptCents: 1000_00n, remainingCents: 3n } });
  });

  it.each([
    [{ mode: 'even', totalCents: 5000_00n } as const, month(6), 'NEGATIVE_REMAINDER'],
    [{ mode: 'even', totalCents: 50000_00n } as const, month(11) + 1, 'NO_PERIODS_LEFT'],
    [{ mode: 'weighted', totalCents: 50000_00n, weights: [1, 2] } as const, month(6), 'WRONG_COUNT'],
  ])('returns an error value: %o from %d', (request, from, code) => {
    expect(respread(slices, from, request)).toMatchObject({ ok: false, error: { code } });
  });

  it('treats a missing start as a later period and a missing amount as 0', () => {
    const r = respread(
      [
        { id: 'b', startMs: null, targetCents: null },
        { id: 'a', startMs: month(0), targetCents: null },
      ],
      month(1),
      { mode: 'even', totalCents: 100n },
    );
    expect(r).toMatchObject({ ok: true, value: { keptCents: 0n, spread: [{ id: 'b', targetCents: 100n }] } });
  });

  it('kept plus spread always equals the new total (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 17n }), { minLength: 1, maxLength: 24 }),
        fc.integer({ min: 0, max: 23 }),
        fc.bigInt({ min: 0n, max: 10n ** 18n }),
        (amounts, cut, extra) => {
          const ss = amounts.map((a, i) => ({ id: String(i), startMs: i * 1000, targetCents: a }));
          const from = Math.min(cut, ss.length - 1) * 1000;
          const kept = sumCents(amounts.slice(0, from / 1000));
          const r = respread(ss, from, { mode: 'even', totalCents: kept + extra });
          if (!r.ok) throw new Error(r.error.message);
          expect(sumCents([...r.value.kept, ...r.value.spread].map((x) => x.targetCents))).toBe(kept + extra);
        },
      ),
    );
  });
});
