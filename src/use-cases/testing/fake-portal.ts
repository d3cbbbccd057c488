/**
 * A portal of goal targets behind a fake HubSpot transport, for the scans' unit tests: the object list
 * endpoint (100 a page, ascending id, `after` = the next id) and search (`EQ`, `IN`, `GT`, `LT` on any
 * property, one sort on `hs_object_id`, `total`), owners and teams (none), every call taking
 * `latencyMs` on a fake clock, and scripted 429s. Test support only.
 */
import { READ_PROPERTIES } from '@goal-families/domain';
import { sliceKey } from '../../app/functions/entries/define-function';
import type { HttpRequest, HttpResponse } from '../../gateway';
import { createGatewayFromEnv } from '../../gateway';
import type { UseCaseDeps } from '../deps';

export type PortalRecord = { id: string; properties: Record<string, string> };

type Filter = { propertyName: string; operator: string; value?: string; values?: string[] };
type SearchBody = {
  filterGroups: { filters: Filter[] }[];
  sorts?: { propertyName: string; direction: 'ASCENDING' | 'DESCENDING' }[];
  limit: number;
  properties: string[];
};

const num = (v: string | undefined) => (v === undefined ? Number.NaN : Number(v));

function matches(r: PortalRecord, f: Filter): boolean {
  const value = f.propertyName === 'hs_object_id' ? r.id : r.properties[f.propertyName];
  switch (f.operator) {
    case 'GT':
      return num(value) > num(f.value);
    case 'LT':
      return num(value) < num(f.value);
    case 'IN':
      return value !== undefined && (f.values ?? []).includes(value);
    case 'EQ':
      return value === f.value;
    case 'HAS_PROPERTY':
      return value !== undefined && value !== '';
    default:
      throw new Error(`the fake portal has no operator ${f.operator}`);
  }
}

const pick = (r: PortalRecord, properties: readonly string[] | undefined) => ({
  id: r.id,
  properties: properties
    ? Object.fromEntries(properties.filter((p) => p in r.properties).map((p) => [p, r.properties[p]]))
    : r.properties,
});

/** `size` targets in families of `familySize` (ids 1, 2, …), a monthly slice each, all healthy. */
export function generatedRecords(size: number, familySize = 12): PortalRecord[] {
  return Array.from({ length: size }, (_, i) => ({
    id: String(i + 1),
    properties: {
      hs_object_id: String(i + 1),
      hs_group_correlation_uuid: `00000000-0000-4000-8000-${String(Math.floor(i / familySize)).padStart(12, '0')}`,
      hs_goal_target_group_id: String(1 + Math.floor(i / familySize)),
      hs_goal_name: 'Quota',
      hs_milestone: familySize === 12 ? 'monthly' : 'annual',
      hubspot_owner_id: String(100 + Math.floor(i / familySize)),
      hs_start_datetime: new Date(Date.UTC(2026, i % familySize, 1)).toISOString(),
      hs_end_datetime: new Date(Date.UTC(2026, (i % familySize) + 1, 1) - 1).toISOString(),
      hs_target_amount: '100.00',
      hs_lastmodifieddate: '1',
    },
  }));
}

export type FakePortalOptions = {
  latencyMs: number;
  /** True for the calls (counted from 1) that answer 429. */
  throttled?: (call: number) => boolean;
  /** Rearranges a list page before it is answered (to break the id order). */
  listPage?: (page: PortalRecord[], call: number) => PortalRecord[];
};

export function fakePortal(records: readonly PortalRecord[], options: FakePortalOptions) {
  const sorted = [...records].sort((a, b) => Number(a.id) - Number(b.id));
  let t = 1_000_000;
  let calls = 0;
  /** Every call answered, with `at`: when it started on the fake clock. */
  const log: {
    method: string;
    path: string;
    results: number;
    properties: readonly string[] | undefined;
    at: number;
  }[] = [];
  const sleep = async (ms: number) => {
    t += ms;
  };
  const transport = async (request: HttpRequest): Promise<HttpResponse> => {
    const at = t;
    await sleep(options.latencyMs);
    calls++;
    if (options.throttled?.(calls)) {
      return {
        status: 429,
        headers: {},
        body: { status: 'error', message: 'limit', policyName: 'SECONDLY' },
      };
    }
    if (request.path === '/crm/v3/schemas' && request.method === 'POST') {
      // The app may not create its store here: the health check keeps no family index (best effort).
      log.push({ method: request.method, path: request.path, results: 0, properties: undefined, at });
      return { status: 403, headers: {}, body: { status: 'error', message: 'no custom objects here' } };
    }
    if (
      request.path === '/crm/v3/owners' ||
      request.path === '/settings/v3/users/teams' ||
      request.path === '/crm/v3/schemas'
    ) {
      // Owners and teams (the names a finding shows), and custom objects (no app store: the settings'
      // defaults apply, no journal): this portal has none.
      log.push({ method: request.method, path: request.path, results: 0, properties: undefined, at });
      return { status: 200, headers: {}, body: { results: [] } };
    }
    if (request.method === 'GET') {
      const after = request.query?.after;
      const limit = Number(request.query?.limit ?? 10);
      const properties = String(request.query?.properties ?? '')
        .split(',')
        .filter(Boolean);
      const from = after === undefined ? 0 : sorted.findIndex((r) => Number(r.id) >= Number(after));
      const start = from < 0 ? sorted.length : from;
      const page = sorted.slice(start, start + limit);
      const next = sorted[start + limit];
      const answered = options.listPage ? options.listPage(page, calls) : page;
      log.push({ method: 'GET', path: request.path, results: answered.length, properties, at });
      return {
        status: 200,
        headers: { 'x-hubspot-ratelimit-max': '190', 'x-hubspot-ratelimit-interval-milliseconds': '10000' },
        body: {
          results: answered.map((r) => pick(r, properties)),
          ...(next ? { paging: { next: { after: next.id } } } : {}),
        },
      };
    }
    const body = request.body as SearchBody;
    const groups = body.filterGroups.length > 0 ? body.filterGroups : [{ filters: [] }];
    const all = sorted.filter((r) => groups.some((g) => g.filters.every((f) => matches(r, f))));
    if (body.sorts?.[0]?.direction === 'DESCENDING') all.reverse();
    const results = all.slice(0, body.limit).map((r) => pick(r, body.properties));
    log.push({
      method: 'POST',
      path: request.path,
      results: results.length,
      properties: body.properties,
      at,
    });
    return { status: 200, headers: {}, body: { total: all.length, results } };
  };
  /** What one invocation gets: a fresh gateway (empty limiters) on the same portal and clock. */
  const invocation = (): UseCaseDeps => ({
    gateway: createGatewayFromEnv(
      {},
      {
        readProperties: READ_PROPERTIES,
        sliceKey,
        now: () => t,
        retry: { sleep, random: () => 0.5 },
        transport,
      },
    ),
    now: () => t,
    newUuid: () => '',
    newGroupId: () => '1',
  });
  return { invocation, now: () => t, log, calls: () => calls };
}
