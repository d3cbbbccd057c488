import type { CrmRecord } from './records.js';

type View = NonNullable<CrmRecord['indexed']>;
const NOTHING: ReadonlySet<CrmRecord> = new Set();

const keyOf = (value: string) => value.toLowerCase();

function bucket(buckets: Map<string, Set<CrmRecord>>, key: string): Set<CrmRecord> {
  let records = buckets.get(key);
  if (!records) {
    records = new Set();
    buckets.set(key, records);
  }
  return records;
}

/**
 * What search sees of one object type: each record's search view (which lags behind writes by
 * `lagMs`) and case-insensitive equality indexes over those views, built on the first EQ search on a
 * property and kept current afterwards, so that a search by family uuid or owner skips the full scan.
 */
export class SearchIndex {
  private readonly byProperty = new Map<string, Map<string, Set<CrmRecord>>>();
  private readonly pending = new Set<CrmRecord>();

  constructor(private readonly records: () => Iterable<CrmRecord>) {}

  /** Make `view` what search sees of the record, moving it between index buckets. */
  setView(record: CrmRecord, view: View | null): void {
    const previous = record.indexed;
    for (const [property, buckets] of this.byProperty) {
      const before = previous?.properties[property];
      const after = view?.properties[property];
      if (before === after && (previous === null) === (view === null)) continue;
      if (before !== undefined) buckets.get(keyOf(before))?.delete(record);
      if (after !== undefined) bucket(buckets, keyOf(after)).add(record);
    }
    record.indexed = view;
  }

  /** A record was written: search sees it at once without lag, else once `lagMs` has passed. */
  // ASSUMPTION (unverified): during the lag a new record is absent from search and a changed record is
  // found by (and shown with) its previous values, as an index that has not caught up would do.
  written(record: CrmRecord, now: number, lagMs: number): void {
    if (lagMs <= 0) {
      this.pending.delete(record);
      record.indexPendingAt = null;
      this.setView(record, { properties: record.properties, updatedAt: record.updatedAt });
    } else {
      record.indexPendingAt = now + lagMs;
      this.pending.add(record);
    }
  }

  /** Apply every lagging change whose time has come. */
  catchUp(now: number): void {
    for (const record of this.pending) {
      if (record.indexPendingAt !== null && now >= record.indexPendingAt) {
        record.indexPendingAt = null;
        this.pending.delete(record);
        this.setView(record, { properties: record.properties, updatedAt: record.updatedAt });
      }
    }
  }

  /** Records whose search view holds this value (ignoring case); archived ones included, callers filter. */
  lookup(property: string, value: string): ReadonlySet<CrmRecord> {
    let buckets = this.byProperty.get(property);
    if (!buckets) {
      buckets = new Map();
      for (const record of this.records()) {
        const current = record.indexed?.properties[property];
        if (current !== undefined) bucket(buckets, keyOf(current)).add(record);
      }
      this.byProperty.set(property, buckets);
    }
    return buckets.get(keyOf(value)) ?? NOTHING;
  }
}
