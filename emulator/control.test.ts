import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator } from './emulator.js';
import { DEMO } from './seed/demo.js';
import { type Json, startEmulator } from './test-support.js';

let env: Awaited<ReturnType<typeof startEmulator>>;

beforeAll(async () => {
  env = await startEmulator();
});
afterAll(() => env.emulator.close());

const control = (method: string, path: string, body?: unknown) =>
  env.call(method, `/__emulator${path}`, body, null);

describe('control API', () => {
  it('reports health, token and base URL without a token', async () => {
    const health: Json = (await control('GET', '/health')).body;
    expect(health).toMatchObject({
      ok: true,
      token: 'emulator-token',
      baseUrl: env.baseUrl,
      portalId: DEMO.portalId,
    });
  });

  it('counts calls per endpoint template and resets the counters', async () => {
    await control('DELETE', '/counters');
    const [id] = DEMO.broken.mixedNames.recordIds;
    await env.call('GET', `/crm/v3/objects/goal_targets/${id}`);
    await env.call('GET', `/crm/v3/objects/goal_targets/${id}`);
    await env.call('POST', '/crm/v3/objects/goal_targets/batch/update', { inputs: [] });
    await env.call('GET', `/crm/objects/2026-03/goal_targets/${id}`);
    await env.call('GET', '/crm/v3/owners/81000001');
    const counters: Json = (await control('GET', '/counters')).body;
    expect(counters.counters).toEqual({
      'GET /crm/objects/2026-03/goal_targets/{id}': 1,
      'GET /crm/v3/objects/goal_targets/{id}': 2,
      'GET /crm/v3/owners/{ownerId}': 1,
      'POST /crm/v3/objects/goal_targets/batch/update': 1,
    });
    expect(env.emulator.counters()).toEqual(counters.counters);
    await control('POST', '/counters/reset');
    expect(env.emulator.counters()).toEqual({});
  });

  it('serves a snapshot that changes with data and returns after a reset', async () => {
    const pristine = (await fetch(`${env.baseUrl}/__emulator/snapshot`).then((r) => r.text())) as string;
    expect(pristine).toBe(env.emulator.snapshot());
    const [id] = DEMO.broken.mixedNames.recordIds;
    await env.call('PATCH', `/crm/v3/objects/goal_targets/${id}`, { properties: { hs_kpi_value: '1' } });
    expect(env.emulator.snapshot()).not.toBe(pristine);
    await control('POST', '/reset');
    expect(env.emulator.snapshot()).toBe(pristine);
  });

  it('loads a given seed', async () => {
    await control('POST', '/seed', {
      seed: {
        owners: [],
        teams: [],
        pipelines: {},
        objects: { goal_targets: [{ id: '7', properties: { hs_goal_name: 'Only' } }] },
      },
    });
    const list: Json = (await env.call('GET', '/crm/v3/objects/goal_targets?properties=hs_goal_name')).body;
    expect(list.results.map((object: Json) => object.properties.hs_goal_name)).toEqual(['Only']);
    await control('POST', '/reset', { seed: 'demo' });
  });

  it('sets and clears faults', async () => {
    await control('POST', '/faults', {
      throttleNext: { n: 1 },
      partialFailureNext: { path: 'batch/update', failIndexes: [0] },
    });
    const state: Json = (await control('GET', '/faults')).body;
    expect(state.throttle).toEqual({ remaining: 1, policyName: 'TEN_SECONDLY_ROLLING' });
    expect((await env.call('GET', '/crm/v3/owners')).status).toBe(429);
    await control('DELETE', '/faults');
    expect((await control('GET', '/faults')).body).toEqual({
      latencyMs: 0,
      failRate: null,
      throttle: null,
      partialFailures: [],
      answerChanges: [],
      rules: [],
      killAfter: null,
      killPath: null,
      killed: false,
    });
  });

  it('changes search lag and rate limits at run time', async () => {
    const settings: Json = (await control('POST', '/settings', { searchLagMs: 500, rateLimits: true })).body;
    expect(settings).toEqual({ searchLagMs: 500, rateLimits: true });
    await control('POST', '/settings', { searchLagMs: 0, rateLimits: false });
  });

  it('gives the same snapshot for the same seed in two emulators', async () => {
    const [first, second] = [createEmulator(), createEmulator()];
    expect(first.snapshot()).toBe(second.snapshot());
    expect(first.snapshot()).toBe(env.emulator.snapshot());
    await Promise.all([first.close(), second.close()]);
  });

  it('answers an unknown control path with 404', async () => {
    expect((await control('GET', '/nope')).status).toBe(404);
  });
});
