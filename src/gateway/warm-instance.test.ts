/**
 * What a warm function instance remembers: the store's custom object type (immutable), never the
 * settings. Each `gateway()` is one invocation, built from the environment as a function builds it.
 */
import { READ_PROPERTIES } from '@goal-families/domain';
import { createEmulator, DEFAULT_TOKEN, type Emulator } from '@goal-families/emulator';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sliceKey } from '../app/functions/entries/define-function';
import { createGatewayFromEnv, forgetWarmInstances, instanceKeyOf } from './index';

const SCHEMAS = 'GET /crm/v3/schemas';
const SETTINGS_BY_KEY = 'GET /crm/v3/objects/{customType}/settings';

let emulator: Emulator;
let baseUrl: string;
beforeAll(async () => {
  emulator = createEmulator({ seed: 'empty', rateLimits: false });
  ({ baseUrl } = await emulator.listen());
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset('empty');
  forgetWarmInstances();
});
afterEach(() => forgetWarmInstances());

/** One invocation's gateway. */
const invocation = (url = baseUrl) =>
  createGatewayFromEnv(
    { HUBSPOT_API_BASE_URL: url, PRIVATE_APP_ACCESS_TOKEN: DEFAULT_TOKEN },
    { readProperties: READ_PROPERTIES, sliceKey, retry: { sleep: async () => undefined } },
  );

const count = (g: ReturnType<typeof invocation>, key: string | RegExp) =>
  Object.entries(g.calls.byEndpoint())
    .filter(([k]) => (typeof key === 'string' ? k === key : key.test(k)))
    .reduce((n, [, v]) => n + v, 0);

/** The store exists with settings `{ n }` (a first save, made by an invocation of its own). */
async function savedSettings(n: number) {
  const g = invocation();
  const saved = await g.store.putSettings({ n }, null, new Date(0).toISOString());
  if (!saved) throw new Error('the first save found a settings record');
  return saved;
}

describe('a warm instance and the store', () => {
  it('lists the schemas once for two invocations, and reads the settings by key in each', async () => {
    await savedSettings(1);
    forgetWarmInstances(); // a new instance: it knows nothing yet
    const first = invocation();
    expect((await first.store.getSettings())?.payload).toEqual({ n: 1 });
    expect(count(first, SCHEMAS)).toBe(1);
    expect(count(first, SETTINGS_BY_KEY)).toBe(1);

    const second = invocation();
    expect((await second.store.getSettings())?.payload).toEqual({ n: 1 });
    expect(count(second, SCHEMAS)).toBe(0);
    expect(count(second, SETTINGS_BY_KEY)).toBe(1);
    expect(second.calls.total()).toBe(1);
  });

  it('a fresh instance lists the schemas again', async () => {
    await savedSettings(1);
    await invocation().store.getSettings();
    forgetWarmInstances();
    const fresh = invocation();
    await fresh.store.getSettings();
    expect(count(fresh, SCHEMAS)).toBe(1);
  });

  it('never keeps the settings: a save is what the very next invocation reads', async () => {
    const made = await savedSettings(1);
    const reader = invocation();
    expect((await reader.store.getSettings())?.payload).toEqual({ n: 1 });
    await invocation().store.putSettings({ n: 2 }, made.id, new Date(1).toISOString());
    const next = invocation();
    expect((await next.store.getSettings())?.payload).toEqual({ n: 2 });
    expect(count(next, SCHEMAS)).toBe(0);
  });

  it('writes through the remembered object type without listing (a journal entry)', async () => {
    await savedSettings(1);
    const g = invocation();
    await g.store.appendJournal({
      familyUuid: '00000000-0000-4000-8000-000000000001',
      payload: { what: 'rename' },
      createdAt: new Date(2).toISOString(),
      key: 'k',
    });
    expect(count(g, SCHEMAS)).toBe(0);
    expect(g.calls.total()).toBe(1);
  });

  it('remembers per portal and app: another HubSpot (or token) is listed on its own', async () => {
    await savedSettings(1);
    await invocation().store.getSettings();
    expect(instanceKeyOf(baseUrl, DEFAULT_TOKEN)).not.toBe(instanceKeyOf(baseUrl, 'another-token'));
    expect(instanceKeyOf(baseUrl, DEFAULT_TOKEN)).not.toBe(instanceKeyOf(`${baseUrl}/other`, DEFAULT_TOKEN));
    const other = createEmulator({ seed: 'empty', rateLimits: false });
    try {
      const { baseUrl: otherUrl } = await other.listen();
      const g = invocation(otherUrl);
      expect(await g.store.getSettings()).toBeNull();
      expect(count(g, SCHEMAS)).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('an object the instance remembers but HubSpot no longer has is listed again, not trusted', async () => {
    await savedSettings(1);
    await invocation().store.getSettings();
    emulator.reset('empty'); // the object and its records are gone
    const g = invocation();
    expect(await g.store.getSettings()).toBeNull();
    expect(count(g, SCHEMAS)).toBe(1);
    // Made anew by a save: the next invocation reads it through what the save remembered.
    await savedSettings(3);
    const after = invocation();
    expect((await after.store.getSettings())?.payload).toEqual({ n: 3 });
    expect(count(after, SCHEMAS)).toBe(0);
  });

  it('does not remember an object that still lacks properties this version writes', async () => {
    const api = (method: string, path: string, body?: unknown) =>
      fetch(`${baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${DEFAULT_TOKEN}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const old = await api('POST', '/crm/v3/schemas', {
      name: 'goal_families_record',
      labels: { singular: 'Goal Families record', plural: 'Goal Families records' },
      primaryDisplayProperty: 'gf_key',
      requiredProperties: ['gf_kind', 'gf_key'],
      properties: ['gf_kind', 'gf_key', 'gf_family_uuid', 'gf_payload'].map((name) => ({
        name,
        label: name,
        type: 'string',
        fieldType: 'text',
      })),
    });
    expect(old.status).toBe(201);
    for (let i = 0; i < 2; i++) {
      const g = invocation();
      expect(await g.store.getSettings()).toBeNull();
      expect(count(g, SCHEMAS)).toBe(1);
    }
  });
});
