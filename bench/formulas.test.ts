import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyInvocationCalls, largestFamilyWithin } from './expected';
import {
  archiveLowerBound,
  archiveNaive,
  createLowerBound,
  createNaive,
  firstPaintLowerBound,
  firstPaintNaive,
  healthLowerBound,
  healthNaive,
  renameLowerBound,
  renameNaive,
} from './formulas';

describe('lower bounds and naive counts', () => {
  it.each([
    // n, lower (searches + batches), naive (searches + n)
    [12, 1 + 1, 1 + 12],
    [120, 1 + 2, 1 + 120],
    [600, 3 + 6, 3 + 600],
    [1_200, 6 + 12, 6 + 1_200],
    [201, 2 + 3, 2 + 201],
  ])('rename and archive of %i slices', (n, lower, naive) => {
    expect(renameLowerBound(n).calls).toBe(lower);
    expect(archiveLowerBound(n).calls).toBe(lower);
    expect(renameNaive(n).calls).toBe(naive);
    expect(archiveNaive(n).calls).toBe(naive);
  });

  it.each([
    [60, 1, 60],
    [600, 6, 600],
    [601, 7, 601],
  ])('create of %i slices', (n, lower, naive) => {
    expect(createLowerBound(n).calls).toBe(lower);
    expect(createNaive(n).calls).toBe(naive);
  });

  it.each([
    [1_000, 100, 5, 10 + 100],
    [10_000, 1_000, 50, 100 + 1_000],
    [50_000, 5_000, 250, 500 + 5_000],
  ])('health check of %i targets in %i families', (n, families, lower, naive) => {
    expect(healthLowerBound(n).calls).toBe(lower);
    expect(healthNaive(n, families).calls).toBe(naive);
  });

  it('first paint of 10 families of 12 slices', () => {
    expect(firstPaintLowerBound(120).calls).toBe(2);
    expect(firstPaintNaive(120, 10).calls).toBe(12);
    expect(firstPaintLowerBound(0).calls).toBe(2);
  });

  it('the lower bound never exceeds the naive count, and batching wins from 2 slices on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (n) => {
        expect(renameLowerBound(n).calls).toBeLessThanOrEqual(renameNaive(n).calls);
        expect(createLowerBound(n).calls).toBeLessThanOrEqual(createNaive(n).calls);
        if (n >= 2) expect(archiveLowerBound(n).calls).toBeLessThan(archiveNaive(n).calls);
      }),
    );
  });

  it('formulas print the page sizes they use', () => {
    expect(renameLowerBound(1).formula).toBe('⌈n/200⌉ searches + ⌈n/100⌉ batch updates');
    expect(healthNaive(1, 1).formula).toBe('⌈N/100⌉ list pages + F searches (one per family)');
  });
});

describe('how far one invocation goes', () => {
  it.each([
    // 100 ms a call, 10 s = 100 calls. rename: 5 + ⌈n/200⌉ + 2⌈n/100⌉: 3,800 → 100, 3,900 → 103.
    ['rename', 100, 10_000, 3_800],
    // archive (read back by id): 5 + ⌈n/200⌉ + 3⌈n/100⌉: 2,700 → 100, 2,800 → 103.
    ['archive', 100, 10_000, 2_700],
    // create: 7 + ⌈n/100⌉: 9,300 → 100, 9,400 → 101.
    ['create', 100, 10_000, 9_300],
    // 50 ms, 200 calls: 7,800 → 200, 7,900 → 203.
    ['rename', 50, 10_000, 7_800],
  ] as const)('%s at %i ms a call within %i ms: %i slices', (kind, latency, budget, n) => {
    expect(largestFamilyWithin(kind, latency, budget)).toBe(n);
    expect(applyInvocationCalls(kind, n) * latency).toBeLessThanOrEqual(budget);
    expect(applyInvocationCalls(kind, n + 100) * latency).toBeGreaterThan(budget);
  });
});
