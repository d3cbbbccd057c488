/** The app store's journal reads by key, against the emulator (unique `gf_key`, and an older store without it). */
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

const store = () =>
  createGatewayFromEnv(
    { HUBSPOT_API_BASE_URL: baseUrl, PRIVATE_APP_ACCESS_TOKEN: emulator.token },
    { readProperties: READ_PROPERTIES, sliceKey: () => '', retry: { baseDelayMs: 1, maxDelayMs: 2 } },
  ).store;

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
    await s.updateJournal(open.id, { n: 'closed' }, 'last:u');
    expect((await s.readJournalByKeys(['open:u', 'last:u'])).map((r) => [r.key, r.payload])).toEqual([
      ['last:u', { n: 'closed' }],
    ]);
    // The open key is free again.
    await s.appendJournal(entry('open:u'));
  });

  it('falls back to search in a store object made before keys were unique', async () => {
    const properties = ['gf_kind', 'gf_key', 'gf_family_uuid', 'gf_payload', 'gf_created_at'].map((name) => ({
      name,
      label: name,
      type: 'string',
      fieldType: 'text',
    }));
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
    const s = store();
    await s.appendJournal(entry('last:u'));
    expect((await s.readJournalByKeys(['open:u', 'last:u'])).map((r) => r.key)).toEqual(['last:u']);
  });
});
