/**
 * The app's own storage in the portal (F11 settings, F12 journal): records of a custom object the app
 * creates on first use through the schemas API. Why a custom object: see docs/safe-writes.md.
 */

import { GatewayError } from './errors';
import type { HubSpotHttp } from './http';
import type { CrmRecord } from './objects';
import { CrmObjects, send } from './objects';
import { paths } from './paths';

export const STORE_OBJECT_NAME = 'goal_families_record';
export const STORE_PROPERTIES = [
  'gf_kind',
  'gf_key',
  'gf_family_uuid',
  'gf_payload',
  'gf_created_at',
] as const;
/** HubSpot's limit for a string property value; payloads above it are refused before sending. */
export const MAX_PAYLOAD_CHARS = 65_000;

export type StoredRecord = {
  id: string;
  kind: 'settings' | 'journal';
  key: string;
  familyUuid: string;
  payload: unknown;
  createdAt: string;
  /** `hs_lastmodifieddate`: the version an optimistic save compares. */
  version: string;
};

export interface AppStore {
  /** The longest payload (JSON characters) one stored record can hold. */
  readonly maxPayloadChars: number;
  getSettings(): Promise<StoredRecord | null>;
  /** Creates or replaces the settings record; returns it as stored. */
  putSettings(payload: unknown, existingId: string | null, createdAt: string): Promise<StoredRecord>;
  appendJournal(entry: {
    familyUuid: string;
    payload: unknown;
    createdAt: string;
    key: string;
  }): Promise<StoredRecord>;
  readJournal(id: string): Promise<StoredRecord | null>;
  /**
   * Journal records by their unique key (`gf_key`), read by id: no search, so no lag. Keys with no
   * record are left out.
   */
  readJournalByKeys(keys: readonly string[]): Promise<StoredRecord[]>;
  /** Replaces an entry's payload, and its key when `key` is given (keys are unique: taken → error). */
  updateJournal(id: string, payload: unknown, key?: string): Promise<StoredRecord>;
  /** Newest first. `after` is the cursor of the previous page. */
  listJournal(query: { familyUuid?: string; limit: number; after?: string }): Promise<{
    entries: StoredRecord[];
    after: string | null;
  }>;
}

const READ = [...STORE_PROPERTIES, 'hs_lastmodifieddate'];

// ASSUMPTION (unverified): a private app with the crm.schemas.custom.* scopes may create this custom object
// on first use (custom objects need an Enterprise portal, which apps with functions require anyway), and a
// string property holds a journal entry's JSON (up to 65,536 characters).
// `gf_key` has unique values: the journal reads a family's open and newest entries by key (no search
// lag), and creating a second record with a taken key fails, which makes `open:<uuid>` a lock.
const SCHEMA = {
  name: STORE_OBJECT_NAME,
  labels: { singular: 'Goal Families record', plural: 'Goal Families records' },
  primaryDisplayProperty: 'gf_key',
  requiredProperties: ['gf_kind', 'gf_key'],
  searchableProperties: ['gf_key', 'gf_family_uuid'],
  properties: [
    {
      name: 'gf_kind',
      label: 'Kind',
      type: 'enumeration',
      fieldType: 'select',
      options: [
        { label: 'Settings', value: 'settings' },
        { label: 'Journal', value: 'journal' },
      ],
    },
    { name: 'gf_key', label: 'Key', type: 'string', fieldType: 'text', hasUniqueValue: true },
    { name: 'gf_family_uuid', label: 'Family uuid', type: 'string', fieldType: 'text' },
    { name: 'gf_payload', label: 'Payload (JSON)', type: 'string', fieldType: 'textarea' },
    { name: 'gf_created_at', label: 'Created at', type: 'datetime', fieldType: 'date' },
  ],
  associatedObjects: [],
};

type Raw = Record<string, unknown>;
const asRaw = (v: unknown): Raw => (v !== null && typeof v === 'object' ? (v as Raw) : {});

function toStored(r: CrmRecord): StoredRecord {
  const p = r.properties;
  let payload: unknown = null;
  try {
    payload = JSON.parse(p.gf_payload ?? 'null');
  } catch {
    payload = null;
  }
  return {
    id: r.id,
    kind: p.gf_kind === 'settings' ? 'settings' : 'journal',
    key: p.gf_key ?? '',
    familyUuid: p.gf_family_uuid ?? '',
    payload,
    createdAt: p.gf_created_at ?? '',
    version: p.hs_lastmodifieddate ?? r.updatedAt ?? '',
  };
}

function serialise(payload: unknown): string {
  const text = JSON.stringify(payload);
  if (text.length > MAX_PAYLOAD_CHARS)
    throw new RangeError(`payload of ${text.length} chars exceeds ${MAX_PAYLOAD_CHARS}`);
  return text;
}

export function createAppStore(http: HubSpotHttp): AppStore {
  let existing: Promise<CrmObjects | null> | null = null;
  /** The custom object if the portal has it (looked up once per invocation); reads never create it. */
  const find = () => {
    existing ??= (async () => {
      const list = await send(http, { method: 'GET', path: paths.schemas() });
      const results = asRaw(list.body).results;
      const found = (Array.isArray(results) ? results : [])
        .map(asRaw)
        .find((s) => s.name === STORE_OBJECT_NAME);
      return found ? new CrmObjects(http, String(found.objectTypeId)) : null;
    })();
    existing.catch(() => {
      existing = null;
    });
    return existing;
  };
  /** For writes: the custom object, created through the schemas API on first use. */
  const store = async () => {
    const found = await find();
    if (found) return found;
    let created: Awaited<ReturnType<typeof send>>;
    try {
      created = await send(http, { method: 'POST', path: paths.schemas(), body: SCHEMA, idempotent: false });
    } catch (e) {
      // Another invocation created it first (or this create's answer was lost): use that one.
      existing = null;
      const now = e instanceof GatewayError && (e.status === 409 || e.outcomeUnknown) ? await find() : null;
      if (now) return now;
      throw e;
    }
    const objects = new CrmObjects(http, String(asRaw(created.body).objectTypeId));
    existing = Promise.resolve(objects);
    return objects;
  };
  const newestFirst = { propertyName: 'gf_created_at', direction: 'DESCENDING' as const };

  return {
    maxPayloadChars: MAX_PAYLOAD_CHARS,
    async getSettings() {
      const o = await find();
      if (!o) return null;
      const page = await o.search({
        filterGroups: [{ filters: [{ propertyName: 'gf_kind', operator: 'EQ', value: 'settings' }] }],
        properties: READ,
        sort: newestFirst,
        limit: 10,
      });
      // Two saves inside search's lag can leave two records; the newest wins.
      const first = page.results[0];
      return first ? toStored(first) : null;
    },
    async putSettings(payload, existingId, createdAt) {
      const o = await store();
      const properties = { gf_kind: 'settings', gf_key: 'settings', gf_payload: serialise(payload) };
      const record = existingId
        ? await o.patch(existingId, properties)
        : await o.createOne({ ...properties, gf_family_uuid: '', gf_created_at: createdAt });
      return toStored(record);
    },
    async appendJournal(entry) {
      const o = await store();
      // The key is unique: a retry after a lost answer fails rather than duplicating the entry.
      const record = await o.createOne(
        {
          gf_kind: 'journal',
          gf_key: entry.key,
          gf_family_uuid: entry.familyUuid,
          gf_payload: serialise(entry.payload),
          gf_created_at: entry.createdAt,
        },
        true,
      );
      return toStored(record);
    },
    async readJournal(id) {
      const o = await find();
      if (!o) return null;
      const record = await o.getById(id, READ);
      return record && record.properties.gf_kind === 'journal' ? toStored(record) : null;
    },
    async readJournalByKeys(keys) {
      const o = await find();
      if (!o || keys.length === 0) return [];
      try {
        const { found } = await o.readByIds(keys, READ, 'gf_key');
        return found.map(toStored).filter((r) => r.kind === 'journal');
      } catch (e) {
        // A store object created before `gf_key` had unique values cannot be read by key (HubSpot
        // refuses the idProperty): fall back to search, which lags a few seconds.
        if (!(e instanceof GatewayError) || e.kind !== 'validation') throw e;
        const page = await o.search({
          filterGroups: [{ filters: [{ propertyName: 'gf_key', operator: 'IN', values: [...keys] }] }],
          properties: READ,
          limit: Math.min(keys.length, 100),
        });
        return page.results.map(toStored).filter((r) => r.kind === 'journal');
      }
    },
    async updateJournal(id, payload, key) {
      const o = await store();
      return toStored(
        await o.patch(id, { gf_payload: serialise(payload), ...(key !== undefined ? { gf_key: key } : {}) }),
      );
    },
    async listJournal(query) {
      const o = await find();
      if (!o) return { entries: [], after: null };
      const filters = [{ propertyName: 'gf_kind', operator: 'EQ' as const, value: 'journal' }];
      if (query.familyUuid)
        filters.push({ propertyName: 'gf_family_uuid', operator: 'EQ', value: query.familyUuid });
      const page = await o.search({
        filterGroups: [{ filters }],
        properties: READ,
        sort: newestFirst,
        limit: query.limit,
        ...(query.after ? { after: query.after } : {}),
      });
      return { entries: page.results.map(toStored), after: page.after };
    },
  };
}
