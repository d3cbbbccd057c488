/**
 * Generic CRM object calls over the HTTP seam (goal targets and the app's own custom object):
 * paths, status checks, error bodies, chunking to ≤100 and 207 answers turned into per-input outcomes.
 */
import { classify, GatewayError, type HubSpotErrorBody } from './errors';
import type { HttpRequest, HttpResponse, HubSpotHttp } from './http';
import { LIMITS, paths } from './paths';

/** A CRM record as the domain takes it: HubSpot's id and its string property bag. */
export type CrmRecord = {
  id: string;
  properties: Record<string, string | null | undefined>;
  updatedAt?: string;
};

export type SearchFilter = {
  propertyName: string;
  operator:
    | 'EQ'
    | 'NEQ'
    | 'LT'
    | 'LTE'
    | 'GT'
    | 'GTE'
    | 'IN'
    | 'NOT_IN'
    | 'HAS_PROPERTY'
    | 'NOT_HAS_PROPERTY';
  value?: string;
  values?: string[];
};

export type SearchRequest = {
  /** OR of AND-groups; at most 5 groups (docs/hubspot-facts.md §6). */
  filterGroups: { filters: SearchFilter[] }[];
  properties: readonly string[];
  sort?: { propertyName: string; direction: 'ASCENDING' | 'DESCENDING' };
  limit?: number;
  after?: string;
};

export type SearchPage = { results: CrmRecord[]; total: number; after: string | null };

/**
 * What happened to one input of a batch write. `ok`: `record` is the record as HubSpot answered (see
 * `writtenRecord`). `unknown`: the call failed in a way that may have applied it. `deadline`: not sent,
 * because the invocation's deadline would have passed (nothing was done).
 */
export type WriteOutcome =
  | { state: 'ok'; index: number; record: CrmRecord }
  | {
      state: 'failed' | 'unknown';
      index: number;
      message: string;
      correlationId?: string;
      deadline?: boolean;
    };

export type ArchiveOutcome =
  | { state: 'ok'; index: number; id: string }
  | {
      state: 'failed' | 'unknown';
      index: number;
      id: string;
      message: string;
      correlationId?: string;
      deadline?: boolean;
    };

export const chunk = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

type Raw = Record<string, unknown>;
const asRaw = (v: unknown): Raw => (v !== null && typeof v === 'object' ? (v as Raw) : {});

export function toRecord(v: unknown): CrmRecord {
  const r = asRaw(v);
  const props = asRaw(r.properties) as Record<string, string | null>;
  const record: CrmRecord = { id: String(r.id), properties: props };
  if (typeof r.updatedAt === 'string') record.updatedAt = r.updatedAt;
  return record;
}

/**
 * ASSUMPTION (unverified): the properties in HubSpot's 2xx answer to a batch create, a batch update or
 * a PATCH are the values the record holds once the write is done (HubSpot's own stored, normalised
 * values — its spec says only that each result is the written record with `properties`), so a property
 * the answer shows with the value sent has held. A property the answer leaves out proves nothing: the
 * caller reads that record back by id. `false` makes every answer prove nothing (every write is read
 * back, as before this was trusted).
 */
export const WRITE_ANSWERS_SHOW_STORED_VALUES = true;

/** A record as a write's answer shows it: its id always, its properties only if they prove anything. */
export function writtenRecord(record: CrmRecord): CrmRecord {
  return WRITE_ANSWERS_SHOW_STORED_VALUES ? record : { ...record, properties: {} };
}

/** Sends, and turns any non-2xx status into a `GatewayError` with HubSpot's correlation id. */
export async function send(http: HubSpotHttp, request: HttpRequest): Promise<HttpResponse> {
  const response = await http(request);
  if (response.status >= 200 && response.status < 300) return response;
  throw errorFrom(response, `${request.method} ${request.path}`);
}

export function errorFrom(response: HttpResponse, endpoint: string): GatewayError {
  const body = (typeof response.body === 'object' ? response.body : undefined) as
    | HubSpotErrorBody
    | undefined;
  return new GatewayError({
    kind: classify(response.status, body),
    status: response.status,
    message: body?.message ?? `HTTP ${response.status}`,
    endpoint,
    body,
  });
}

export class CrmObjects {
  constructor(
    private readonly http: HubSpotHttp,
    readonly objectType: string,
  ) {}

  async getById(id: string, properties: readonly string[], idProperty?: string): Promise<CrmRecord | null> {
    const response = await this.http({
      method: 'GET',
      path: paths.object(this.objectType, id),
      query: { properties: properties.join(','), archived: false, ...(idProperty ? { idProperty } : {}) },
    });
    if (response.status === 404) return null;
    if (response.status < 200 || response.status >= 300)
      throw errorFrom(response, `GET ${this.objectType}/{id}`);
    return toRecord(response.body);
  }

  async listPage(properties: readonly string[], after?: string, limit: number = LIMITS.listPage) {
    const response = await send(this.http, {
      method: 'GET',
      path: paths.objects(this.objectType),
      query: { limit, properties: properties.join(','), archived: false, ...(after ? { after } : {}) },
    });
    const body = asRaw(response.body);
    const results = Array.isArray(body.results) ? body.results.map(toRecord) : [];
    const next = asRaw(asRaw(body.paging).next).after;
    return { results, after: typeof next === 'string' ? next : null };
  }

  async search(request: SearchRequest): Promise<SearchPage> {
    const response = await send(this.http, {
      method: 'POST',
      path: paths.search(this.objectType),
      body: {
        filterGroups: request.filterGroups,
        properties: [...request.properties],
        sorts: request.sort ? [request.sort] : [],
        limit: Math.min(request.limit ?? LIMITS.searchPage, LIMITS.searchPage),
        after: request.after ?? '0',
      },
    });
    const body = asRaw(response.body);
    const results = Array.isArray(body.results) ? body.results.map(toRecord) : [];
    const next = asRaw(asRaw(body.paging).next).after;
    return {
      results,
      // Without a total, a full page may have more behind it.
      total:
        typeof body.total === 'number'
          ? body.total
          : results.length >= (request.limit ?? LIMITS.searchPage)
            ? Number.MAX_SAFE_INTEGER
            : results.length,
      after: typeof next === 'string' && results.length > 0 ? next : null,
    };
  }

  /**
   * Every match however many: pages by `hs_object_id > last id` in ascending id order instead of the
   * `after` cursor, which HubSpot stops at 10,000 results.
   */
  async searchEveryMatch(request: Omit<SearchRequest, 'after' | 'limit' | 'sort'>): Promise<CrmRecord[]> {
    const all: CrmRecord[] = [];
    let last: string | null = null;
    for (;;) {
      const after: SearchFilter[] = last
        ? [{ propertyName: 'hs_object_id', operator: 'GT', value: last }]
        : [];
      const groups = request.filterGroups.length > 0 ? request.filterGroups : [{ filters: [] }];
      const page = await this.search({
        ...request,
        filterGroups: groups.map((g) => ({ filters: [...g.filters, ...after] })),
        sort: { propertyName: 'hs_object_id', direction: 'ASCENDING' },
        limit: LIMITS.searchPage,
      });
      all.push(...page.results);
      const tail = page.results.at(-1);
      // `total` counts this query's matches (ids above `last`): a full last page needs no empty follow-up.
      if (!tail || page.results.length < LIMITS.searchPage || page.results.length >= page.total) return all;
      last = tail.id;
    }
  }

  /**
   * Batch read in chunks of 100; ids HubSpot does not know (or archived) come back in `missing`, ids
   * it answered with another error (a 207 for them) in `unreadable`: those may well exist. With
   * `idProperty` (a unique-value property) the "ids" are that property's values.
   */
  async readByIds(ids: readonly string[], properties: readonly string[], idProperty?: string) {
    const found: CrmRecord[] = [];
    const unreadable = new Set<string>();
    for (const part of chunk([...new Set(ids)], LIMITS.batchInputs)) {
      const response = await send(this.http, {
        method: 'POST',
        path: paths.batch(this.objectType, 'read'),
        query: { archived: false },
        body: {
          inputs: part.map((id) => ({ id })),
          properties: idProperty ? [...new Set([...properties, idProperty])] : [...properties],
          propertiesWithHistory: [],
          ...(idProperty ? { idProperty } : {}),
        },
      });
      const body = asRaw(response.body);
      if (Array.isArray(body.results)) found.push(...body.results.map(toRecord));
      for (const error of Array.isArray(body.errors) ? body.errors : []) {
        if (asRaw(error).category === 'OBJECT_NOT_FOUND') continue;
        for (const id of batchError(error).ids) unreadable.add(id);
      }
    }
    const seen = new Set(found.map((r) => (idProperty ? (r.properties[idProperty] ?? '') : r.id)));
    return {
      found,
      missing: ids.filter((id) => !seen.has(id) && !unreadable.has(id)),
      unreadable: ids.filter((id) => !seen.has(id) && unreadable.has(id)),
    };
  }

  async create(inputs: readonly Record<string, string>[], matchKey: (p: CrmRecord['properties']) => string) {
    const outcomes: WriteOutcome[] = [];
    for (const [c, part] of chunk(inputs, LIMITS.batchInputs).entries()) {
      const offset = c * LIMITS.batchInputs;
      const body = {
        inputs: part.map((properties, i) => ({
          properties,
          associations: [],
          objectWriteTraceId: String(offset + i),
        })),
      };
      // Batch create is not idempotent: the retry wrapper repeats it only after a 429.
      const out = await this.batchWrite('create', body, false);
      outcomes.push(...matchOutcomes(out, part, offset, matchKey));
    }
    return outcomes;
  }

  async update(inputs: readonly { id: string; properties: Record<string, string> }[]) {
    const outcomes: WriteOutcome[] = [];
    for (const [c, part] of chunk(inputs, LIMITS.batchInputs).entries()) {
      const offset = c * LIMITS.batchInputs;
      const body = {
        inputs: part.map((input, i) => ({ ...input, objectWriteTraceId: String(offset + i) })),
      };
      const out = await this.batchWrite('update', body, true);
      outcomes.push(...matchOutcomes(out, part, offset, undefined, (i) => part[i]?.id ?? ''));
    }
    return outcomes;
  }

  async archive(ids: readonly string[]): Promise<ArchiveOutcome[]> {
    const outcomes: ArchiveOutcome[] = [];
    for (const [c, part] of chunk(ids, LIMITS.batchInputs).entries()) {
      const offset = c * LIMITS.batchInputs;
      const out = await this.batchWrite('archive', { inputs: part.map((id) => ({ id })) }, true);
      part.forEach((id, i) => {
        const index = offset + i;
        if (out.kind === 'answered') {
          const error = out.errors.find((e) => e.ids.includes(id));
          outcomes.push(
            error ? { state: 'failed', index, id, message: error.message } : { state: 'ok', index, id },
          );
        } else
          outcomes.push({
            state: out.kind,
            index,
            id,
            message: out.message,
            ...corr(out.correlationId),
            ...(out.deadline ? { deadline: true } : {}),
          });
      });
    }
    return outcomes;
  }

  async patch(id: string, properties: Record<string, string>): Promise<CrmRecord> {
    const response = await send(this.http, {
      method: 'PATCH',
      path: paths.object(this.objectType, id),
      body: { properties },
    });
    return toRecord(response.body);
  }

  /**
   * `repeatable`: the record carries a unique-value property, so a retried create can never make a
   * second record (it fails instead): safe to retry after a server error or a lost answer.
   */
  async createOne(properties: Record<string, string>, repeatable = false): Promise<CrmRecord> {
    const response = await send(this.http, {
      method: 'POST',
      path: paths.objects(this.objectType),
      body: { properties, associations: [] },
      idempotent: repeatable,
    });
    return toRecord(response.body);
  }

  private async batchWrite(op: 'create' | 'update' | 'archive', body: unknown, idempotent: boolean) {
    const endpoint = `POST ${this.objectType}/batch/${op}`;
    let response: HttpResponse;
    try {
      response = await this.http({
        method: 'POST',
        path: paths.batch(this.objectType, op),
        body,
        idempotent,
      });
    } catch (e) {
      // A deadline stop sent nothing (or answered a 429, which did nothing): not applied, for sure.
      if (e instanceof GatewayError && e.kind === 'deadline') {
        return { kind: 'failed' as const, message: e.message, deadline: true };
      }
      if (e instanceof GatewayError) return { kind: 'unknown' as const, message: e.message };
      throw e;
    }
    if (response.status >= 200 && response.status < 300) {
      const raw = asRaw(response.body);
      return {
        kind: 'answered' as const,
        results: Array.isArray(raw.results)
          ? raw.results.map((r) => ({ record: toRecord(r), trace: asRaw(r).objectWriteTraceId }))
          : [],
        errors: (Array.isArray(raw.errors) ? raw.errors : []).map(batchError),
      };
    }
    const error = errorFrom(response, endpoint);
    // A 4xx refused the whole chunk (nothing applied); a 5xx or exhausted 429 may or may not have.
    const kind = error.kind === 'server' ? ('unknown' as const) : ('failed' as const);
    return { kind, message: error.message, correlationId: error.correlationId };
  }
}

type BatchError = { message: string; ids: string[]; traces: string[] };

function batchError(e: unknown): BatchError {
  const r = asRaw(e);
  const context = asRaw(r.context);
  const strings = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);
  return {
    message: typeof r.message === 'string' ? r.message : 'failed',
    ids: strings(context.ids ?? context.id),
    traces: strings(context.objectWriteTraceId ?? r.objectWriteTraceId),
  };
}

const corr = (id: string | undefined) => (id ? { correlationId: id } : {});

type BatchAnswer =
  | { kind: 'answered'; results: { record: CrmRecord; trace: unknown }[]; errors: BatchError[] }
  | {
      kind: 'failed' | 'unknown';
      message: string;
      correlationId?: string | undefined;
      deadline?: boolean | undefined;
    };

/**
 * Per-input outcomes of one chunk. Results are matched to inputs by `objectWriteTraceId`, then by id
 * (updates) or by `matchKey` (creates, when HubSpot did not echo the trace id); inputs left unmatched failed.
 */
function matchOutcomes<T>(
  out: BatchAnswer,
  part: readonly T[],
  offset: number,
  matchKey?: (p: CrmRecord['properties']) => string,
  idOf?: (i: number) => string,
): WriteOutcome[] {
  if (out.kind !== 'answered') {
    return part.map((_, i) => ({
      state: out.kind,
      index: offset + i,
      message: out.message,
      ...corr(out.correlationId),
      ...(out.deadline ? { deadline: true } : {}),
    }));
  }
  const byTrace = new Map<string, CrmRecord>();
  const byKey = new Map<string, CrmRecord>();
  for (const r of out.results) {
    if (typeof r.trace === 'string') byTrace.set(r.trace, r.record);
    byKey.set(idOf ? r.record.id : (matchKey?.(r.record.properties) ?? r.record.id), r.record);
  }
  return part.map((input, i) => {
    const index = offset + i;
    const key = idOf ? idOf(i) : (matchKey?.(input as CrmRecord['properties']) ?? '');
    const record = byTrace.get(String(index)) ?? byKey.get(key);
    if (record) return { state: 'ok', index, record: writtenRecord(record) };
    const error = out.errors.find((e) => e.traces.includes(String(index)) || (idOf && e.ids.includes(key)));
    return { state: 'failed', index, message: error?.message ?? out.errors[0]?.message ?? 'not applied' };
  });
}
