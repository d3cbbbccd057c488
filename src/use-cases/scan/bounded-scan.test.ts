import { functionContracts } from '@goal-families/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexFamilies } from '../goal-families-index';
import type { IdRange } from '../ports';
import { fakePortal, generatedRecords } from '../testing/fake-portal';
import { type ScanState, unreadRanges } from './bounded-scan';

const state = (lo: number | null, hi: number | null): ScanState => ({
  lo: lo === null ? null : String(lo),
  after: null,
  hi: hi === null ? null : String(hi),
  list: true,
});

const inRange = (id: number, r: IdRange) =>
  (r.above === undefined || id > Number(r.above)) && (r.below === undefined || id < Number(r.below));

describe('unreadRanges: what one invocation did not cover', () => {
  it.each([
    // start (lo, hi), end (lo, hi), done, ranges
    [[null, null], [300, 701], false, [{ above: '300', below: '701' }]],
    [[null, null], [300, 301], true, []],
    [[300, 701], [500, 601], false, [{ below: '301' }, { above: '500', below: '601' }, { above: '700' }]],
    [[300, 701], [400, 401], true, [{ below: '301' }, { above: '700' }]],
    [[300, 701], [300, 601], false, [{ below: '601' }, { above: '700' }]],
    [[300, null], [400, null], false, [{ below: '301' }, { above: '400' }]],
  ] as const)('from %j to %j (done: %s) → %j', (from, to, done, ranges) => {
    expect(unreadRanges(state(from[0], from[1]), state(to[0], to[1]), done)).toEqual(ranges);
  });

  it('covered and unread make up every id, and no id is in two ranges', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (a, b, c, d, startsLow, startsHigh, done) => {
          // lo0 ≤ lo1 < hi1 ≤ hi0 on 1..200
          const [lo0, lo1] = [Math.min(a, b), Math.max(a, b)];
          const [hi1, hi0] = [101 + Math.min(c, d), 101 + Math.max(c, d)];
          const start = state(startsLow ? lo0 : null, startsHigh ? hi0 : null);
          const end = state(lo1, hi1);
          const ranges = unreadRanges(start, end, done);
          for (let id = 1; id <= 220; id++) {
            const above = start.lo === null || id > Number(start.lo);
            const below = start.hi === null || id < Number(start.hi);
            const covered = done
              ? above && below
              : (above && id <= lo1 && (start.lo === null || lo1 > Number(start.lo))) ||
                (below && id >= hi1 && (start.hi === null || hi1 < Number(start.hi)));
            const hits = ranges.filter((r) => inRange(id, r)).length;
            expect(hits, `id ${id} in ${JSON.stringify(ranges)}`).toBe(covered ? 0 : 1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a list endpoint that breaks the id order', () => {
  it('is dropped: search alone reads on, and every target is read exactly once', async () => {
    const size = 1_900;
    // From its 3rd call on, the list answers its pages backwards.
    const portal = fakePortal(generatedRecords(size), {
      latencyMs: 50,
      listPage: (page, call) => (call >= 3 ? [...page].reverse() : page),
    });
    const params = (cursor?: string) =>
      functionContracts.goal_families_index.params.parse({
        caller: { userId: '1' },
        portal: { id: '1', timeZone: 'UTC' },
        ...(cursor ? { cursor } : {}),
      });
    let cursor: string | undefined;
    let slices = 0;
    let scanned = 0;
    for (let i = 0; i < 50; i++) {
      const r = await indexFamilies(portal.invocation(), params(cursor));
      if (!r.ok) throw new Error(r.error.message);
      slices += r.entries.reduce((n, e) => n + e.sliceCount, 0);
      scanned = r.scannedTargets;
      if (r.nextCursor === null) break;
      cursor = r.nextCursor;
    }
    expect(scanned).toBe(size);
    expect(slices).toBe(size);
    // Once out of order, never asked again.
    const gets = portal.log.filter((c) => c.method === 'GET').length;
    expect(gets).toBeLessThanOrEqual(3);
  });
});
