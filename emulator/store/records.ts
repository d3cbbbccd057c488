/** One stored CRM record. `properties` is replaced (never mutated) on every write, so the search
 * index can keep a reference to an older version while a change is still "lagging". */
export interface CrmRecord {
  id: string;
  properties: Readonly<Record<string, string>>;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt: number | null;
  /** What search sees: null while a new record is not yet searchable. */
  indexed: { properties: Readonly<Record<string, string>>; updatedAt: number } | null;
  /** When the pending change becomes visible to search; null when search is up to date. */
  indexPendingAt: number | null;
}

/** Bring a record's search view up to date when its lag has passed. */
export function refreshIndex(record: CrmRecord, now: number): void {
  if (record.indexPendingAt !== null && now >= record.indexPendingAt) {
    record.indexed = { properties: record.properties, updatedAt: record.updatedAt };
    record.indexPendingAt = null;
  }
}

/** Record the write for search: visible at once without lag, else after `lagMs`. */
// ASSUMPTION (unverified): during the lag a new record is absent from search and a changed record is
// found by (and shown with) its previous values, as an index that has not caught up would do.
export function markWritten(record: CrmRecord, now: number, lagMs: number): void {
  if (lagMs <= 0) {
    record.indexed = { properties: record.properties, updatedAt: record.updatedAt };
    record.indexPendingAt = null;
  } else {
    record.indexPendingAt = now + lagMs;
  }
}
