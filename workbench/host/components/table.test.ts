import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageWindow } from './table';

describe('pageWindow', () => {
  it.each([
    [1, 1, 5, [1]],
    [1, 10, 5, [1, 2, 3, 4, 5]],
    [5, 10, 5, [3, 4, 5, 6, 7]],
    [10, 10, 5, [6, 7, 8, 9, 10]],
    [2, 3, 5, [1, 2, 3]],
  ])('page %i of %i, %i buttons → %j', (page, count, max, expected) => {
    expect(pageWindow(page, count, max)).toEqual(expected);
  });

  it('always shows the current page in a run of consecutive pages within range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 12 }),
        fc.nat(),
        (count, max, seed) => {
          const page = (seed % count) + 1;
          const pages = pageWindow(page, count, max);
          expect(pages).toContain(page);
          expect(pages.length).toBe(Math.min(max, count));
          pages.forEach((p, i) => {
            expect(p).toBeGreaterThanOrEqual(1);
            expect(p).toBeLessThanOrEqual(count);
            if (i > 0) expect(p).toBe((pages[i - 1] ?? 0) + 1);
          });
        },
      ),
    );
  });
});
