/**
 * A change whose read of the journal went stale before it could open its entry: another change was
 * applied in between. The pending entry's unique `follows` claim makes the open fail, so nothing of
 * the stale change is written — without reading the journal a second time. A change rolled back lets
 * go of its claim; a claim left behind by a record that no longer counts is released.
 */
import type { Params } from '@goal-families/contract';
import { functionContracts } from '@goal-families/contract';
import { planFamilyUpdate } from '@goal-families/domain';
import { describe, expect, it, vi } from 'vitest';
import type { UseCaseDeps } from '../deps';
import { updateFamily } from '../goal-family-update';
import type { CrmRecord } from '../ports';
import { createFakeGateway, type FakeFailures } from '../testing/fake-gateway';
import { journalKeys, readFamilyJournal } from './journal-lifecycle';
import { planOrFailure, withFamily } from './plan-result';
import { loadFamily } from './read-family';
import { executeMutation, type MutationSpec } from './run-mutation';

const UUID = '33333333-3333-4333-8333-333333333333';

function family(): CrmRecord[] {
  return Array.from({ length: 12 }, (_, i) => ({
    id: String(20_000 + i),
    properties: {
      hs_group_correlation_uuid: UUID,
      hs_goal_target_group_id: '1',
      hs_goal_name: 'Quota',
      hs_goal_type: 'sales_quota',
      hs_start_datetime: new Date(Date.UTC(2026, i, 1)).toISOString(),
      hs_end_datetime: new Date(Date.UTC(2026, i + 1, 1) - 1).toISOString(),
      hs_target_amount: '100.00',
      hs_assignee_user_id: '100',
      hs_lastmodifieddate: '1',
    },
  }));
}

const rename = (name: string, more: Record<string, unknown> = {}): Params<'goal_family_update'> =>
  functionContracts.goal_family_update.params.parse({
    caller: { userId: '1' },
    portal: { id: '1', timeZone: 'UTC' },
    uuid: UUID,
    changes: { name },
    ...more,
  }) as Params<'goal_family_update'>;

/** A rename previewed, then applied with the preview's version. */
async function previewAndApply(deps: UseCaseDeps, name: string) {
  const preview = await updateFamily(deps, rename(name, { dryRun: true }));
  if (!preview.ok || !preview.dryRun) throw new Error(JSON.stringify(preview));
  return () => updateFamily(deps, rename(name, { version: preview.plan.version }));
}

function portal() {
  const failures: FakeFailures = {};
  const fake = createFakeGateway(family(), failures);
  const deps: UseCaseDeps = {
    gateway: fake.gateway,
    now: () => Date.UTC(2026, 5, 1),
    newUuid: () => UUID,
    newGroupId: () => '2',
  };
  const names = () => new Set([...fake.live.values()].map((r) => r.properties.hs_goal_name));
  return { fake, deps, names, failures };
}

/**
 * The next time a change opens its journal entry, `other` runs to its end first: after that change
 * read the journal and the goal, before it could open its entry.
 */
function raceBeforeOpen(fake: ReturnType<typeof createFakeGateway>, other: () => Promise<unknown>) {
  const store = fake.gateway.store;
  const append = store.appendJournal.bind(store);
  let raced = false;
  store.appendJournal = async (entry) => {
    if (!raced) {
      raced = true;
      expect(await other()).toMatchObject({ ok: true });
    }
    return append(entry);
  };
}

const renameSpec = (deps: UseCaseDeps, name: string): MutationSpec => ({
  uuid: UUID,
  load: (known) => loadFamily(deps.gateway, UUID, known),
  familyWide: true,
  plan: withFamily(({ family }) => planOrFailure(planFamilyUpdate(family, { name }))),
});

describe('a change whose read of the journal went stale', () => {
  it('applying a preview: refused as CHANGED_MEANWHILE, nothing of it written', async () => {
    const { fake, deps, names } = portal();
    const mine = await previewAndApply(deps, 'Mine');
    raceBeforeOpen(fake, await previewAndApply(deps, 'Other'));
    const r = await mine();
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'CHANGED_MEANWHILE' } },
    });
    expect(names()).toEqual(new Set(['Other']));
  });

  it('a change that names no version (a create, say): starts over once, on the goal as the other left it', async () => {
    const { fake, deps, names } = portal();
    raceBeforeOpen(fake, await previewAndApply(deps, 'Other'));
    const params = { caller: { userId: '1' }, portal: { timeZone: 'UTC' }, dryRun: false };
    const r = await executeMutation(deps, params, renameSpec(deps, 'Mine'));
    expect(r.result).toMatchObject({ ok: true, applied: { updated: 12 } });
    expect(names()).toEqual(new Set(['Mine']));
    // Two applied changes: the newest follows the other one.
    const { last } = await readFamilyJournal(fake.gateway.store, UUID);
    expect(last?.payload).toMatchObject({ state: 'applied' });
    expect(last?.payload).toMatchObject({ follows: expect.any(String) });
  });
});

describe('the claim on the entry a change follows', () => {
  it('a change rolled back lets go of it: the next change follows the same entry', async () => {
    const { deps, failures } = portal();
    expect(await (await previewAndApply(deps, 'First'))()).toMatchObject({ ok: true });
    failures.update = new Set(['20005']);
    const rolledBack = await (await previewAndApply(deps, 'Rolled back'))();
    expect(rolledBack).toMatchObject({ ok: false, error: { code: 'PARTIAL_FAILURE_ROLLED_BACK' } });
    delete failures.update;
    // The close let go of it: the next change needs no release of a leftover claim.
    const release = vi.spyOn(deps.gateway.store, 'releaseFollows');
    expect(await (await previewAndApply(deps, 'Third'))()).toMatchObject({
      ok: true,
      applied: { updated: 12 },
    });
    expect(release).not.toHaveBeenCalled();
  });

  it('a claim left behind by a record that no longer counts is released, and the change goes ahead', async () => {
    const { fake, deps } = portal();
    const store = fake.gateway.store;
    expect(await (await previewAndApply(deps, 'First'))()).toMatchObject({ ok: true });
    const { last: first } = await readFamilyJournal(store, UUID);
    // A record claiming to follow the newest entry, under a key of its own (no lock, not the newest).
    await store.appendJournal({
      familyUuid: UUID,
      key: 'done:leftover',
      payload: { leftover: true },
      createdAt: new Date(0).toISOString(),
      follows: journalKeys.follows(UUID, first?.id ?? null),
    });
    expect(await (await previewAndApply(deps, 'Second'))()).toMatchObject({
      ok: true,
      applied: { updated: 12 },
    });
  });
});

describe("the family's newest entry", () => {
  it('alternates between its two keys, and each close is one write of both records', async () => {
    const { deps } = portal();
    const store = deps.gateway.store;
    const closes = vi.spyOn(store, 'updateJournals');
    const keys: string[] = [];
    for (const name of ['One', 'Two', 'Three']) {
      expect(await (await previewAndApply(deps, name))()).toMatchObject({ ok: true });
      keys.push((await readFamilyJournal(store, UUID)).last?.key ?? '');
    }
    expect(keys).toEqual([...journalKeys.newest(UUID), journalKeys.newest(UUID)[0]]);
    expect(closes).toHaveBeenCalledTimes(3);
  });

  it('an older entry left under the other key (a close written in part) steps back at the next close', async () => {
    const { deps, names } = portal();
    const store = deps.gateway.store;
    expect(await (await previewAndApply(deps, 'One'))()).toMatchObject({ ok: true });
    const one = (await readFamilyJournal(store, UUID)).last;
    if (!one) throw new Error('no newest entry');
    // A second change whose close took the other key while the first kept its own.
    expect(await (await previewAndApply(deps, 'Two'))()).toMatchObject({ ok: true });
    const two = (await readFamilyJournal(store, UUID)).last;
    if (!two) throw new Error('no newest entry');
    await store.updateJournal(one.id, one.payload, { key: journalKeys.newest(UUID)[0] });
    const both = await readFamilyJournal(store, UUID);
    expect([both.last?.id, both.stale?.id]).toEqual([two.id, one.id]);
    expect(await (await previewAndApply(deps, 'Three'))()).toMatchObject({ ok: true });
    const after = await readFamilyJournal(store, UUID);
    expect(after.last?.payload.follows).toBe(two.id);
    expect(after.stale).toBeNull();
    expect(names()).toEqual(new Set(['Three']));
  });
});

describe('what a newest key can hold', () => {
  it('a pending entry under a newest key is a copy: never the newest, and set aside by the next change', async () => {
    const { deps, names } = portal();
    const store = deps.gateway.store;
    expect(await (await previewAndApply(deps, 'One'))()).toMatchObject({ ok: true });
    const one = (await readFamilyJournal(store, UUID)).last;
    if (!one) throw new Error('no newest entry');
    const copy = await store.appendJournal({
      familyUuid: UUID,
      key: journalKeys.newest(UUID)[1],
      payload: { ...one.payload, state: 'pending', at: new Date(Date.UTC(2030, 0, 1)).toISOString() },
      createdAt: new Date(0).toISOString(),
    });
    const read = await readFamilyJournal(store, UUID);
    expect(read.last?.id).toBe(one.id);
    expect(read.blocking).toContain(copy.id);
    expect(await (await previewAndApply(deps, 'Two'))()).toMatchObject({ ok: true });
    expect((await readFamilyJournal(store, UUID)).last?.payload.follows).toBe(one.id);
    expect(names()).toEqual(new Set(['Two']));
  });
});
