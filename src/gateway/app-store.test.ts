/**
 * The app store against the emulator: records read by key (unique `gf_unique_key`, and an older store
 * without it), what a change reads in one call, and the unique `gf_follows` claim.
 */
import { READ_PROPERTIES } from '@goal-families/domain';
import { createEmulator, type Emulator } from '@goal-families/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGatewayFromEnv } from './factory';

let emulator: Emulator;
let baseUrl: string;
beforeAll(async () => {
  emulator = createEmulator({ seed: 'empty' });
  baseUrl = (await emulator.listen()).baseUrl;
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset('empty');
  emulator.configure({ searchLagMs: 0 });
});

const gateway = () =>
  createGatewayFromEnv(
    { HUBSPOT_API_BASE_URL: baseUrl, PRIVATE_APP_ACCESS_TOKEN: emulator.token },
    { readProperties: READ_PROPERTIES, sliceKey: () => '', retry: { baseDelayMs: 1, maxDelayMs: 2 } },
  );
const store = () => gateway().store;

/** A text property of a store object made by an earlier version of the app. */
const text = (name: string) => ({ name, label: name, type: 'string', fieldType: 'text' });

/** The store object as an earlier version of the app made it, with only these properties. */
async function olderStore(properties: Record<string, unknown>[]) {
  const res = await fetch(`${baseUrl}/crm/v3/schemas`, {
    method: 'POST',
    headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'goal_families_record',
      labels: { singular: 'r', plural: 'rs' },
      primaryDisplayProperty: 'gf_key',
      requiredProperties: ['gf_kind', 'gf_key'],
      properties,
    }),
  });
  expect(res.status).toBe(201);
}

const entry = (key: string) => ({
  familyUuid: 'u',
  key,
  payload: { n: key },
  createdAt: '2026-12-01T00:00:00.000Z',
});

describe('journal records by key', () => {
  it('reads them by key at once, and refuses a second record with a taken key', async () => {
    emulator.configure({ searchLagMs: 60_000 });
    const s = store();
    await s.appendJournal(entry('open:u'));
    await expect(s.appendJournal(entry('open:u'))).rejects.toThrow();
    const found = await s.readJournalByKeys(['open:u', 'last:u']);
    expect(found.map((r) => r.key)).toEqual(['open:u']);
    const [open] = found;
    if (!open) throw new Error('not found');
    await s.updateJournal(open.id, { n: 'closed' }, { key: 'last:u' });
    expect((await s.readJournalByKeys(['open:u', 'last:u'])).map((r) => [r.key, r.payload])).toEqual([
      ['last:u', { n: 'closed' }],
    ]);
    // The open key is free again.
    await s.appendJournal(entry('open:u'));
  });

  it('falls back to search in a store object made before keys were unique', async () => {
    await olderStore(['gf_kind', 'gf_key', 'gf_family_uuid', 'gf_payload', 'gf_created_at'].map(text));
    const s = store();
    await s.appendJournal(entry('last:u'));
    expect((await s.readJournalByKeys(['open:u', 'last:u'])).map((r) => r.key)).toEqual(['last:u']);
  });
});

describe('what a change reads of the store, in one call', () => {
  it('settings, journal keys and index keys in one batch read; the settings read is answered by it', async () => {
    await store().putSettings({ n: 1 }, null, '2026-12-01T00:00:00.000Z');
    await store().appendJournal(entry('last:u'));
    await store().writeIndexRecords([
      { key: 'index:meta', payload: { m: 1 }, at: '2026-12-01T00:00:00.000Z' },
    ]);
    const g = gateway();
    const records = await g.store.readByKeys(['open:u', 'last:u', 'index:meta', 'index:a:1'], {
      settings: true,
    });
    expect(records.map((r) => r.key).sort()).toEqual(['index:meta', 'last:u', 'settings']);
    expect((await g.store.getSettings())?.payload).toEqual({ n: 1 });
    // The one batch read (and a schema listing, on an instance that does not know the store yet):
    // the settings cost no call of their own.
    const calls = Object.entries(g.calls.byEndpoint()).filter(([k]) => !k.includes('schemas'));
    expect(calls).toEqual([['POST /crm/v3/objects/{customType}/batch/read', 1]]);
  });

  it('refuses more keys than one batch read takes', async () => {
    await store().appendJournal(entry('last:u'));
    const keys = Array.from({ length: 100 }, (_, i) => `done:u:${i}`);
    await expect(store().readByKeys(keys, { settings: true })).rejects.toThrow(RangeError);
  });
});

describe('the unique claim on the entry a change follows', () => {
  const pending = (key: string, follows: string) => ({ ...entry(key), follows });

  it('a second record following the same entry is refused; a released claim is free again', async () => {
    const s = store();
    const first = await s.appendJournal(pending('open:u', 'u:e1'));
    await expect(s.appendJournal(pending('open:v', 'u:e1'))).rejects.toThrow();
    // Closing without letting go keeps the claim; rolling back lets go of it.
    await s.updateJournal(first.id, { n: 'applied' }, { key: 'last:u' });
    await expect(s.appendJournal(pending('open:u', 'u:e1'))).rejects.toThrow();
    await s.updateJournal(first.id, { n: 'rolled back' }, { key: 'done:u:1', releaseFollows: true });
    await s.appendJournal(pending('open:u', 'u:e1'));
  });

  it('releaseFollows lets a leftover claim go, and answers null when nobody holds it', async () => {
    const s = store();
    const leftover = await s.appendJournal(pending('done:u:x', 'u:e2'));
    expect((await s.releaseFollows('u:e2'))?.id).toBe(leftover.id);
    expect(await s.releaseFollows('u:e2')).toBeNull();
    await s.appendJournal(pending('open:u', 'u:e2'));
  });

  it('a store made before the claim existed gains the property on its first write', async () => {
    await olderStore([
      ...['gf_kind', 'gf_key', 'gf_family_uuid', 'gf_payload', 'gf_created_at', 'gf_signature'].map(text),
      { ...text('gf_unique_key'), hasUniqueValue: true },
    ]);
    const s = store();
    await s.appendJournal(pending('open:u', 'u:e3'));
    await expect(s.appendJournal(pending('open:w', 'u:e3'))).rejects.toThrow();
  });
});

describe('closing a journal entry in one call', () => {
  it('the newest entry steps back while the closing one takes the other newest key: one batch update', async () => {
    const g = gateway();
    const s = g.store;
    // Records this invocation wrote (or read) are re-signed without reading them again.
    const previous = await s.appendJournal(entry('last:u'));
    const closing = await s.appendJournal(entry('open:u'));
    const written = await g.store.updateJournals([
      { id: previous.id, payload: { n: 'older' }, change: { key: 'done:u:1' } },
      { id: closing.id, payload: { n: 'newest' }, change: { key: 'last:u:2' } },
    ]);
    expect(written.records.map((r) => [r.key, r.payload])).toEqual([
      ['done:u:1', { n: 'older' }],
      ['last:u:2', { n: 'newest' }],
    ]);
    const calls = Object.entries(g.calls.byEndpoint()).filter(
      ([k]) => !k.includes('schemas') && k !== 'POST /crm/v3/objects/{customType}',
    );
    expect(calls).toEqual([['POST /crm/v3/objects/{customType}/batch/update', 1]]);
    expect((await s.readJournalByKeys(['open:u', 'last:u', 'last:u:2'])).map((r) => r.key)).toEqual([
      'last:u:2',
    ]);
  });

  it('index records by id in the same call, best effort: one missing does not fail the close', async () => {
    const g = gateway();
    const s = g.store;
    await s.writeIndexRecords([{ key: 'index:meta', payload: { m: 1 }, at: '2026-12-01T00:00:00.000Z' }]);
    const [meta] = await s.readByKeys(['index:meta']);
    if (!meta) throw new Error('no index meta');
    const closing = await s.appendJournal(entry('open:u'));
    const page = { key: 'index:meta', payload: { m: 2 }, at: '2026-12-01T00:00:01.000Z' };
    const both = await s.updateJournals(
      [{ id: closing.id, payload: { n: 'applied' }, change: { key: 'last:u' } }],
      [{ ...page, id: meta.id }],
    );
    expect(both.alongside).toBe(true);
    const [read] = await store().readByKeys(['index:meta']);
    expect([read?.payload, read?.trusted]).toEqual([{ m: 2 }, true]);
    const gone = await s.updateJournals(
      [{ id: closing.id, payload: { n: 'again' } }],
      [{ ...page, id: '999999999' }],
    );
    expect(gone.alongside).toBe(false);
    expect(gone.records.map((r) => r.payload)).toEqual([{ n: 'again' }]);
  });

  it('a key cannot pass from one record to another within the call: refused, nothing written', async () => {
    const s = store();
    const previous = await s.appendJournal(entry('last:u'));
    const closing = await s.appendJournal(entry('open:u'));
    await expect(
      s.updateJournals([
        { id: previous.id, payload: { n: 'older' }, change: { key: 'done:u:1' } },
        { id: closing.id, payload: { n: 'newest' }, change: { key: 'last:u' } },
      ]),
    ).rejects.toThrow();
    expect((await s.readJournalByKeys(['open:u', 'last:u'])).map((r) => r.key).sort()).toEqual([
      'last:u',
      'open:u',
    ]);
  });
});
