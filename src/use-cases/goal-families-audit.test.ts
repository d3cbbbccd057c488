import { functionContracts } from '@goal-families/contract';
import { READ_PROPERTIES } from '@goal-families/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sliceKey } from '../app/functions/entries/define-function';
import type { HttpRequest, HttpResponse } from '../gateway';
import { createGatewayFromEnv } from '../gateway';
import { AUDIT_LIMITS, auditPortal, UNFINISHED_READ_MS } from './goal-families-audit';

type Filter = { propertyName: string; operator: string; value?: string; values?: string[] };
type SearchBody = { filterGroups: { filters: Filter[] }[]; limit: number };

/** A portal of `size` targets in families of 12, answering search with a latency and scripted 429s. */
function portal(size: number, latencyMs: number, throttled: (call: number) => boolean) {
  let t = 1_000_000;
  let calls = 0;
  const sleep = async (ms: number) => {
    t += ms;
  };
  const records = Array.from({ length: size }, (_, i) => ({
    id: String(i + 1),
    properties: {
      hs_object_id: String(i + 1),
      hs_group_correlation_uuid: `00000000-0000-4000-8000-${String(Math.floor(i / 12)).padStart(12, '0')}`,
      hs_goal_target_group_id: '1',
      hs_goal_name: 'Quota',
      hs_start_datetime: new Date(Date.UTC(2026, i % 12, 1)).toISOString(),
      hs_end_datetime: new Date(Date.UTC(2026, (i % 12) + 1, 1) - 1).toISOString(),
      hs_target_amount: '100.00',
      hs_lastmodifieddate: '1',
    },
  }));
  const matches = (r: (typeof records)[number], f: Filter) => {
    const value = r.properties[f.propertyName as keyof typeof r.properties];
    if (f.operator === 'GT') return Number(value) > Number(f.value);
    if (f.operator === 'IN') return f.values?.includes(value) ?? false;
    if (f.operator === 'EQ') return value === f.value;
    return true;
  };
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
    // No app store in this portal: the settings' defaults apply, and there are no unfinished changes.
    if (request.method === 'GET') return { status: 200, headers: {}, body: { results: [] } };
    const body = request.body as SearchBody;
    const filters = body.filterGroups.flatMap((g) => g.filters);
    const all = records.filter((r) => filters.every((f) => matches(r, f)));
    const results = all.slice(0, body.limit);
    return { status: 200, headers: {}, body: { total: all.length, results } };
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
  return { deps: { gateway, now: () => t, newUuid: () => '', newGroupId: () => '1' }, now: () => t };
}

const params = (cursor?: string) =>
  functionContracts.goal_families_audit.params.parse({
    caller: { userId: '1' },
    portal: { id: '1', timeZone: 'UTC' },
    ...(cursor ? { cursor } : {}),
  });

describe('goal_families_audit time budget', () => {
  it('no invocation exceeds the budget, whatever the latency and 429s, and the cursor resumes without loss', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 20, max: 900 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 1_000 }),
        async (latencyMs, every, seed) => {
          // Every `every`-th call (from a seeded offset) is a 429; 0 = none; 1 would mean all.
          const throttled = (call: number) => every > 1 && (call + seed) % every === 0;
          const size = 2_500;
          const { deps, now } = portal(size, latencyMs, throttled);
          let cursor: string | undefined;
          let scanned = 0;
          for (let invocation = 0; invocation < 60; invocation++) {
            const started = now();
            const result = await auditPortal(deps, params(cursor));
            // The scan's budget, plus the bounded read of the audited families' unfinished changes.
            expect(now() - started).toBeLessThanOrEqual(AUDIT_LIMITS.budgetMs + UNFINISHED_READ_MS);
            if (!result.ok) continue; // nothing done: the caller retries with the same cursor
            expect(result.scannedTargets).toBeGreaterThan(scanned);
            scanned = result.scannedTargets;
            if (result.nextCursor === null) break;
            cursor = result.nextCursor;
          }
          expect(scanned).toBe(size);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('stops early and returns a cursor when pages are slow, instead of starting one it cannot finish', async () => {
    // 800 ms a call, 3 calls a page (the scan, then the ~17 families it touches: 204 slices, 2 search
    // pages): 2.4 s a page. The first call of a health check also reads the settings' default zone
    // (1 call: no app store yet), so its first page takes 3.2 s and a 2nd (ending at 6.4 s) is not
    // started; later calls take the zone from the cursor and fit 2 pages in 5 s.
    const { deps, now } = portal(2_000, 800, () => false);
    const result = await auditPortal(deps, params());
    expect(now() - 1_000_000).toBeLessThanOrEqual(AUDIT_LIMITS.budgetMs);
    expect(result).toMatchObject({ ok: true, scannedTargets: 200 });
    if (!result.ok || result.nextCursor === null) throw new Error('expected a cursor');
    const started = now();
    const next = await auditPortal(deps, params(result.nextCursor));
    expect(now() - started).toBeLessThanOrEqual(AUDIT_LIMITS.budgetMs);
    expect(next).toMatchObject({ ok: true, scannedTargets: 600 });
  });
});
