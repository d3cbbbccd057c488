/** The card's one-call view against the emulator: whole families when they fit, partial ones when not. */

import { functionContracts } from '@goal-families/contract';
import { type RawGoalTarget, READ_PROPERTIES } from '@goal-families/domain';
import { rawSchedule } from '@goal-families/domain/testing';
import { createEmulator, DEFAULT_TOKEN, type Emulator } from '@goal-families/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { sliceKey } from '../../app/functions/entries/define-function';
import { createGatewayFromEnv } from '../../gateway';
import type { UseCaseDeps } from '../deps';
import { listFamilies } from '../goal-families-list';
import { CARD_WHOLE_FAMILY_PAGES } from './card-view';

const REP = '7001';
const uuidOf = (f: number) => `00000000-0000-4000-8000-${String(f).padStart(12, '0')}`;

/** `families` goals of `assignees` owners × 12 months each; the rep is one of every goal's assignees. */
function portal(families: number, assignees: number) {
  const raws: RawGoalTarget[] = [];
  let id = 1;
  for (let f = 0; f < families; f++) {
    for (let a = 0; a < assignees; a++) {
      raws.push(
        ...rawSchedule({
          uuid: uuidOf(f),
          groupId: String(10_000 * (f + 1) + a),
          assignee: a === 0 ? REP : String(8_000 + a),
          name: `Goal ${String(f).padStart(2, '0')}`,
          firstId: id,
        }),
      );
      id += 12;
    }
  }
  return {
    owners: [],
    teams: [],
    users: [
      {
        id: '1',
        email: 'admin@example.com',
        firstName: 'Ada',
        lastName: 'Admin',
        superAdmin: true,
        secondaryTeamIds: [],
        roleIds: [],
      },
    ],
    pipelines: {},
    objects: {
      goal_targets: raws.map((r) => ({ id: r.id, properties: r.properties as Record<string, string> })),
    },
  };
}

let emulator: Emulator | undefined;
afterEach(() => emulator?.close());

async function card(families: number, assignees: number) {
  emulator = createEmulator({ seed: portal(families, assignees), rateLimits: false });
  const { baseUrl } = await emulator.listen();
  const gateway = createGatewayFromEnv(
    { HUBSPOT_API_BASE_URL: baseUrl, PRIVATE_APP_ACCESS_TOKEN: DEFAULT_TOKEN },
    { readProperties: READ_PROPERTIES, sliceKey },
  );
  const deps: UseCaseDeps = { gateway, now: Date.now, newUuid: () => '', newGroupId: () => '1' };
  const params = functionContracts.goal_families_list.params.parse({
    caller: { userId: '1' },
    portal: { id: '1', timeZone: 'UTC' },
    filter: { ownerId: REP },
    view: 'card',
    limit: 50,
  });
  const result = await listFamilies(deps, params);
  if (!result.ok) throw new Error(result.error.message);
  expect(functionContracts.goal_families_list.result.safeParse(result).success).toBe(true);
  return { result, calls: gateway.calls.byEndpoint() };
}

describe('goal_families_list, card view', () => {
  it('reads the shown families whole when they fit, and gives slices for the rep’s group only', async () => {
    const { result, calls } = await card(3, 20);
    expect(result.total).toBe(3);
    expect(result.app?.canEdit).toBe(true);
    for (const family of result.families) {
      expect(family.partial).toBeUndefined();
      expect(family.sliceCount).toBe(20 * 12);
      expect(family.groups).toHaveLength(20);
      const withSlices = family.groups.filter((g) => g.slices !== undefined);
      expect(withSlices.map((g) => g.assignee?.id)).toEqual([REP]);
      expect(withSlices[0]?.slices).toHaveLength(12);
    }
    // 720 slices in all: the first page (200) says so, then the rest; the rep's 36 slices before that.
    expect(calls['POST /crm/v3/objects/goal_targets/search']).toBe(1 + 1 + 3);
  });

  it('shows families too large to read in a second or two from the rep’s own slices, marked partial', async () => {
    // 10 goals of 100 × 12: 12,000 slices, past the card's budget.
    const { result, calls } = await card(10, 100);
    expect(10 * 100 * 12).toBeGreaterThan(CARD_WHOLE_FAMILY_PAGES * 200);
    expect(result.families).toHaveLength(10);
    for (const family of result.families) {
      expect(family.partial).toBe(true);
      expect(family.groups.map((g) => g.assignee?.id)).toEqual([REP]);
      expect(family.groups[0]?.slices).toHaveLength(12);
      expect(family.sliceCount).toBe(12);
    }
    // The rep's slices, then one page of the families that shows how many they hold: no more.
    expect(calls['POST /crm/v3/objects/goal_targets/search']).toBe(1 + 1);
    expect(JSON.stringify(result).length).toBeLessThan(100_000);
  });
});
