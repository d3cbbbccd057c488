/** The family index against the emulator: bounded per call, and the merged calls equal the portal. */

import { type FamilyIndexEntry, functionContracts } from '@goal-families/contract';
import { READ_PROPERTIES } from '@goal-families/domain';
import { createEmulator, DEFAULT_TOKEN, type Emulator, generatePortal } from '@goal-families/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sliceKey } from '../app/functions/entries/define-function';
import { createGatewayFromEnv } from '../gateway';
import type { UseCaseDeps } from './deps';
import { INDEX_LIMITS, type IndexLimits, indexFamilies } from './goal-families-index';

const TARGETS = 3_000;
let emulator: Emulator;
let baseUrl: string;
beforeAll(async () => {
  emulator = createEmulator({ seed: generatePortal({ targets: TARGETS }), rateLimits: false });
  ({ baseUrl } = await emulator.listen());
});
afterAll(() => emulator.close());

function deps(): UseCaseDeps {
  const gateway = createGatewayFromEnv(
    { HUBSPOT_API_BASE_URL: baseUrl, PRIVATE_APP_ACCESS_TOKEN: DEFAULT_TOKEN },
    { readProperties: READ_PROPERTIES, sliceKey },
  );
  return { gateway, now: Date.now, newUuid: () => '', newGroupId: () => '1' };
}

const params = (cursor?: string) =>
  functionContracts.goal_families_index.params.parse({
    caller: { userId: '1' },
    portal: { id: '1', timeZone: 'UTC' },
    ...(cursor ? { cursor } : {}),
  });

type Merged = Omit<FamilyIndexEntry, 'ownerIds' | 'teamIds'> & { ownerIds: string[]; teamIds: string[] };

/** The client's merge rule (the settings page has its own, unit-tested copy). */
function merge(into: Map<string, Merged>, e: FamilyIndexEntry) {
  const prev = into.get(e.uuid);
  if (!prev) {
    into.set(e.uuid, { ...e });
    return;
  }
  const lead = e.sliceCount > prev.sliceCount ? e : prev;
  const min = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
  const max = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
  into.set(e.uuid, {
    uuid: e.uuid,
    name: lead.name,
    goalType: lead.goalType,
    milestone: lead.milestone,
    ownerIds: [...new Set([...prev.ownerIds, ...e.ownerIds])].sort(),
    teamIds: [...new Set([...prev.teamIds, ...e.teamIds])].sort(),
    sliceCount: prev.sliceCount + e.sliceCount,
    periodStart: min(prev.periodStart, e.periodStart),
    periodEnd: max(prev.periodEnd, e.periodEnd),
  });
}

/** What the index should say, straight from the emulator's store. */
function expected(): Map<
  string,
  { sliceCount: number; name: string; ownerIds: string[]; teamIds: string[] }
> {
  const out = new Map<
    string,
    { sliceCount: number; name: string; ownerIds: Set<string>; teamIds: Set<string> }
  >();
  for (const r of emulator.store.listObjects('goal_targets')) {
    const uuid = r.properties.hs_group_correlation_uuid;
    if (!uuid) continue;
    const e = out.get(uuid) ?? {
      sliceCount: 0,
      name: r.properties.hs_goal_name ?? '',
      ownerIds: new Set<string>(),
      teamIds: new Set<string>(),
    };
    e.sliceCount++;
    if (r.properties.hubspot_owner_id) e.ownerIds.add(r.properties.hubspot_owner_id);
    if (r.properties.hs_assignee_team_id) e.teamIds.add(r.properties.hs_assignee_team_id);
    out.set(uuid, e);
  }
  return new Map(
    [...out].map(([uuid, e]) => [
      uuid,
      {
        sliceCount: e.sliceCount,
        name: e.name,
        ownerIds: [...e.ownerIds].sort(),
        teamIds: [...e.teamIds].sort(),
      },
    ]),
  );
}

describe('goal_families_index', () => {
  it.each([{ maxTargets: 150 }, { maxTargets: 700 }, { maxTargets: 20_000 }])(
    'merged over every call it equals the families of the portal (%o per call)',
    async (bound) => {
      const limits: IndexLimits = { ...INDEX_LIMITS, ...bound, budgetMs: 60_000 };
      const merged = new Map<string, Merged>();
      let cursor: string | undefined;
      let scanned = 0;
      let calls = 0;
      let progress = 0;
      for (; calls < 200; ) {
        const d = deps();
        const r = await indexFamilies(d, params(cursor), limits);
        calls++;
        expect(r.ok, JSON.stringify(r).slice(0, 300)).toBe(true);
        if (!r.ok) return;
        expect(functionContracts.goal_families_index.result.safeParse(r).success).toBe(true);
        // The per-invocation bound: a reader starts no page past `maxTargets`, and a page is at most
        // 100 (list) or 200 (search) targets; each reader has at most one page on its way.
        expect(r.scannedTargets - scanned).toBeLessThanOrEqual(bound.maxTargets + 100 + 200);
        expect(r.scannedTargets).toBeGreaterThan(scanned);
        expect(r.progress).toBeGreaterThanOrEqual(progress);
        scanned = r.scannedTargets;
        progress = r.progress;
        for (const e of r.entries) merge(merged, e);
        if (r.nextCursor === null) break;
        cursor = r.nextCursor;
      }
      expect(scanned).toBe(TARGETS);
      expect(progress).toBe(1);
      expect(calls).toBeLessThanOrEqual(Math.ceil(TARGETS / bound.maxTargets));
      const want = expected();
      expect(new Set(merged.keys())).toEqual(new Set(want.keys()));
      for (const [uuid, w] of want) {
        const got = merged.get(uuid);
        expect({ uuid, ...w }).toEqual({
          uuid,
          sliceCount: got?.sliceCount,
          name: got?.name,
          ownerIds: got?.ownerIds,
          teamIds: got?.teamIds,
        });
        expect(got?.periodStart).not.toBeNull();
        expect(got?.periodEnd).not.toBeNull();
      }
    },
  );

  it('refuses a cursor it did not return, and changes nothing', async () => {
    const before = emulator.snapshot();
    const r = await indexFamilies(deps(), params('bm90LWEtY3Vyc29y'));
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect(emulator.snapshot()).toBe(before);
  });
});
