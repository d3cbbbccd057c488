import { HubSpotHttpError, validationError } from '../http/errors.js';
import { type ApiRequest, type ApiResponse, json } from '../http/types.js';
import type { ObjectType } from '../store/object-types.js';
import type { CrmRecord } from '../store/records.js';
import { compareIds } from '../store/store.js';
import { bodyObject, type CrmContext, resolveObjectType } from './context.js';
import {
  compareValues,
  compileFilter,
  type FilterInput,
  type Predicate,
  type Properties,
} from './search-filters.js';
import { requestedProperties, toApiObject } from './serialise.js';

export const SEARCH_LIMITS = {
  pageSize: 200,
  defaultPageSize: 10,
  totalResults: 10_000,
  filterGroups: 5,
  filtersPerGroup: 6,
  filtersInAll: 18,
  sorts: 1,
} as const;

function compileFilterGroups(
  request: Record<string, unknown>,
  type: Parameters<typeof compileFilter>[0],
): Predicate {
  const groups = request.filterGroups ?? [];
  if (!Array.isArray(groups)) throw validationError('filterGroups must be an array');
  if (groups.length > SEARCH_LIMITS.filterGroups) {
    throw validationError(`Too many filter groups: ${groups.length}, at most ${SEARCH_LIMITS.filterGroups}`);
  }
  let total = 0;
  const compiled = groups.map((group: unknown) => {
    const filters = (group as { filters?: unknown })?.filters ?? [];
    if (!Array.isArray(filters)) throw validationError('filterGroups[].filters must be an array');
    if (filters.length > SEARCH_LIMITS.filtersPerGroup) {
      throw validationError(
        `Too many filters in a group: ${filters.length}, at most ${SEARCH_LIMITS.filtersPerGroup}`,
      );
    }
    total += filters.length;
    const predicates = filters.map((filter: FilterInput) => compileFilter(type, filter));
    return (p: Properties) => predicates.every((predicate) => predicate(p));
  });
  if (total > SEARCH_LIMITS.filtersInAll) {
    throw validationError(`Too many filters: ${total}, at most ${SEARCH_LIMITS.filtersInAll} in all`);
  }
  // Groups are ORed, filters inside a group ANDed; no groups means every record.
  return compiled.length === 0 ? () => true : (p) => compiled.some((group) => group(p));
}

/**
 * One indexable `EQ` (text or option property) from every filter group, or undefined when some group
 * has none: then the search must scan. The full filters still run on the candidates.
 */
function equalityPerGroup(
  request: Record<string, unknown>,
  type: ObjectType,
): Array<[string, string]> | undefined {
  const groups = request.filterGroups;
  if (!Array.isArray(groups) || groups.length === 0) return undefined;
  const equalities: Array<[string, string]> = [];
  for (const group of groups as Array<{ filters?: FilterInput[] }>) {
    const equality = (group.filters ?? []).find((filter) => {
      const definition = type.properties.get(String(filter.propertyName));
      return (
        filter.operator === 'EQ' &&
        typeof filter.value === 'string' &&
        (definition?.type === 'string' || definition?.type === 'enumeration')
      );
    });
    if (!equality) return undefined;
    equalities.push([String(equality.propertyName), String(equality.value)]);
  }
  return equalities;
}

interface Sort {
  propertyName: string;
  direction: 'ASCENDING' | 'DESCENDING';
}

/** One sort, as `{ propertyName, direction }` or as the SDK's mistyped string (`"-name"` descending). */
function readSort(request: Record<string, unknown>): Sort | undefined {
  const sorts = request.sorts ?? [];
  if (!Array.isArray(sorts)) throw validationError('sorts must be an array');
  if (sorts.length > SEARCH_LIMITS.sorts) throw validationError('Only one sort is allowed');
  const sort: unknown = sorts[0];
  if (sort === undefined) return undefined;
  if (typeof sort === 'string') {
    return sort.startsWith('-')
      ? { propertyName: sort.slice(1), direction: 'DESCENDING' }
      : { propertyName: sort, direction: 'ASCENDING' };
  }
  const { propertyName, direction } = sort as { propertyName?: unknown; direction?: unknown };
  return {
    propertyName: String(propertyName ?? ''),
    direction: direction === 'DESCENDING' ? 'DESCENDING' : 'ASCENDING',
  };
}

function queryMatcher(query: unknown, searchable: string[]): Predicate | undefined {
  if (typeof query !== 'string' || query.trim() === '') return undefined;
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return (p) => {
    const tokens = searchable.flatMap((name) => (p[name] ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u));
    return words.every((word) => tokens.some((token) => token.startsWith(word)));
  };
}

/** `POST /crm/v3/objects/{type}/search`: what the search index shows (lagging, never archived). */
export function searchObjects(context: CrmContext, request: ApiRequest): ApiResponse {
  const type = resolveObjectType(context, request);
  const body = bodyObject(request.body);
  const limit = body.limit === undefined ? SEARCH_LIMITS.defaultPageSize : Number(body.limit);
  if (!Number.isInteger(limit) || limit < 0 || limit > SEARCH_LIMITS.pageSize) {
    throw validationError(`limit must be an integer between 0 and ${SEARCH_LIMITS.pageSize}`);
  }
  const afterText =
    body.after === undefined || body.after === null || body.after === '' ? '0' : String(body.after);
  if (!/^\d+$/.test(afterText)) throw validationError(`Invalid paging cursor: ${afterText}`);
  const offset = Number(afterText);
  // ASSUMPTION (unverified): paging past the 10,000th result is a 400 (HubSpot documents the cap only).
  if (offset >= SEARCH_LIMITS.totalResults) {
    throw new HubSpotHttpError(
      400,
      'VALIDATION_ERROR',
      `Search results are limited to ${SEARCH_LIMITS.totalResults}; after=${offset} is past the end`,
    );
  }
  const matches = compileFilterGroups(body, type);
  const textMatch = queryMatcher(body.query, type.searchableProperties);
  const sort = readSort(body);
  const sortDefinition = sort ? type.properties.get(sort.propertyName) : undefined;
  if (sort && !sortDefinition)
    throw validationError(`Invalid sort: property ${sort.propertyName} does not exist`);

  const hits = context.store.scanSearchable(
    type,
    (p) => matches(p) && (textMatch === undefined || textMatch(p)),
    equalityPerGroup(body, type),
  );
  if (sort && sortDefinition) {
    const sign = sort.direction === 'DESCENDING' ? -1 : 1;
    const name = sort.propertyName;
    const viewOf = (record: CrmRecord) => record.indexed?.properties ?? record.properties;
    // ASSUMPTION (unverified): records without the sort property come last in either direction.
    hits.sort((a, b) => {
      const left = viewOf(a)[name];
      const right = viewOf(b)[name];
      if (left === undefined || right === undefined) {
        return left === right ? compareIds(a.id, b.id) : left === undefined ? 1 : -1;
      }
      const wanted =
        sortDefinition.type === 'number' || sortDefinition.type.startsWith('date')
          ? right
          : right.toLowerCase();
      const order = compareValues(sortDefinition, left, wanted) ?? 0;
      return order !== 0 ? sign * order : compareIds(a.id, b.id);
    });
  }
  // ASSUMPTION (unverified): without a sort, results come in record id order (the scan's order).
  const requested = requestedProperties(body.properties);
  const page = hits.slice(offset, offset + limit);
  const nextOffset = offset + limit;
  const hasNext = limit > 0 && nextOffset < hits.length && nextOffset < SEARCH_LIMITS.totalResults;
  return json(200, {
    total: hits.length,
    results: page.map((record) => toApiObject(type, record, requested, record.indexed ?? record)),
    ...(hasNext ? { paging: { next: { after: String(nextOffset), link: `?after=${nextOffset}` } } } : {}),
  });
}
