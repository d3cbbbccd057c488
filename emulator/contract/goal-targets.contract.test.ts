import { Client } from '@hubspot/api-client';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/objects/goals/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../emulator.js';
import { DEMO } from '../seed/demo.js';
import { type Exchange, locateSpecs, OpenApiValidator } from './openapi-validator.js';
import { startRecordingProxy } from './recording-proxy.js';

let emulator: Emulator;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
let client: Client;
// HubSpot's specs are read where they are kept (HUBSPOT_OPENAPI_DIR); without them these tests are
// skipped, titled with a note naming the folder and the variable (CI requires them:
// ./openapi-location.test.ts).
const specs = locateSpecs();
if (!specs.present) console.warn(specs.note);
const title = (name: string) => (specs.present ? name : `${name} — skipped: ${specs.note}`);
let validator: OpenApiValidator;

/** Run SDK calls and check that every response they produced matches HubSpot's spec. */
async function expectConforming(work: () => Promise<unknown>): Promise<Exchange[]> {
  const from = proxy.exchanges.length;
  await work();
  const exchanges = proxy.exchanges.slice(from);
  expect(exchanges.length).toBeGreaterThan(0);
  for (const exchange of exchanges) {
    expect({
      call: `${exchange.method} ${exchange.path} → ${exchange.status}`,
      problems: validator.problems(exchange),
    }).toEqual({
      call: `${exchange.method} ${exchange.path} → ${exchange.status}`,
      problems: [],
    });
  }
  return exchanges;
}

const goals = () => client.crm.objects.goals;
const slice = (name: string) => ({
  properties: {
    hs_goal_name: name,
    hs_target_amount: '2500.00',
    hs_start_datetime: '2027-01-01T00:00:00.000Z',
    hs_end_datetime: '2027-01-31T23:59:59.999Z',
    hs_milestone: 'monthly',
    hs_goal_type: 'sales_quota',
    hubspot_owner_id: DEMO.owners.rep,
  },
  associations: [],
});

const SDK_SUITE = 'goal targets through @hubspot/api-client 14.0.1, checked against HubSpot OpenAPI specs';
describe.skipIf(!specs.present)(title(SDK_SUITE), () => {
  beforeAll(async () => {
    validator = new OpenApiValidator(specs.directory);
    emulator = createEmulator();
    const { baseUrl } = await emulator.listen(0);
    proxy = await startRecordingProxy(baseUrl);
    // numberOfApiCallRetries: 1 means one attempt in all (docs/hubspot-facts.md §7): errors must reach the test.
    client = new Client({ accessToken: emulator.token, basePath: proxy.baseUrl, numberOfApiCallRetries: 1 });
  });
  afterAll(async () => {
    await proxy.close();
    await emulator.close();
  });
  it('list and get', async () => {
    await expectConforming(async () => {
      const page = await goals().basicApi.getPage(5, undefined, ['hs_goal_name', 'hs_kpi_value']);
      expect(page.results).toHaveLength(5);
      expect(page.paging?.next?.after).toEqual(expect.any(String));
      const first = page.results[0];
      const one = await goals().basicApi.getById(first?.id ?? '', ['hs_goal_name', 'hs_assignee_team_id']);
      expect(one.properties.hs_goal_name).toBe(first?.properties.hs_goal_name);
      expect(one.createdAt).toBeInstanceOf(Date);
    });
  });

  it('create, update, archive', async () => {
    await expectConforming(async () => {
      const created = await goals().basicApi.create(slice('Contract goal'));
      const updated = await goals().basicApi.update(created.id, { properties: { hs_kpi_value: '125.50' } });
      expect(updated.properties.hs_kpi_value).toBe('125.50');
      await goals().basicApi.archive(created.id);
    });
  });

  it('batch create, read (200 and 207), update, upsert, archive', async () => {
    await expectConforming(async () => {
      const created = await goals().batchApi.create({
        inputs: [slice('Batch A'), slice('Batch B')].map((input, index) => ({
          ...input,
          objectWriteTraceId: `trace-${index}`,
        })),
      });
      const ids = created.results.map((object) => object.id);
      const read = await goals().batchApi.read({
        inputs: ids.map((id) => ({ id })),
        properties: ['hs_goal_name'],
        propertiesWithHistory: [],
      });
      expect(read.results).toHaveLength(2);
      const partial = await goals().batchApi.read({
        inputs: [...ids, '1'].map((id) => ({ id })),
        properties: [],
        propertiesWithHistory: [],
      });
      expect(partial).toMatchObject({ numErrors: 1 });
      await goals().batchApi.update({
        inputs: ids.map((id) => ({ id, properties: { hs_goal_name: 'Batch renamed' } })),
      });
      await goals().batchApi.upsert({ inputs: ids.map((id) => ({ id, properties: { hs_kpi_value: '1' } })) });
      await goals().batchApi.archive({ inputs: ids.map((id) => ({ id })) });
    });
  });

  it('a 207 from batch create with a bad input', async () => {
    const exchanges = await expectConforming(() =>
      goals().batchApi.create({
        inputs: [
          { ...slice('Good'), objectWriteTraceId: 'good' },
          {
            properties: { hs_goal_name: 'Bad', hs_object_id: '1' },
            associations: [],
            objectWriteTraceId: 'bad',
          },
        ],
      }),
    );
    expect(exchanges.map((exchange) => exchange.status)).toEqual([207]);
  });

  it('search', async () => {
    await expectConforming(async () => {
      const result = await goals().searchApi.doSearch({
        filterGroups: [
          {
            filters: [
              {
                propertyName: 'hs_group_correlation_uuid',
                operator: FilterOperatorEnum.Eq,
                value: DEMO.families.teamRevenue2026,
              },
              {
                propertyName: 'hs_start_datetime',
                operator: FilterOperatorEnum.Gte,
                value: String(Date.parse('2026-07-01T00:00:00Z')),
              },
            ],
          },
        ],
        sorts: ['hs_start_datetime'],
        properties: ['hs_goal_name', 'hs_start_datetime'],
        limit: 10,
        after: '0',
      });
      expect(result.total).toBe(36);
      expect(result.paging?.next?.after).toBe('10');
    });
  });

  it('errors: 404, 400 and 401 bodies', async () => {
    const attempt = async (work: () => Promise<unknown>) => {
      try {
        await work();
        return undefined;
      } catch (error) {
        return (error as { code?: unknown }).code;
      }
    };
    await expectConforming(async () => {
      expect(await attempt(() => goals().basicApi.getById('424242'))).toBe(404);
      expect(
        await attempt(() =>
          goals().basicApi.update(DEMO.broken.mixedNames.recordIds[0] ?? '', { properties: { nope: '1' } }),
        ),
      ).toBe(400);
      expect(
        await attempt(() =>
          goals().batchApi.read({
            inputs: Array.from({ length: 101 }, (_, i) => ({ id: String(i) })),
            properties: [],
            propertiesWithHistory: [],
          }),
        ),
      ).toBe(400);
    });
    const stranger = new Client({ accessToken: 'wrong', basePath: proxy.baseUrl, numberOfApiCallRetries: 1 });
    await expectConforming(async () => {
      expect(await attempt(() => stranger.crm.objects.goals.basicApi.getPage(1))).toBe(401);
    });
  });

  it('the dated 2026-03 paths answer the same shapes', async () => {
    const response = await fetch(`${proxy.baseUrl}/crm/objects/2026-03/goal_targets?limit=2`, {
      headers: { authorization: `Bearer ${emulator.token}` },
    });
    expect(response.status).toBe(200);
    const exchange = proxy.exchanges.at(-1);
    expect(exchange && validator.problems(exchange)).toEqual([]);
  });
});

describe.skipIf(!specs.present)(title('the validator itself'), () => {
  beforeAll(() => {
    validator ??= new OpenApiValidator(specs.directory);
  });

  it.each([
    [
      'an object without required fields',
      { method: 'GET', path: '/crm/v3/objects/goal_targets/1', status: 200, body: { id: 1 } },
    ],
    [
      'an error without correlationId',
      {
        method: 'GET',
        path: '/crm/v3/objects/goal_targets/1',
        status: 404,
        body: { message: 'x', category: 'OBJECT_NOT_FOUND' },
      },
    ],
    [
      'a batch 207 error without links',
      {
        method: 'POST',
        path: '/crm/v3/objects/goal_targets/batch/read',
        status: 207,
        body: {
          status: 'COMPLETE',
          results: [],
          startedAt: '2026-01-01T00:00:00.000Z',
          completedAt: '2026-01-01T00:00:00.000Z',
          errors: [{ status: 'error', category: 'X', message: 'm', context: {}, errors: [] }],
        },
      },
    ],
    [
      'a path the spec does not have',
      { method: 'GET', path: '/crm/v3/objects/goal_targets/1/extra', status: 200, body: {} },
    ],
  ])('rejects %s', (_label, exchange) => {
    expect(validator.problems(exchange)).not.toEqual([]);
  });
});
