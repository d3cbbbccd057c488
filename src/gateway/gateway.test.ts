/** The gateway through the real `@hubspot/api-client` against a tiny local fake HubSpot. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isGatewayError, toAppError } from './errors';
import { createGatewayFromEnv } from './factory';

type Seen = { method: string; url: string; auth: string | undefined; body: unknown };
const seen: Seen[] = [];
let handler: (req: Seen) => { status: number; body: unknown } = () => ({ status: 200, body: {} });
let server: Server;
let baseUrl: string;

const readBody = (req: IncomingMessage) =>
  new Promise<unknown>((resolve) => {
    let text = '';
    req.on('data', (c) => {
      text += c;
    });
    req.on('end', () => resolve(text ? JSON.parse(text) : null));
  });

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const s: Seen = {
      method: req.method ?? '',
      url: req.url ?? '',
      auth: req.headers.authorization,
      body: await readBody(req),
    };
    seen.push(s);
    const { status, body } = handler(s);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const gateway = () =>
  createGatewayFromEnv(
    { PRIVATE_APP_ACCESS_TOKEN: 'tok', HUBSPOT_API_BASE_URL: baseUrl },
    {
      readProperties: ['hs_goal_name', 'hs_goal_target_group_id', 'hs_start_datetime'],
      sliceKey: (p) => `${p.hs_goal_target_group_id}|${p.hs_start_datetime}`,
      retry: { sleep: async () => undefined },
    },
  );

type Input = { id?: string; objectWriteTraceId?: string; properties?: Record<string, string> };
const inputsOf = (body: unknown) => (body as { inputs: Input[] }).inputs;

describe('gateway over HTTP', () => {
  it('sends the bearer token to the base URL and reads by id in chunks of 100', async () => {
    seen.length = 0;
    handler = (req) => ({
      status: 200,
      body: {
        status: 'COMPLETE',
        results: inputsOf(req.body)
          .filter((i) => i.id !== '7')
          .map((i) => ({ id: i.id, properties: { hs_goal_name: 'G' }, archived: false })),
      },
    });
    const ids = Array.from({ length: 250 }, (_, i) => String(i + 1));
    const { found, missing } = await gateway().readByIds(ids);
    expect(seen).toHaveLength(3);
    expect(
      seen.every(
        (s) => s.auth === 'Bearer tok' && s.url.startsWith('/crm/v3/objects/goal_targets/batch/read'),
      ),
    ).toBe(true);
    expect(inputsOf(seen[0]?.body)).toHaveLength(100);
    expect(found).toHaveLength(249);
    expect(missing).toEqual(['7']);
  });

  it('turns a 207 batch update into per-input outcomes', async () => {
    handler = (req) => {
      const inputs = inputsOf(req.body);
      return {
        status: 207,
        body: {
          status: 'COMPLETE',
          numErrors: 1,
          results: inputs.filter((i) => i.id !== '2').map((i) => ({ id: i.id, properties: i.properties })),
          errors: [
            { status: 'error', category: 'VALIDATION_ERROR', message: 'bad', context: { ids: ['2'] } },
          ],
        },
      };
    };
    const outcomes = await gateway().updateTargets(
      ['1', '2', '3'].map((id) => ({ id, properties: { hs_goal_name: 'New' } })),
    );
    expect(outcomes.map((o) => o.state)).toEqual(['ok', 'failed', 'ok']);
    expect(outcomes[1]).toMatchObject({ state: 'failed', message: 'bad' });
  });

  it('answers a batch update and a PATCH with the records as HubSpot answered them, in its spelling', async () => {
    const answered = (id: string | undefined) => ({
      id,
      properties: { hs_target_amount: '5000.00', hs_lastmodifieddate: '2026-12-01T10:00:00.000Z' },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-12-01T10:00:00.000Z',
      archived: false,
    });
    handler = (req) =>
      req.method === 'PATCH'
        ? { status: 200, body: answered(req.url.split('?')[0]?.split('/').at(-1)) }
        : {
            status: 200,
            body: {
              status: 'COMPLETE',
              results: inputsOf(req.body).map((i) => ({
                ...answered(i.id),
                objectWriteTraceId: i.objectWriteTraceId,
              })),
            },
          };
    const [outcome] = await gateway().updateTargets([{ id: '7', properties: { hs_target_amount: '5000' } }]);
    expect(outcome).toMatchObject({
      state: 'ok',
      record: {
        id: '7',
        properties: { hs_target_amount: '5000.00', hs_lastmodifieddate: '2026-12-01T10:00:00.000Z' },
        updatedAt: '2026-12-01T10:00:00.000Z',
      },
    });
    expect(await gateway().patchTarget('8', { hs_target_amount: '5000' })).toMatchObject({
      id: '8',
      properties: { hs_target_amount: '5000.00' },
    });
  });

  it('matches created records to inputs by trace id, or by slice key when none is echoed', async () => {
    handler = (req) => ({
      status: 201,
      body: {
        status: 'COMPLETE',
        results: inputsOf(req.body)
          .reverse()
          .map((i, n) => ({
            id: String(100 + n),
            properties: i.properties,
            ...(n % 2 === 0 ? { objectWriteTraceId: i.objectWriteTraceId } : {}),
          })),
      },
    });
    const inputs = Array.from({ length: 5 }, (_, i) => ({
      hs_goal_target_group_id: '9',
      hs_start_datetime: `2026-0${i + 1}-01T00:00:00.000Z`,
    }));
    const outcomes = await gateway().createTargets(inputs);
    expect(outcomes.every((o) => o.state === 'ok')).toBe(true);
    for (const [i, o] of outcomes.entries()) {
      expect(o.state === 'ok' && o.record.properties.hs_start_datetime).toBe(inputs[i]?.hs_start_datetime);
    }
  });

  it('maps HubSpot errors to app codes and keeps the correlationId', async () => {
    handler = () => ({
      status: 429,
      body: {
        status: 'error',
        message: 'daily',
        policyName: 'DAILY',
        correlationId: 'abc-123',
        category: 'RATE_LIMITS',
      },
    });
    const error = await gateway()
      .searchByUuid('x')
      .catch((e: unknown) => e);
    expect(isGatewayError(error)).toBe(true);
    if (!isGatewayError(error)) return;
    expect(toAppError(error)).toMatchObject({
      code: 'RATE_LIMITED',
      details: { correlationId: 'abc-123', policyName: 'DAILY' },
    });

    handler = () => ({
      status: 404,
      body: { status: 'error', message: 'nope', correlationId: 'c2', category: 'OBJECT_NOT_FOUND' },
    });
    const notFound = await gateway()
      .patchTarget('1', { hs_target_amount: '1.00' })
      .catch((e: unknown) => e);
    expect(isGatewayError(notFound) && toAppError(notFound).code).toBe('NOT_FOUND');
  });

  it('retries 5xx on reads and counts every attempt', async () => {
    let n = 0;
    handler = () =>
      ++n <= 2
        ? { status: 502, body: { message: 'bad gateway' } }
        : { status: 200, body: { results: [], total: 0 } };
    const g = gateway();
    expect(await g.searchByUuid('u')).toEqual([]);
    expect(g.calls.total()).toBe(3);
    expect(g.calls.byEndpoint()).toEqual({ 'POST /crm/v3/objects/goal_targets/search': 3 });
  });

  it('reports a whole-chunk 4xx as failed and a lost 5xx as unknown, without throwing', async () => {
    handler = () => ({
      status: 400,
      body: { status: 'error', message: 'invalid', category: 'VALIDATION_ERROR' },
    });
    expect((await gateway().archiveTargets(['1', '2'])).map((o) => o.state)).toEqual(['failed', 'failed']);
    handler = () => ({ status: 503, body: { message: 'down' } });
    expect((await gateway().createTargets([{ hs_goal_target_group_id: '1' }])).map((o) => o.state)).toEqual([
      'unknown',
    ]);
  });

  it('pages a query past the 10,000 cap by id (hs_object_id > last id, ascending)', async () => {
    seen.length = 0;
    const ids = Array.from({ length: 450 }, (_, i) => 5000 + i);
    handler = (req) => {
      const body = req.body as {
        filterGroups: { filters: { propertyName: string; value?: string }[] }[];
        limit: number;
      };
      const filters = body.filterGroups[0]?.filters ?? [];
      const gt = Number(filters.find((f) => f.propertyName === 'hs_object_id')?.value ?? 0);
      const page = ids.filter((id) => id > gt).slice(0, body.limit);
      return {
        status: 200,
        body: { total: 99_999, results: page.map((id) => ({ id: String(id), properties: {} })) },
      };
    };
    const found = await gateway().searchTargets({ ownerId: '7' }, ['hs_goal_name']);
    expect(found.map((r) => Number(r.id))).toEqual(ids);
    expect(seen).toHaveLength(3);
    const first = seen[0]?.body as { filterGroups: { filters: { propertyName: string }[] }[] };
    expect(first.filterGroups[0]?.filters.map((f) => f.propertyName)).toEqual(['hubspot_owner_id']);
  });
});

describe('the users API', () => {
  it('reads super admin and teams once per invocation and id; 404 is an unknown user', async () => {
    seen.length = 0;
    handler = (req) =>
      req.url.includes('/settings/users/2026-03/7')
        ? {
            status: 200,
            body: {
              id: '7',
              email: 'a@x.example',
              superAdmin: true,
              primaryTeamId: '3',
              secondaryTeamIds: ['4', '3'],
            },
          }
        : req.url.includes('/settings/users/2026-03/8')
          ? { status: 200, body: { id: '8', superAdmin: 'yes' } }
          : { status: 404, body: { status: 'error', category: 'OBJECT_NOT_FOUND', message: 'no user' } };
    const g = gateway();
    expect(await g.portalUser('7')).toEqual({
      id: '7',
      email: 'a@x.example',
      superAdmin: true,
      teamIds: ['3', '4'],
    });
    await g.portalUser('7');
    // Only a literal true makes a super admin.
    expect(await g.portalUser('8')).toMatchObject({ superAdmin: false, teamIds: [] });
    expect(await g.portalUser('9')).toBeNull();
    expect(seen.map((s) => s.url.split('?')[0])).toEqual([
      '/settings/users/2026-03/7',
      '/settings/users/2026-03/8',
      '/settings/users/2026-03/9',
    ]);
  });
});
