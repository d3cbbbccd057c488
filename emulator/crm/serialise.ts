import type { ObjectType } from '../store/object-types.js';
import type { CrmRecord } from '../store/records.js';
import { formatStoredDatetime } from './values.js';

const ALWAYS_RETURNED = ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'];

/** Property names from `properties=a,b` (repeated or comma-separated) or a JSON array. */
export function requestedProperties(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value.map(String) : [String(value)];
  const names = list
    .flatMap((item) => item.split(','))
    .map((name) => name.trim())
    .filter(Boolean);
  return names.length > 0 ? names : undefined;
}

/**
 * The `properties` object of a response. Asked-for properties that the type defines come back even
 * when unset (as `null`, as HubSpot does and as the SDK's `string | null` type says); unknown names are
 * ignored. Without a list, the type's defaults that have a value.
 */
// ASSUMPTION (unverified): the three system properties come back on every read, whatever was asked.
// ASSUMPTION (unverified): an asked-for but unset property comes back as `null` (the SDK types allow it).
export function selectProperties(
  type: ObjectType,
  properties: Readonly<Record<string, string>>,
  requested: string[] | undefined,
): Record<string, string | null> {
  const selected: Record<string, string | null> = {};
  if (requested === undefined) {
    for (const name of type.defaultProperties) {
      const value = properties[name];
      if (value !== undefined) selected[name] = value;
    }
    return selected;
  }
  for (const name of [...requested, ...ALWAYS_RETURNED]) {
    if (!type.properties.has(name)) continue;
    selected[name] = properties[name] ?? null;
  }
  return selected;
}

export interface ApiObject {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
  objectWriteTraceId?: string;
}

export function toApiObject(
  type: ObjectType,
  record: CrmRecord,
  requested: string[] | undefined,
  view: { properties: Readonly<Record<string, string>>; updatedAt: number } = record,
): ApiObject {
  return {
    id: record.id,
    properties: selectProperties(type, view.properties, requested),
    createdAt: formatStoredDatetime(record.createdAt),
    updatedAt: formatStoredDatetime(view.updatedAt),
    archived: record.archived,
    ...(record.archivedAt !== null ? { archivedAt: formatStoredDatetime(record.archivedAt) } : {}),
  };
}

/** A write result: every stored property, so callers see what was applied. */
export function toWrittenObject(record: CrmRecord, objectWriteTraceId?: string): ApiObject {
  return {
    id: record.id,
    properties: { ...record.properties },
    createdAt: formatStoredDatetime(record.createdAt),
    updatedAt: formatStoredDatetime(record.updatedAt),
    archived: record.archived,
    ...(objectWriteTraceId !== undefined ? { objectWriteTraceId } : {}),
  };
}
