import type { ObjectType } from '../store/object-types.js';
import type { CrmRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { PropertyChanges } from './property-input.js';
import { formatStoredDatetime } from './values.js';

function applyChanges(
  base: Readonly<Record<string, string>>,
  changes: PropertyChanges,
): Record<string, string> {
  const next: Record<string, string> = { ...base };
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) delete next[name];
    else next[name] = value;
  }
  return next;
}

/** Create a record with already-checked properties, maintaining the system properties. */
export function createRecord(
  store: Store,
  type: ObjectType,
  changes: PropertyChanges,
  at: number,
): CrmRecord {
  const id = store.newObjectId();
  const stamp = formatStoredDatetime(at);
  const properties = applyChanges({}, changes);
  if (type.properties.has('createdate') && properties.createdate === undefined) properties.createdate = stamp;
  if (type.properties.has('lastmodifieddate')) properties.lastmodifieddate = stamp;
  const record: CrmRecord = {
    id,
    properties: { ...properties, hs_object_id: id, hs_createdate: stamp, hs_lastmodifieddate: stamp },
    createdAt: at,
    updatedAt: at,
    archived: false,
    archivedAt: null,
    indexed: null,
    indexPendingAt: null,
  };
  store.saved(type, record);
  return record;
}

/** Apply checked changes to a live record (a new `properties` object, so search can keep the old one). */
export function updateRecord(
  store: Store,
  type: ObjectType,
  record: CrmRecord,
  changes: PropertyChanges,
  at: number,
): CrmRecord {
  store.settleSearch(type);
  const stamp = formatStoredDatetime(at);
  const properties = applyChanges(record.properties, changes);
  properties.hs_lastmodifieddate = stamp;
  if (type.properties.has('lastmodifieddate')) properties.lastmodifieddate = stamp;
  record.properties = properties;
  record.updatedAt = at;
  store.saved(type, record);
  return record;
}

export function archiveRecord(store: Store, type: ObjectType, record: CrmRecord, at: number): void {
  if (record.archived) return;
  store.settleSearch(type);
  record.archived = true;
  record.archivedAt = at;
  record.updatedAt = at;
  record.properties = { ...record.properties, hs_lastmodifieddate: formatStoredDatetime(at) };
  store.saved(type, record);
}
