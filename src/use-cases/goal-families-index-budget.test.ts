/** The family index's time bound, on a fake clock: slow calls and 429s never push a call far past 5 s. */

import { functionContracts } from '@goal-families/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDEX_LIMITS, INDEX_PROPERTIES, indexFamilies } from './goal-families-index';
import { listFamilies } from './goal-families-list';
import { fakePortal, generatedRecords } from './testing/fake-portal';

const params = (cursor?: string) =>
  functionContracts.goal_families_index.params.parse({
    caller: { userId: '1' },
    portal: { id: '1', timeZone: 'UTC' },
    ...(cursor ? { cursor } : {}),
  });

describe('goal_families_index time budget', () => {
  it('no call exceeds the budget, whatever the latency and 429s, and the cursor resumes without loss', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 20, max: 900 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 1_000 }),
        async (latencyMs, every, seed) => {
          const throttled = (call: number) => every > 1 && (call + seed) % every === 0;
          const size = 2_500;
          const portal = fakePortal(generatedRecords(size), { latencyMs, throttled });
          let cursor: string | undefined;
          let scanned = 0;
          let slices = 0;
          for (let invocation = 0; invocation < 200; invocation++) {
            const started = portal.now();
            const result = await indexFamilies(portal.invocation(), params(cursor));
            // A reader starts a page only if it would end inside the budget. The fake portal answers
            // calls one after another (HubSpot answers them at once), so the other reader's call on its
            // way can push that page's end one latency further.
            expect(portal.now() - started).toBeLessThanOrEqual(INDEX_LIMITS.budgetMs + latencyMs);
            if (!result.ok) continue; // nothing done: the caller retries with the same cursor
            // Progress with every call, except a last one that only learns the two readers had met.
            if (result.nextCursor !== null) expect(result.scannedTargets).toBeGreaterThan(scanned);
            scanned = result.scannedTargets;
            slices += result.entries.reduce((n, e) => n + e.sliceCount, 0);
            if (result.nextCursor === null) break;
            cursor = result.nextCursor;
          }
          // Every target read exactly once, by one reader or the other.
          expect(scanned).toBe(size);
          expect(slices).toBe(size);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('reads only the properties the index needs, through the list endpoint and search at once', async () => {
    const portal = fakePortal(generatedRecords(450), { latencyMs: 10 });
    const result = await indexFamilies(portal.invocation(), params());
    expect(result).toMatchObject({ ok: true, scannedTargets: 450, nextCursor: null, progress: 1 });
    const methods = new Set(portal.log.map((c) => c.method));
    expect(methods).toEqual(new Set(['GET', 'POST']));
    for (const call of portal.log)
      expect([...(call.properties ?? [])].sort()).toEqual([...INDEX_PROPERTIES].sort());
    // 450 targets: list pages of 100 from the bottom, search pages of 200 from the top, no read twice.
    expect(portal.log.reduce((n, c) => n + c.results, 0)).toBeLessThanOrEqual(450 + 200);
  });

  it("the page call after the scan counts the scan's last searches: never a 6th search within a second", async () => {
    // No latency: the fake answers calls one after another, so with latency its clock would space
    // calls that HubSpot sees at once; without it, what the limiters allow is what the log shows.
    const portal = fakePortal(generatedRecords(3_000), { latencyMs: 0 });
    let cursor: string | undefined;
    let budget: string | undefined;
    const uuids = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const result = await indexFamilies(portal.invocation(), params(cursor));
      if (!result.ok) throw new Error(JSON.stringify(result));
      for (const e of result.entries) uuids.add(e.uuid);
      budget = result.budget;
      if (result.nextCursor === null) break;
      cursor = result.nextCursor;
    }
    const listParams = (extra: object) =>
      functionContracts.goal_families_list.params.parse({
        caller: { userId: '1' },
        portal: { id: '1', timeZone: 'UTC' },
        uuids: [...uuids].slice(0, 25),
        ...extra,
      });
    const page = await listFamilies(portal.invocation(), listParams({ budget }));
    expect(page).toMatchObject({ ok: true });
    const searches = portal.log.filter((c) => c.method === 'POST').map((c) => c.at);
    for (const [i, at] of searches.entries()) {
      const within = searches.filter((other, j) => j <= i && at - other < 1_000).length;
      expect(within, `search ${i + 1} of ${searches.length}`).toBeLessThanOrEqual(5);
    }
    // Without uuids a budget has no call to pace: refused, not ignored.
    const bare = { caller: { userId: '1' }, portal: { id: '1', timeZone: 'UTC' }, budget };
    expect(functionContracts.goal_families_list.params.safeParse(bare).success).toBe(false);
    // A budget that is not one the index returned changes nothing and says so.
    expect(await listFamilies(portal.invocation(), listParams({ budget: 'bm90LWEtYnVkZ2V0' }))).toMatchObject(
      {
        ok: false,
        error: { code: 'VALIDATION_ERROR' },
      },
    );
  });
});
