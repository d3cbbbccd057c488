/**
 * The app's own storage in the portal (F11 settings, F12 journal): records of a custom object the app
 * creates on first write through the schemas API. Why a custom object: docs/safe-writes.md. Why every
 * record is signed and what that cannot prevent: docs/security.md.
 *
 * - Settings are one record with the unique key `settings` (a property with `hasUniqueValue`), read
 *   by that key with `idProperty` — no search, so a save is visible to the very next call — and
 *   updated in place. The unique key makes a second settings record impossible.
 * - Journal entries get a random unique key, so a signed entry cannot be copied into a new record.
 * - Every write carries an HMAC of the record's content (record-signature.ts); every read reports
 *   `valid`, `tampered` or `unsigned`.
 */
import { randomUUID } from 'node:crypto';
import { GatewayError } from './errors';
import type { HubSpotHttp } from './http';
import type { CrmRecord } from './objects';
import { CrmObjects, send } from './objects';
import { paths } from './paths';
import { createRecordSigner, type RecordIntegrity, type RecordSigner } from './record-signature';
import { warmInstanceCache } from './warm-instance';

export const STORE_OBJECT_NAME = 'goal_families_record';
/** The unique key of the one settings record. */
export const SETTINGS_KEY = 'settings';
export const STORE_PROPERTIES = [
  'gf_kind',
  'gf_key',
  'gf_family_uuid',
  'gf_payload',
  'gf_created_at',
  'gf_unique_key',
  'gf_signature',
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
  integrity: RecordIntegrity;
  /** A valid signature, or no signature while the app signs nothing (and so can check nothing). */
  trusted: boolean;
};

export interface AppStore {
  readonly maxPayloadChars: number;
  readonly signing: boolean;
  getSettings(): Promise<StoredRecord | null>;
  putSettings(payload: unknown, existingId: string | null, savedAt: string): Promise<StoredRecord | null>;
  appendJournal(entry: {
    familyUuid: string;
    payload: unknown;
    createdAt: string;
    key: string;
  }): Promise<StoredRecord>;
  readJournal(id: string): Promise<StoredRecord | null>;
  updateJournal(id: string, payload: unknown): Promise<StoredRecord>;
  listJournal(query: { familyUuid?: string; limit: number; after?: string }): Promise<{
    entries: StoredRecord[];
    after: string | null;
  }>;
  scanRecords(afterId: string | null, limit: number): Promise<{ records: StoredRecord[]; done: boolean }>;
}

const READ = [...STORE_PROPERTIES, 'hs_lastmodifieddate'];

const PROPERTY_SPECS = [
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
  { name: 'gf_key', label: 'Key', type: 'string', fieldType: 'text' },
  { name: 'gf_family_uuid', label: 'Family uuid', type: 'string', fieldType: 'text' },
  { name: 'gf_payload', label: 'Payload (JSON)', type: 'string', fieldType: 'textarea' },
  { name: 'gf_created_at', label: 'Created at', type: 'datetime', fieldType: 'date' },
  { name: 'gf_unique_key', label: 'Unique key', type: 'string', fieldType: 'text', hasUniqueValue: true },
  { name: 'gf_signature', label: 'Signature', type: 'string', fieldType: 'text' },
];

// ASSUMPTION (unverified): a private app with the crm.schemas.custom.* scopes may create this custom object
// on first use (custom objects need an Enterprise portal, which apps with functions require anyway), a
// string property holds a journal entry's JSON (up to 65,536 characters), and properties (the unique
// key too) can be added later to an object that already has records.
const SCHEMA = {
  name: STORE_OBJECT_NAME,
  labels: { singular: 'Goal Families record', plural: 'Goal Families records' },
  primaryDisplayProperty: 'gf_key',
  requiredProperties: ['gf_kind', 'gf_key'],
  searchableProperties: ['gf_key', 'gf_family_uuid'],
  properties: PROPERTY_SPECS,
  associatedObjects: [],
};

// ASSUMPTION (unverified): HubSpot refuses a record whose `hasUniqueValue` property repeats another
// record's value with 409 CONFLICT (as it does for a contact's email).
export function isDuplicateUniqueValue(error: unknown): boolean {
  return error instanceof GatewayError && error.kind === 'conflict';
}

type Raw = Record<string, unknown>;
const asRaw = (v: unknown): Raw => (v !== null && typeof v === 'object' ? (v as Raw) : {});

function serialise(payload: unknown): string {
  const text = JSON.stringify(payload);
  if (text.length > MAX_PAYLOAD_CHARS)
    throw new RangeError(`payload of ${text.length} chars exceeds ${MAX_PAYLOAD_CHARS}`);
  return text;
}

const fieldsOf = (p: CrmRecord['properties']) => ({
  uniqueKey: p.gf_unique_key ?? '',
  kind: p.gf_kind ?? '',
  key: p.gf_key ?? '',
  familyUuid: p.gf_family_uuid ?? '',
  createdAt: p.gf_created_at ?? '',
  payload: p.gf_payload ?? '',
});

function toStored(r: CrmRecord, signer: RecordSigner): StoredRecord {
  const p = r.properties;
  let payload: unknown = null;
  try {
    payload = JSON.parse(p.gf_payload ?? 'null');
  } catch {
    payload = null;
  }
  const integrity = signer.check(fieldsOf(p), p.gf_signature);
  return {
    id: r.id,
    kind: p.gf_kind === 'settings' ? 'settings' : 'journal',
    key: p.gf_key ?? '',
    familyUuid: p.gf_family_uuid ?? '',
    payload,
    createdAt: p.gf_created_at ?? '',
    version: p.hs_lastmodifieddate ?? r.updatedAt ?? '',
    integrity,
    trusted: integrity === 'valid' || (!signer.enabled && integrity === 'unsigned'),
  };
}

/** The written properties of a record, with their signature (an empty one clears a stale signature). */
function signedProperties(signer: RecordSigner, fields: ReturnType<typeof fieldsOf>) {
  return {
    gf_unique_key: fields.uniqueKey,
    gf_kind: fields.kind,
    gf_key: fields.key,
    gf_family_uuid: fields.familyUuid,
    gf_created_at: fields.createdAt,
    gf_payload: fields.payload,
    gf_signature: signer.sign(fields),
  };
}

/**
 * The custom object as found: its records' API and the properties it has. `remembered`: taken from
 * the warm instance's cache instead of this invocation's own schema listing.
 */
type Found = { objects: CrmObjects; properties: Set<string>; remembered: boolean };

/**
 * The custom object's type id and properties, per portal and app, for as long as the function instance
 * stays warm: an object type id never changes, so only the first invocation of an instance lists the
 * schemas. Remembered only once the object has every property this version writes (an object made by
 * an earlier version may still gain some, and is listed again until it has them).
 */
const knownStores = warmInstanceCache<{ objectTypeId: string; properties: readonly string[] }>();

/** What HubSpot answers for an object type it does not know (400) or no longer has (404). */
const isUnknownObjectType = (error: unknown) =>
  error instanceof GatewayError && (error.kind === 'validation' || error.kind === 'not_found');

export function createAppStore(
  http: HubSpotHttp,
  options: {
    signingSecret?: string | undefined;
    /** Which portal and app the calls reach (see `factory.ts`); unset: nothing is remembered across invocations. */
    instanceKey?: string | undefined;
  } = {},
): AppStore {
  const signer = createRecordSigner(options.signingSecret);
  const { instanceKey } = options;
  const remember = (found: Found) => {
    if (instanceKey === undefined) return;
    if (PROPERTY_SPECS.every((p) => found.properties.has(p.name)))
      knownStores.set(instanceKey, {
        objectTypeId: found.objects.objectType,
        properties: [...found.properties],
      });
    else knownStores.delete(instanceKey);
  };
  /** The custom object and its properties if the portal has it, from the schema listing; reads never create it. */
  const list = async (): Promise<Found | null> => {
    const answer = await send(http, { method: 'GET', path: paths.schemas() });
    const results = asRaw(answer.body).results;
    const schema = (Array.isArray(results) ? results : [])
      .map(asRaw)
      .find((s) => s.name === STORE_OBJECT_NAME);
    if (!schema) return null;
    const properties = new Set(
      (Array.isArray(schema.properties) ? schema.properties : []).map((d) => String(asRaw(d).name)),
    );
    const found = {
      objects: new CrmObjects(http, String(schema.objectTypeId)),
      properties,
      remembered: false,
    };
    remember(found);
    return found;
  };
  let existing: Promise<Found | null> | null = null;
  /** The custom object: what the warm instance remembers, else listed (once per invocation). */
  const find = () => {
    existing ??= (async () => {
      const known = instanceKey === undefined ? undefined : knownStores.get(instanceKey);
      if (known)
        return {
          objects: new CrmObjects(http, known.objectTypeId),
          properties: new Set(known.properties),
          remembered: true,
        };
      return list();
    })();
    existing.catch(() => {
      existing = null;
    });
    return existing;
  };
  /**
   * Runs `use` on the object. Should HubSpot no longer know a remembered object type (the object was
   * deleted, perhaps made anew), the instance forgets it, lists the schemas and runs `use` once more.
   */
  const withFound = async <T>(use: (found: Found | null) => Promise<T>): Promise<T> => {
    const found = await find();
    try {
      return await use(found);
    } catch (error) {
      if (!found?.remembered || !isUnknownObjectType(error)) throw error;
      if (instanceKey !== undefined) knownStores.delete(instanceKey);
      existing = list();
      return use(await existing);
    }
  };
  /**
   * For writes: the custom object, created through the schemas API on first use; an object made by
   * an earlier version of the app gets the properties it lacks (the unique key, the signature).
   */
  const ensure = async (found: Found | null): Promise<CrmObjects> => {
    if (found) {
      for (const spec of PROPERTY_SPECS) {
        if (found.properties.has(spec.name)) continue;
        await send(http, {
          method: 'POST',
          path: paths.properties(found.objects.objectType),
          body: spec,
          idempotent: false,
        });
        found.properties.add(spec.name);
      }
      remember(found);
      return found.objects;
    }
    const created = await send(http, {
      method: 'POST',
      path: paths.schemas(),
      body: SCHEMA,
      idempotent: false,
    });
    const made = {
      objects: new CrmObjects(http, String(asRaw(created.body).objectTypeId)),
      properties: new Set(PROPERTY_SPECS.map((p) => p.name)),
      remembered: false,
    };
    remember(made);
    existing = Promise.resolve(made);
    return made.objects;
  };
  const withStore = <T>(use: (objects: CrmObjects) => Promise<T>) =>
    withFound(async (found) => use(await ensure(found)));
  let settings: Promise<StoredRecord | null> | null = null;
  /** Journal records read or written in this invocation: an update re-signs without reading again. */
  const seen = new Map<string, CrmRecord>();
  const keep = (r: CrmRecord) => {
    seen.set(r.id, r);
    return toStored(r, signer);
  };
  const newestFirst = { propertyName: 'gf_created_at', direction: 'DESCENDING' as const };

  return {
    maxPayloadChars: MAX_PAYLOAD_CHARS,
    signing: signer.enabled,
    getSettings() {
      // Read once per invocation (a permission check may ask twice); a save replaces what was read.
      settings ??= withFound(async (found) => {
        // An object made before settings had a unique key holds no settings this version reads.
        if (!found?.properties.has('gf_unique_key')) return null;
        const record = await found.objects.getById(SETTINGS_KEY, READ, 'gf_unique_key');
        return record ? toStored(record, signer) : null;
      });
      settings.catch(() => {
        settings = null;
      });
      return settings;
    },
    async putSettings(payload, existingId, savedAt) {
      // Every signed field is written on each save, so nothing of an earlier (perhaps forged) state survives.
      const properties = signedProperties(signer, {
        uniqueKey: SETTINGS_KEY,
        kind: 'settings',
        key: SETTINGS_KEY,
        familyUuid: '',
        createdAt: savedAt,
        payload: serialise(payload),
      });
      settings = null;
      return withStore(async (o) => {
        if (existingId) return toStored(await o.patch(existingId, properties), signer);
        try {
          return toStored(await o.createOne(properties), signer);
        } catch (e) {
          if (isDuplicateUniqueValue(e)) return null;
          throw e;
        }
      });
    },
    async appendJournal(entry) {
      const properties = signedProperties(signer, {
        uniqueKey: `journal:${randomUUID()}`,
        kind: 'journal',
        key: entry.key,
        familyUuid: entry.familyUuid,
        createdAt: entry.createdAt,
        payload: serialise(entry.payload),
      });
      return withStore(async (o) => keep(await o.createOne(properties)));
    },
    async readJournal(id) {
      return withFound(async (found) => {
        if (!found) return null;
        const record = await found.objects.getById(id, READ);
        return record && record.properties.gf_kind === 'journal' ? keep(record) : null;
      });
    },
    async updateJournal(id, payload) {
      return withStore((o) => rewriteJournal(o, id, payload));
    },
    async listJournal(query) {
      return withFound(async (found) => {
        if (!found) return { entries: [], after: null };
        const filters = [{ propertyName: 'gf_kind', operator: 'EQ' as const, value: 'journal' }];
        if (query.familyUuid)
          filters.push({ propertyName: 'gf_family_uuid', operator: 'EQ', value: query.familyUuid });
        const page = await found.objects.search({
          filterGroups: [{ filters }],
          properties: READ,
          sort: newestFirst,
          limit: query.limit,
          ...(query.after ? { after: query.after } : {}),
        });
        return { entries: page.results.map(keep), after: page.after };
      });
    },
    async scanRecords(afterId, limit) {
      return withFound(async (found) => {
        if (!found) return { records: [], done: true };
        const page = await found.objects.search({
          filterGroups: afterId
            ? [{ filters: [{ propertyName: 'hs_object_id', operator: 'GT', value: afterId }] }]
            : [],
          properties: READ,
          sort: { propertyName: 'hs_object_id', direction: 'ASCENDING' },
          limit,
        });
        return {
          records: page.results.map((r) => toStored(r, signer)),
          done: page.results.length < limit || page.results.length >= page.total,
        };
      });
    },
  };

  async function rewriteJournal(o: CrmObjects, id: string, payload: unknown): Promise<StoredRecord> {
    const current = seen.get(id) ?? (await o.getById(id, READ));
    if (!current) throw new RangeError(`no journal record ${id}`);
    // Re-signing a record that failed its check would launder whatever was changed in it.
    if (!toStored(current, signer).trusted)
      throw new RangeError(`journal record ${id} failed its signature check; it is not rewritten`);
    const fields = { ...fieldsOf(current.properties), payload: serialise(payload) };
    const properties = { gf_payload: fields.payload, gf_signature: signer.sign(fields) };
    const patched = await o.patch(id, properties);
    return keep({ ...patched, properties: { ...current.properties, ...patched.properties } });
  }
}
