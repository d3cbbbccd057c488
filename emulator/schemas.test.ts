import { Client } from '@hubspot/api-client';
import { ObjectTypePropertyCreateTypeEnum } from '@hubspot/api-client/lib/codegen/crm/schemas/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_STRING_VALUE_LENGTH } from './crm/values.js';
import { type Json, startEmulator } from './test-support.js';

let env: Awaited<ReturnType<typeof startEmulator>>;
let client: Client;

beforeAll(async () => {
  env = await startEmulator();
  client = new Client({ accessToken: env.emulator.token, basePath: env.baseUrl, numberOfApiCallRetries: 1 });
});
afterAll(() => env.emulator.close());

const text = (name: string) => ({
  name,
  label: name,
  type: ObjectTypePropertyCreateTypeEnum.String,
  fieldType: 'textarea',
});
const definition = {
  name: 'goal_families_record',
  labels: { singular: 'Goal families record', plural: 'Goal families records' },
  primaryDisplayProperty: 'gf_key',
  requiredProperties: ['gf_kind', 'gf_key'],
  searchableProperties: ['gf_key'],
  secondaryDisplayProperties: [],
  associatedObjects: [],
  properties: ['gf_kind', 'gf_key', 'gf_family_uuid', 'gf_payload', 'gf_created_at'].map(text),
};

describe('custom objects through the schemas API', () => {
  it('creates the app object once, finds it by name, fully-qualified name and id, and refuses a duplicate', async () => {
    const schema = await client.crm.schemas.coreApi.create(definition);
    expect(schema.objectTypeId).toMatch(/^2-\d+$/);
    expect(schema.fullyQualifiedName).toBe(`p${env.emulator.portalId}_goal_families_record`);
    expect(schema.properties.map((property) => property.name)).toEqual(
      expect.arrayContaining(['gf_payload', 'hs_object_id']),
    );
    for (const key of [schema.objectTypeId ?? '', schema.fullyQualifiedName ?? '']) {
      expect((await env.call('GET', `/crm/v3/schemas/${key}`)).status).toBe(200);
    }
    const all = await client.crm.schemas.coreApi.getAll();
    expect(all.results.map((result) => result.name)).toEqual(['goal_families_record']);
    const duplicate = await env.call('POST', '/crm/v3/schemas', definition);
    expect(duplicate.status).toBe(409);
  });

  it('stores records with long JSON payloads through the generic objects API and searches them', async () => {
    const type = `p${env.emulator.portalId}_goal_families_record`;
    const payload = JSON.stringify({ data: 'x'.repeat(MAX_STRING_VALUE_LENGTH - 20) }).slice(
      0,
      MAX_STRING_VALUE_LENGTH,
    );
    const created = await client.crm.objects.basicApi.create(type, {
      properties: { gf_kind: 'settings', gf_key: 'app', gf_payload: payload },
      associations: [],
    });
    const read = await client.crm.objects.basicApi.getById(type, created.id, ['gf_payload', 'gf_kind']);
    expect(read.properties.gf_payload).toBe(payload);
    const found: Json = (
      await env.call('POST', `/crm/v3/objects/${type}/search`, {
        filterGroups: [{ filters: [{ propertyName: 'gf_key', operator: 'EQ', value: 'app' }] }],
        properties: ['gf_kind'],
      })
    ).body;
    expect(found.results.map((object: Json) => object.id)).toEqual([created.id]);
  });

  it('refuses a payload longer than the text limit, and records missing required properties', async () => {
    const type = `p${env.emulator.portalId}_goal_families_record`;
    const tooLong = await env.call('POST', `/crm/v3/objects/${type}`, {
      properties: { gf_kind: 'journal', gf_key: 'k', gf_payload: 'x'.repeat(MAX_STRING_VALUE_LENGTH + 1) },
    });
    expect(tooLong.status).toBe(400);
    const missing = await env.call('POST', `/crm/v3/objects/${type}`, { properties: { gf_kind: 'journal' } });
    expect(missing.status).toBe(400);
    expect((missing.body as Json).errors[0].code).toBe('REQUIRED_PROPERTY');
  });

  it('refuses a schema naming a property it does not define', async () => {
    const bad = await env.call('POST', '/crm/v3/schemas', {
      ...definition,
      name: 'other',
      requiredProperties: ['missing'],
    });
    expect(bad.status).toBe(400);
  });
});

describe('unique-value properties', () => {
  const type = () => `p${env.emulator.portalId}_goal_families_record`;

  it('a property created with hasUniqueValue reads records by idProperty and refuses a repeated value with 409', async () => {
    const created = await env.call('POST', `/crm/v3/properties/${type()}`, {
      name: 'gf_unique_key',
      label: 'Unique key',
      type: 'string',
      fieldType: 'text',
      hasUniqueValue: true,
    });
    expect(created.status).toBe(201);
    expect((created.body as Json).hasUniqueValue).toBe(true);
    const first = await env.call('POST', `/crm/v3/objects/${type()}`, {
      properties: { gf_kind: 'settings', gf_key: 'settings', gf_unique_key: 'settings' },
    });
    expect(first.status).toBe(201);
    const byKey = await env.call(
      'GET',
      `/crm/v3/objects/${type()}/settings?idProperty=gf_unique_key&properties=gf_kind`,
    );
    expect(byKey.status).toBe(200);
    expect((byKey.body as Json).id).toBe((first.body as Json).id);
    const second = await env.call('POST', `/crm/v3/objects/${type()}`, {
      properties: { gf_kind: 'settings', gf_key: 'other', gf_unique_key: 'settings' },
    });
    expect(second.status).toBe(409);
    expect((second.body as Json).category).toBe('CONFLICT');
    // Updating a record to keep its own value is fine; taking another's is not.
    const own = await env.call('PATCH', `/crm/v3/objects/${type()}/${(first.body as Json).id}`, {
      properties: { gf_unique_key: 'settings', gf_key: 'renamed' },
    });
    expect(own.status).toBe(200);
    const other = await env.call('POST', `/crm/v3/objects/${type()}`, {
      properties: { gf_kind: 'journal', gf_key: 'j', gf_unique_key: 'journal:1' },
    });
    const steal = await env.call('PATCH', `/crm/v3/objects/${type()}/${(other.body as Json).id}`, {
      properties: { gf_unique_key: 'settings' },
    });
    expect(steal.status).toBe(409);
    // Batch create: the repeated value fails per input; the rest is created.
    const batch = await env.call('POST', `/crm/v3/objects/${type()}/batch/create`, {
      inputs: [
        {
          objectWriteTraceId: '0',
          properties: { gf_kind: 'journal', gf_key: 'a', gf_unique_key: 'journal:2' },
        },
        {
          objectWriteTraceId: '1',
          properties: { gf_kind: 'journal', gf_key: 'b', gf_unique_key: 'journal:2' },
        },
      ],
    });
    expect(batch.status).toBe(207);
    expect((batch.body as Json).results).toHaveLength(1);
    expect((batch.body as Json).errors[0].category).toBe('CONFLICT');
    // An archived record's value is free again; a property that is not unique cannot be an idProperty.
    await env.call('DELETE', `/crm/v3/objects/${type()}/${(first.body as Json).id}`);
    expect(
      (await env.call('GET', `/crm/v3/objects/${type()}/settings?idProperty=gf_unique_key`)).status,
    ).toBe(404);
    const reuse = await env.call('POST', `/crm/v3/objects/${type()}`, {
      properties: { gf_kind: 'settings', gf_key: 'settings', gf_unique_key: 'settings' },
    });
    expect(reuse.status).toBe(201);
    expect((await env.call('GET', `/crm/v3/objects/${type()}/app?idProperty=gf_key`)).status).toBe(400);
  });
});
