/** The family index's time bound, on a virtual clock: slow calls and 429s never push a call past 5 s. */

import { functionContracts } from '@goal-families/contract';
import { READ_PROPERTIES } from '@goal-families/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sliceKey } from '../app/functions/entries/define-function';
import type { HttpRequest, HttpResponse } from '../gateway';
import { createGatewayFromEnv } from '../gateway';
import { INDEX_LIMITS, INDEX_PROPERTIES, indexFamilies } from './goal-families-index';

type Filter = { propertyName: string; operator: string; value?: string };
type SearchBody = { filterGroups: { filters: Filter[] }[]; limit: number; properties: string[] };

/** `size` targets in families of 12; every call takes `latencyMs` and some answer 429. */
function portal(size: number, latencyMs: number, throttled: (call: number) => boolean) {
  let t = 1_000_000;
  let calls = 0;
  const asked: string[][] = [];
  const sleep = async (ms: number) => {
    t += ms;
  };
  const records = Array.from({ length: size }, (_, i) => ({
    id: String(i + 1),
    properties: {
      hs_object_id: String(i + 1),
      hs_group_correlation_uuid: `00000000-0000-4000-8000-${String(Math.floor(i / 12)).padStart(12, '0')}`,
      hs_goal_name: 'Quota',
      hs_start_datetime: new Date(Date.UTC(2026, i % 12, 1)).toISOString(),
      hs_end_datetime: new Date(Date.UTC(2026, (i % 12) + 1, 1) - 1).toISOString(),
    },
  }));
  const transport = async (request: HttpRequest): Promise<HttpResponse> => {
    await sleep(latencyMs);
    calls++;
    if (throttled(calls)) {
      return {
        status: 429,
        headers: {},
        body: { status: 'error', message: 'limit', policyName: 'SECONDLY' },
      };
    }
    const body = request.body as SearchBody;
    asked.push(body.properties);
    const after = body.filterGroups.flatMap((g) => g.filters).find((f) => f.operator === 'GT')?.value;
    const all = records.filter((r) => after === undefined || Number(r.id) > Number(after));
    return { status: 200, headers: {}, body: { total: all.length, results: all.slice(0, body.limit) } };
  };
  const gateway = createGatewayFromEnv(
    {},
    {
      readProperties: READ_PROPERTIES,
      sliceKey,
      now: () => t,
      retry: { sleep, random: () => 0.5 },
      transport,
    },
  );
  return { deps: { gateway, now: () => t, newUuid: () => '', newGroupId: () => '1' }, now: () => t, asked };
}

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
          const { deps, now } = portal(size, latencyMs, throttled);
          let cursor: string | undefined;
          let scanned = 0;
          let slices = 0;
          for (let invocation = 0; invocation < 80; invocation++) {
            const started = now();
            const result = await indexFamilies(deps, params(cursor));
            expect(now() - started).toBeLessThanOrEqual(INDEX_LIMITS.budgetMs);
            if (!result.ok) continue; // nothing done: the caller retries with the same cursor
            expect(result.scannedTargets).toBeGreaterThan(scanned);
            scanned = result.scannedTargets;
            slices += result.entries.reduce((n, e) => n + e.sliceCount, 0);
            if (result.nextCursor === null) break;
            cursor = result.nextCursor;
          }
          expect(scanned).toBe(size);
          expect(slices).toBe(size);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('reads only the properties the index needs', async () => {
    const { deps, asked } = portal(450, 10, () => false);
    const result = await indexFamilies(deps, params());
    expect(result).toMatchObject({ ok: true, scannedTargets: 450, nextCursor: null, progress: 1 });
    expect(asked).toHaveLength(3);
    for (const properties of asked) expect([...properties].sort()).toEqual([...INDEX_PROPERTIES].sort());
  });
});
