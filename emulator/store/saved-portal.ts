import type { PropertyDefinition } from '../crm/property-types.js';
import type { Owner, Pipeline, Team, User } from '../seed/types.js';
import type { Db } from './database.js';
import type { StoredSchema } from './object-types.js';
import type { CrmRecord } from './records.js';

interface ObjectRow {
  type: string;
  id: string;
  properties: string;
  created_at: number;
  updated_at: number;
  archived: number;
  archived_at: number | null;
}

/** Everything a file database holds, read back in the shapes the store keeps in memory. */
export function readSavedPortal(db: Db) {
  const meta = new Map(
    (db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>).map((row) => [
      row.key,
      row.value,
    ]),
  );
  const lookups = db.prepare('SELECT kind, body FROM lookups ORDER BY kind, position').all() as Array<{
    kind: string;
    body: string;
  }>;
  const pipelines = new Map<string, Pipeline[]>();
  for (const row of lookups.filter((candidate) => candidate.kind.startsWith('pipeline:'))) {
    const objectType = row.kind.slice('pipeline:'.length);
    pipelines.set(objectType, [...(pipelines.get(objectType) ?? []), JSON.parse(row.body) as Pipeline]);
  }
  const schemas = (db.prepare('SELECT body FROM schemas').all() as Array<{ body: string }>).map(
    (row) => JSON.parse(row.body) as StoredSchema,
  );
  const propertyDefinitions = (
    db.prepare('SELECT type, body FROM property_defs').all() as Array<{ type: string; body: string }>
  ).map((row) => ({ type: row.type, definition: JSON.parse(row.body) as PropertyDefinition }));
  function* records(): Generator<{ type: string; record: CrmRecord }> {
    for (const row of db.prepare('SELECT * FROM objects').iterate() as IterableIterator<ObjectRow>) {
      const properties = JSON.parse(row.properties) as Record<string, string>;
      yield {
        type: row.type,
        record: {
          id: row.id,
          properties,
          createdAt: row.created_at,
          updatedAt: row.updated_at,
          archived: row.archived === 1,
          archivedAt: row.archived_at,
          // Reopened data has been searchable for a long time: no lag.
          indexed: { properties, updatedAt: row.updated_at },
          indexPendingAt: null,
        },
      };
    }
  }
  return {
    meta,
    owners: lookups.filter((row) => row.kind === 'owner').map((row) => JSON.parse(row.body) as Owner),
    teams: lookups.filter((row) => row.kind === 'team').map((row) => JSON.parse(row.body) as Team),
    users: lookups.filter((row) => row.kind === 'user').map((row) => JSON.parse(row.body) as User),
    pipelines,
    schemas,
    propertyDefinitions,
    records,
  };
}
