import {
  type FunctionUid,
  functionContracts,
  MAX_SLICES_PER_INVOCATION,
  type Params,
} from '@goal-families/contract';
import { describe, expect, it } from 'vitest';
import type { UseCaseDeps } from '../deps';
import { archiveFamily } from '../goal-family-archive';
import { cloneFamily } from '../goal-family-clone';
import { updateFamily } from '../goal-family-update';
import type { CrmRecord } from '../ports';
import { createFakeGateway } from '../testing/fake-gateway';

const UUID = '11111111-1111-4111-8111-111111111111';
const NEW_UUID = '22222222-2222-4222-8222-222222222222';

/** A family of `n` monthly slices, 12 per assignee group. */
function family(n: number): CrmRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const start = Date.UTC(2026, i % 12, 1);
    const end = Date.UTC(2026, (i % 12) + 1, 1) - 1;
    return {
      id: String(10_000 + i),
      properties: {
        hs_group_correlation_uuid: UUID,
        hs_goal_target_group_id: String(1 + Math.floor(i / 12)),
        hs_goal_name: 'Quota',
        hs_goal_type: 'sales_quota',
        hs_start_datetime: new Date(start).toISOString(),
        hs_end_datetime: new Date(end).toISOString(),
        hs_target_amount: '100.00',
        hs_assignee_user_id: String(100 + Math.floor(i / 12)),
        hs_lastmodifieddate: '1',
      },
    };
  });
}

function setup(n: number) {
  const fake = createFakeGateway(family(n));
  const deps: UseCaseDeps = {
    gateway: fake.gateway,
    now: () => 0,
    newUuid: () => NEW_UUID,
    newGroupId: () => '999',
  };
  const snapshot = () => JSON.stringify([...fake.live.values()]);
  return { deps, fake, before: snapshot(), snapshot };
}

// The fake portal's users are super admins (testing/fake-gateway.ts).
const base = { caller: { userId: '1' }, portal: { id: '1', timeZone: 'UTC' } };
const tooLarge = MAX_SLICES_PER_INVOCATION + 12;

/** A preview, or an apply with some version (the size is refused before any version check). */
const mode = (dryRun: boolean) => (dryRun ? { dryRun } : { dryRun, version: 'v-from-a-preview' });

/** Parameters as the function entry hands them to the use case: parsed by the contract. */
const params = <U extends FunctionUid>(uid: U, p: Record<string, unknown>): Params<U> =>
  functionContracts[uid].params.parse({ ...base, ...p }) as Params<U>;

describe('families too large for one invocation', () => {
  it.each([
    {
      name: 'rename',
      run: (deps: UseCaseDeps, dryRun: boolean) =>
        updateFamily(
          deps,
          params('goal_family_update', { ...mode(dryRun), uuid: UUID, changes: { name: 'New' } }),
        ),
    },
    {
      name: 'archive',
      run: (deps: UseCaseDeps, dryRun: boolean) =>
        archiveFamily(deps, params('goal_family_archive', { ...mode(dryRun), uuid: UUID })),
    },
    {
      name: 'clone',
      run: (deps: UseCaseDeps, dryRun: boolean) =>
        cloneFamily(deps, params('goal_family_clone', { dryRun, uuid: UUID, newUuid: NEW_UUID })),
    },
  ])('$name of a family over the limit is refused in preview and apply, nothing written', async ({ run }) => {
    for (const dryRun of [true, false]) {
      const { deps, before, snapshot } = setup(tooLarge);
      const result = await run(deps, dryRun);
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_ERROR', details: { reason: 'FAMILY_TOO_LARGE', slices: tooLarge } },
      });
      if (!result.ok) expect(result.error.message).toMatch(/too large to change safely in one invocation/);
      expect(snapshot()).toBe(before);
    }
  });

  it('a family at the limit is still renamed', async () => {
    const { deps, fake } = setup(MAX_SLICES_PER_INVOCATION);
    const rename = { uuid: UUID, changes: { name: 'New' } };
    const preview = await updateFamily(deps, params('goal_family_update', { ...rename, dryRun: true }));
    if (!preview.ok) throw new Error(preview.error.message);
    if (!preview.dryRun) throw new Error('expected a preview');
    const version = preview.plan.version;
    const result = await updateFamily(
      deps,
      params('goal_family_update', { ...rename, dryRun: false, version }),
    );
    expect(result.ok).toBe(true);
    expect(new Set([...fake.live.values()].map((r) => r.properties.hs_goal_name))).toEqual(new Set(['New']));
  });

  it.each([
    { assignees: 100, periods: 12, ok: true },
    { assignees: 101, periods: 12, ok: false },
    { assignees: 20, periods: 60, ok: true },
    { assignees: 500, periods: 3, ok: false },
  ])('create: $assignees assignees × $periods periods accepted: $ok', ({ assignees, periods, ok }) => {
    const parsed = functionContracts.goal_family_create.params.safeParse({
      ...base,
      name: 'Quota',
      startDate: '2026-01-01',
      periodCount: periods,
      milestone: 'monthly',
      assignees: Array.from({ length: assignees }, (_, i) => ({ kind: 'owner', id: String(i + 1) })),
      spread: { mode: 'even', total: '1000.00' },
    });
    expect(parsed.success, JSON.stringify(parsed.error?.issues[0])).toBe(ok);
  });
});
