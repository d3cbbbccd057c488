import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from './seed/demo.js';
import { type Json, startEmulator } from './test-support.js';

let env: Awaited<ReturnType<typeof startEmulator>>;
const batch = (operation: string) => `/crm/v3/objects/goal_targets/batch/${operation}`;

beforeAll(async () => {
  env = await startEmulator();
});
beforeEach(() => env.emulator.reset());
afterAll(() => env.emulator.close());

const familyIds = (uuid: string) =>
  env.emulator.store
    .listObjects('goal_targets')
    .filter((record) => record.properties.hs_group_correlation_uuid === uuid)
    .map((record) => record.id);

const slice = (name: string, traceId?: string) => ({
  properties: { hs_goal_name: name, hs_target_amount: '100.00', hs_milestone: 'monthly' },
  associations: [],
  ...(traceId ? { objectWriteTraceId: traceId } : {}),
});

describe('the 100-input limit', () => {
  it.each(['read', 'create', 'update', 'upsert', 'archive'])(
    'refuses 101 inputs to batch/%s and changes nothing',
    async (operation) => {
      const before = env.emulator.snapshot();
      const inputs = Array.from({ length: 101 }, (_, index) => ({ id: String(index + 1), properties: {} }));
      const response = await env.call('POST', batch(operation), { inputs, properties: [] });
      expect(response.status).toBe(400);
      expect((response.body as Json).category).toBe('VALIDATION_ERROR');
      expect(env.emulator.snapshot()).toBe(before);
    },
  );

  it('accepts exactly 100 inputs', async () => {
    const inputs = Array.from({ length: 100 }, (_, index) => slice(`g${index}`));
    const response = await env.call('POST', batch('create'), { inputs });
    expect(response.status).toBe(201);
    expect((response.body as Json).results).toHaveLength(100);
  });
});

describe('batch read', () => {
  it('answers 207 with the unknown ids in one OBJECT_NOT_FOUND error and returns the rest', async () => {
    const [first = '', second = ''] = familyIds(DEMO.families.teamRevenue2026);
    const response = await env.call('POST', batch('read'), {
      inputs: [{ id: first }, { id: '404' }, { id: second }, { id: '405' }],
      properties: ['hs_goal_name'],
      propertiesWithHistory: [],
    });
    expect(response.status).toBe(207);
    const body: Json = response.body;
    expect(body.results.map((object: Json) => object.id)).toEqual([first, second]);
    expect(body.numErrors).toBe(1);
    expect(body.errors[0]).toMatchObject({
      status: 'error',
      category: 'OBJECT_NOT_FOUND',
      context: { ids: ['404', '405'] },
    });
  });
});

describe('batch create', () => {
  it('with unique objectWriteTraceIds, creates the good inputs and reports bad ones per input (207)', async () => {
    const bad = { properties: { hs_object_id: '1' }, associations: [], objectWriteTraceId: 't-2' };
    const response = await env.call('POST', batch('create'), {
      inputs: [slice('a', 't-1'), bad, slice('c', 't-3')],
    });
    expect(response.status).toBe(207);
    const body: Json = response.body;
    expect(body.results.map((object: Json) => object.objectWriteTraceId)).toEqual(['t-1', 't-3']);
    expect(body.numErrors).toBe(1);
    expect(body.errors[0]).toMatchObject({
      category: 'VALIDATION_ERROR',
      context: { objectWriteTraceId: ['t-2'] },
    });
  });

  it('without trace ids, one bad input rejects the whole call (400) and creates nothing', async () => {
    const before = env.emulator.snapshot();
    const response = await env.call('POST', batch('create'), {
      inputs: [slice('a'), { properties: { nope: '1' }, associations: [] }],
    });
    expect(response.status).toBe(400);
    expect(env.emulator.snapshot()).toBe(before);
  });
});

describe('batch update', () => {
  it('updates every slice of a family with one shared modification time', async () => {
    const ids = familyIds(DEMO.families.teamQuota2026);
    const response = await env.call('POST', batch('update'), {
      inputs: ids.map((id) => ({ id, properties: { hs_goal_name: 'Renamed' } })),
    });
    expect(response.status).toBe(200);
    const body: Json = response.body;
    expect(body.status).toBe('COMPLETE');
    expect(new Set(body.results.map((object: Json) => object.properties.hs_goal_name))).toEqual(
      new Set(['Renamed']),
    );
    for (const id of ids)
      expect(env.emulator.store.getObject('goal_targets', id)?.properties.hs_goal_name).toBe('Renamed');
  });

  it('reports unknown ids in a 207 and applies the rest', async () => {
    const [id = ''] = familyIds(DEMO.families.teamQuota2026);
    const response = await env.call('POST', batch('update'), {
      inputs: [
        { id, properties: { hs_kpi_value: '7' } },
        { id: '1', properties: { hs_kpi_value: '7' } },
      ],
    });
    expect(response.status).toBe(207);
    const body: Json = response.body;
    expect(body.errors[0]).toMatchObject({ category: 'OBJECT_NOT_FOUND', context: { ids: ['1'] } });
    expect(env.emulator.store.getObject('goal_targets', id)?.properties.hs_kpi_value).toBe('7');
  });

  it('refuses a read-only property in any input and changes nothing', async () => {
    const ids = familyIds(DEMO.families.teamQuota2026);
    const before = env.emulator.snapshot();
    const response = await env.call('POST', batch('update'), {
      inputs: [
        { id: ids[0], properties: { hs_goal_name: 'x' } },
        { id: ids[1], properties: { hs_createdate: '1' } },
      ],
    });
    expect(response.status).toBe(400);
    expect(env.emulator.snapshot()).toBe(before);
  });

  it('refuses duplicate ids', async () => {
    const [id = ''] = familyIds(DEMO.families.teamQuota2026);
    const response = await env.call('POST', batch('update'), {
      inputs: [
        { id, properties: { hs_goal_name: 'x' } },
        { id, properties: { hs_goal_name: 'y' } },
      ],
    });
    expect(response.status).toBe(400);
  });

  it.each([
    ['failIndexes', { failIndexes: [1] }],
    ['failIds', 'ids'],
  ])(
    'fails the chosen inputs of the next call once (%s), with their ids in the error context',
    async (_label, choice) => {
      const ids = familyIds(DEMO.families.teamQuota2026);
      const failing = ids[1] ?? '';
      env.emulator.faults.partialFailureNext({
        path: 'batch/update',
        ...(choice === 'ids' ? { failIds: [failing] } : (choice as { failIndexes: number[] })),
      });
      const inputs = ids.map((id) => ({ id, properties: { hs_goal_name: 'Partly renamed' } }));
      const first = await env.call('POST', batch('update'), { inputs });
      expect(first.status).toBe(207);
      const body: Json = first.body;
      expect(body.numErrors).toBe(1);
      expect(body.errors[0].context.ids).toEqual([failing]);
      expect(env.emulator.store.getObject('goal_targets', failing)?.properties.hs_goal_name).not.toBe(
        'Partly renamed',
      );
      expect(body.results).toHaveLength(ids.length - 1);
      const retry = await env.call('POST', batch('update'), { inputs });
      expect(retry.status).toBe(200);
    },
  );

  it('keeps failing with permanent: true until the faults are cleared', async () => {
    const ids = familyIds(DEMO.families.teamQuota2026);
    env.emulator.faults.partialFailureNext({ path: 'batch/update', failIndexes: [0], permanent: true });
    const inputs = ids.map((id) => ({ id, properties: { hs_goal_name: 'x' } }));
    expect((await env.call('POST', batch('update'), { inputs })).status).toBe(207);
    expect((await env.call('POST', batch('update'), { inputs })).status).toBe(207);
    env.emulator.faults.clear();
    expect((await env.call('POST', batch('update'), { inputs })).status).toBe(200);
  });
});

describe('batch archive', () => {
  it('archives a whole family, is idempotent and ignores unknown ids (204)', async () => {
    const ids = familyIds(DEMO.families.teamQuota2026);
    const inputs = [...ids, '12345'].map((id) => ({ id }));
    expect((await env.call('POST', batch('archive'), { inputs })).status).toBe(204);
    const afterFirst = env.emulator.snapshot();
    expect((await env.call('POST', batch('archive'), { inputs })).status).toBe(204);
    expect(env.emulator.snapshot()).toBe(afterFirst);
    expect(familyIds(DEMO.families.teamQuota2026)).toEqual([]);
  });

  it('reports injected failures in a 207', async () => {
    const ids = familyIds(DEMO.families.teamQuota2026);
    env.emulator.faults.partialFailureNext({ path: 'batch/archive', failIds: [ids[0] ?? ''] });
    const response = await env.call('POST', batch('archive'), { inputs: ids.map((id) => ({ id })) });
    expect(response.status).toBe(207);
    expect(familyIds(DEMO.families.teamQuota2026)).toEqual([ids[0]]);
  });
});

describe('batch upsert', () => {
  it('updates by record id and reports unknown record ids', async () => {
    const [id = ''] = familyIds(DEMO.families.teamQuota2026);
    const response = await env.call('POST', batch('upsert'), {
      inputs: [
        { id, properties: { hs_kpi_value: '3' } },
        { id: '1', properties: { hs_kpi_value: '3' } },
      ],
    });
    expect(response.status).toBe(207);
    const body: Json = response.body;
    expect(body.results[0]).toMatchObject({ id, new: false });
  });

  it('refuses an idProperty that is not unique, before writing anything', async () => {
    const [id = ''] = familyIds(DEMO.families.teamQuota2026);
    const before = env.emulator.snapshot();
    const response = await env.call('POST', batch('upsert'), {
      inputs: [
        { id, properties: { hs_kpi_value: '3' } },
        { id: 'x', idProperty: 'hs_goal_name', properties: { hs_kpi_value: '3' } },
      ],
    });
    expect(response.status).toBe(400);
    expect(env.emulator.snapshot()).toBe(before);
  });

  it('creates or updates contacts by a unique property', async () => {
    const input = (firstname: string) => ({
      id: 'new.person@customer.example',
      idProperty: 'email',
      properties: { firstname },
    });
    const created: Json = (
      await env.call('POST', '/crm/v3/objects/contacts/batch/upsert', { inputs: [input('Ann')] })
    ).body;
    expect(created.results[0]).toMatchObject({
      new: true,
      properties: { firstname: 'Ann', email: 'new.person@customer.example' },
    });
    const updated: Json = (
      await env.call('POST', '/crm/v3/objects/contacts/batch/upsert', { inputs: [input('Anna')] })
    ).body;
    expect(updated.results[0]).toMatchObject({
      new: false,
      id: created.results[0].id,
      properties: { firstname: 'Anna' },
    });
  });
});
