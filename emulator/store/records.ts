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
