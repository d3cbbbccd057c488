import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from './seed/demo.js';
import { type Json, manualClock, startEmulator } from './test-support.js';

const clock = manualClock();
let env: Awaited<ReturnType<typeof startEmulator>>;
const goalTargets = '/crm/v3/objects/goal_targets';

beforeAll(async () => {
  env = await startEmulator({ clock: clock.now });
});
afterAll(() => env.emulator.close());

const newSlice = (overrides: Record<string, string> = {}) => ({
  properties: {
    hs_goal_name: 'Test goal',
    hs_target_amount: '1000.50',
    hs_start_datetime: '2026-01-01T00:00:00Z',
    hs_end_datetime: String(Date.parse('2026-01-31T23:59:59.999Z')),
    hs_milestone: 'monthly',
    hs_goal_type: 'sales_quota',
    hubspot_owner_id: DEMO.owners.rep,
    ...overrides,
  },
});

describe('authentication', () => {
  it.each([
    ['no token', null],
    ['a wrong token', 'not-the-token'],
  ])('answers 401 with HubSpot error body for %s', async (_label, token) => {
    const response = await env.call('GET', `${goalTargets}?limit=1`, undefined, token);
    expect(response.status).toBe(401);
    const body: Json = response.body;
    expect(body).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
    expect(body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('counts a rejected call as an API call', async () => {
    env.emulator.resetCounters();
    await env.call('GET', `${goalTargets}/1`, undefined, null);
    expect(env.emulator.counters()).toEqual({ 'GET /crm/v3/objects/goal_targets/{id}': 1 });
  });
});

describe('create, read, update, archive', () => {
  it('maintains system properties and returns values as strings, datetimes as ISO with ms', async () => {
    const created = await env.call('POST', goalTargets, newSlice());
    expect(created.status).toBe(201);
    const body: Json = created.body;
    expect(body.properties).toMatchObject({
      hs_object_id: body.id,
      hs_target_amount: '1000.50',
      hs_start_datetime: '2026-01-01T00:00:00.000Z',
      hs_end_datetime: '2026-01-31T23:59:59.999Z',
    });
    expect(body.properties.hs_createdate).toBe(body.createdAt);
    expect(body.archived).toBe(false);
    const read = await env.call(
      'GET',
      `${goalTargets}/${body.id}?properties=hs_goal_name,hs_kpi_value,nonexistent`,
    );
    const readBody: Json = read.body;
    expect(readBody.properties).toEqual({
      hs_goal_name: 'Test goal',
      hs_kpi_value: null,
      hs_createdate: body.createdAt,
      hs_lastmodifieddate: body.updatedAt,
      hs_object_id: body.id,
    });
  });

  it('moves hs_lastmodifieddate strictly forward on every write, even in the same millisecond', async () => {
    const created: Json = (await env.call('POST', goalTargets, newSlice())).body;
    const first: Json = (
      await env.call('PATCH', `${goalTargets}/${created.id}`, { properties: { hs_kpi_value: '1' } })
    ).body;
    const second: Json = (
      await env.call('PATCH', `${goalTargets}/${created.id}`, { properties: { hs_kpi_value: '2' } })
    ).body;
    const times = [created, first, second].map((object) => Date.parse(object.properties.hs_lastmodifieddate));
    expect(times[1]).toBeGreaterThan(times[0] ?? 0);
    expect(times[2]).toBeGreaterThan(times[1] ?? 0);
    expect(second.updatedAt).toBe(second.properties.hs_lastmodifieddate);
  });

  it.each([
    ['a read-only property', { hs_object_id: '5' }, 'READ_ONLY_VALUE'],
    ['hs_lastmodifieddate', { hs_lastmodifieddate: '2026-01-01T00:00:00Z' }, 'READ_ONLY_VALUE'],
    ['an unknown property', { hs_not_a_property: 'x' }, 'PROPERTY_DOESNT_EXIST'],
    ['a non-numeric amount', { hs_target_amount: '12k' }, 'INVALID_DECIMAL'],
    ['an unknown milestone', { hs_milestone: 'fortnightly' }, 'INVALID_OPTION'],
    ['an unknown owner', { hubspot_owner_id: '123' }, 'INVALID_OWNER_ID'],
    ['a bad datetime', { hs_start_datetime: 'next tuesday' }, 'INVALID_DATE'],
  ])('refuses PATCH with %s (400 VALIDATION_ERROR) and changes nothing', async (_label, properties, code) => {
    const id = DEMO.broken.mixedNames.recordIds[0] ?? '';
    const before = env.emulator.snapshot();
    const response = await env.call('PATCH', `${goalTargets}/${id}`, { properties });
    expect(response.status).toBe(400);
    const body: Json = response.body;
    expect(body.category).toBe('VALIDATION_ERROR');
    expect(body.errors[0].code).toBe(code);
    expect(env.emulator.snapshot()).toBe(before);
  });

  it('answers 404 OBJECT_NOT_FOUND for unknown ids on GET and PATCH', async () => {
    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', { properties: { hs_kpi_value: '1' } }],
    ] as const) {
      const response = await env.call(method, `${goalTargets}/999`, body);
      expect(response.status).toBe(404);
      expect((response.body as Json).category).toBe('OBJECT_NOT_FOUND');
    }
  });

  it('archives with DELETE (idempotent 204) and shows archived records only with archived=true', async () => {
    const created: Json = (await env.call('POST', goalTargets, newSlice())).body;
    expect((await env.call('DELETE', `${goalTargets}/${created.id}`)).status).toBe(204);
    expect((await env.call('DELETE', `${goalTargets}/${created.id}`)).status).toBe(204);
    expect((await env.call('GET', `${goalTargets}/${created.id}`)).status).toBe(404);
    const archived: Json = (await env.call('GET', `${goalTargets}/${created.id}?archived=true`)).body;
    expect(archived).toMatchObject({ id: created.id, archived: true });
    expect(archived.archivedAt).toEqual(expect.any(String));
    const list: Json = (await env.call('GET', `${goalTargets}?archived=true&limit=100`)).body;
    expect(list.results.map((object: Json) => object.id)).toContain(created.id);
    expect(list.results.every((object: Json) => object.archived)).toBe(true);
    expect(
      (await env.call('PATCH', `${goalTargets}/${created.id}`, { properties: { hs_kpi_value: '1' } })).status,
    ).toBe(404);
  });

  it('clears a property written as an empty string', async () => {
    const created: Json = (await env.call('POST', goalTargets, newSlice({ hs_kpi_value: '10' }))).body;
    await env.call('PATCH', `${goalTargets}/${created.id}`, { properties: { hs_kpi_value: '' } });
    const read: Json = (await env.call('GET', `${goalTargets}/${created.id}?properties=hs_kpi_value`)).body;
    expect(read.properties.hs_kpi_value).toBeNull();
  });
});

describe('list paging', () => {
  it('pages through every live record with limit ≤ 100 and after', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page: Json = (await env.call('GET', `${goalTargets}?limit=100${after ? `&after=${after}` : ''}`))
        .body;
      seen.push(...page.results.map((object: Json) => object.id));
      after = page.paging?.next?.after;
    } while (after);
    const expected = env.emulator.store.listObjects('goal_targets').map((record) => record.id);
    expect(seen).toEqual(expected);
  });

  it.each(['0', '101', 'ten'])('refuses limit=%s', async (limit) => {
    expect((await env.call('GET', `${goalTargets}?limit=${limit}`)).status).toBe(400);
  });
});

describe('object types', () => {
  it('serves the dated 2026-03 path as an alias of v3', async () => {
    const id = DEMO.broken.mixedNames.recordIds[0] ?? '';
    const dated: Json = (await env.call('GET', `/crm/objects/2026-03/goal_targets/${id}`)).body;
    const v3: Json = (await env.call('GET', `${goalTargets}/${id}`)).body;
    expect(dated).toEqual(v3);
  });

  it('reads deals by name and by objectTypeId, with the owner', async () => {
    const byName: Json = (
      await env.call('GET', `/crm/v3/objects/deals/${DEMO.deals.ownedByRep}?properties=hubspot_owner_id`)
    ).body;
    expect(byName.properties.hubspot_owner_id).toBe(DEMO.owners.rep);
    const byTypeId = await env.call('GET', `/crm/v3/objects/0-3/${DEMO.deals.ownedByRep}`);
    expect(byTypeId.status).toBe(200);
  });

  it('refuses an unknown object type with 400', async () => {
    const response = await env.call('GET', '/crm/v3/objects/unicorns');
    expect(response.status).toBe(400);
    expect((response.body as Json).message).toContain('unicorns');
  });
});
