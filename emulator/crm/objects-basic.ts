import { objectNotFound, validationError } from '../http/errors.js';
import { type ApiRequest, type ApiResponse, json, noContent } from '../http/types.js';
import type { ObjectType } from '../store/object-types.js';
import type { CrmRecord } from '../store/records.js';
import { compareIds } from '../store/store.js';
import { bodyObject, type CrmContext, queryFlag, resolveObjectType } from './context.js';
import { checkProperties, missingRequired, propertyValidationError } from './property-input.js';
import { archiveRecord, createRecord, updateRecord } from './record-writes.js';
import { requestedProperties, toApiObject, toWrittenObject } from './serialise.js';
import { uniqueValueConflict, uniqueValueError } from './unique-values.js';

export const LIST_LIMIT_MAX = 100;
const LIST_LIMIT_DEFAULT = 10;

/** `GET /crm/v3/objects/{type}`: id order, `after` is the id to start from. */
// ASSUMPTION (unverified): list order is record id order and the `after` cursor is the next record's id.
export function listObjects(context: CrmContext, request: ApiRequest): ApiResponse {
  const type = resolveObjectType(context, request);
  const limitText = request.query.get('limit');
  const limit = limitText === null ? LIST_LIMIT_DEFAULT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > LIST_LIMIT_MAX) {
    throw validationError(`limit must be an integer between 1 and ${LIST_LIMIT_MAX}, got ${limitText}`);
  }
  const after = request.query.get('after');
  if (after !== null && !/^\d+$/.test(after)) throw validationError(`Invalid paging cursor: ${after}`);
  const archived = queryFlag(request.query, 'archived');
  const requested = requestedProperties(request.query.getAll('properties'));
  const ordered = context.store.inIdOrder(type);
  const page: CrmRecord[] = [];
  let next: string | undefined;
  for (let index = after === null ? 0 : firstIndexFrom(ordered, after); index < ordered.length; index++) {
    const record = ordered[index];
    if (!record || record.archived !== archived) continue;
    if (page.length === limit) {
      next = record.id;
      break;
    }
    page.push(record);
  }
  return json(200, {
    results: page.map((record) => toApiObject(type, record, requested)),
    ...(next !== undefined ? { paging: { next: { after: next, link: `?after=${next}` } } } : {}),
  });
}

/** Binary search: the index of the first record whose id is at or after `id`. */
function firstIndexFrom(ordered: readonly CrmRecord[], id: string): number {
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareIds(ordered[middle]?.id ?? '', id) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Find a record by id (or by a unique property with `idProperty`). */
export function findRecord(
  context: CrmContext,
  type: ObjectType,
  id: string,
  idProperty: string | null | undefined,
): CrmRecord | undefined {
  if (!idProperty || idProperty === 'hs_object_id') return context.store.recordsOf(type).get(id);
  const definition = type.properties.get(idProperty);
  if (!definition?.hasUniqueValue) {
    throw validationError(`${idProperty} is not a unique property of ${type.name}`);
  }
  for (const record of context.store.recordsOf(type).values()) {
    if (!record.archived && record.properties[idProperty] === id) return record;
  }
  return undefined;
}

export function getObject(context: CrmContext, request: ApiRequest): ApiResponse {
  const type = resolveObjectType(context, request);
  const id = request.params.id ?? '';
  const record = findRecord(context, type, id, request.query.get('idProperty'));
  const archived = queryFlag(request.query, 'archived');
  if (!record || record.archived !== archived) throw objectNotFound(id);
  return json(200, toApiObject(type, record, requestedProperties(request.query.getAll('properties'))));
}

export function createObject(context: CrmContext, request: ApiRequest): ApiResponse {
  const type = resolveObjectType(context, request);
  const body = bodyObject(request.body);
  const checked = checkProperties(type, body.properties ?? {}, context.store);
  if (!checked.ok) throw propertyValidationError(checked.errors);
  const missing = missingRequired(type, checked.changes);
  if (missing.length > 0) throw propertyValidationError(missing);
  const conflict = uniqueValueConflict(context.store, type, checked.changes);
  if (conflict) throw uniqueValueError(type, conflict);
  const record = context.store.transaction(() =>
    createRecord(context.store, type, checked.changes, context.store.writeTime()),
  );
  return json(201, toWrittenObject(record));
}

export function patchObject(context: CrmContext, request: ApiRequest): ApiResponse {
  const type = resolveObjectType(context, request);
  const id = request.params.id ?? '';
  const body = bodyObject(request.body);
  const record = findRecord(context, type, id, request.query.get('idProperty'));
  if (!record || record.archived) throw objectNotFound(id);
  const checked = checkProperties(type, body.properties ?? {}, context.store);
  if (!checked.ok) throw propertyValidationError(checked.errors);
  const conflict = uniqueValueConflict(context.store, type, checked.changes, record.id);
  if (conflict) throw uniqueValueError(type, conflict);
  context.store.transaction(() =>
    updateRecord(context.store, type, record, checked.changes, context.store.writeTime()),
  );
  return json(200, toWrittenObject(record));
}

/** DELETE archives; an unknown or already archived id is still a 204 (HubSpot's delete is idempotent). */
// ASSUMPTION (unverified): DELETE of an unknown id answers 204, not 404.
export function deleteObject(context: CrmContext, request: ApiRequest): ApiResponse {
  const type = resolveObjectType(context, request);
  const record = context.store.recordsOf(type).get(request.params.id ?? '');
  if (record && !record.archived) {
    context.store.transaction(() => archiveRecord(context.store, type, record, context.store.writeTime()));
  }
  return noContent();
}
