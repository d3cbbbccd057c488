/**
 * The app's own storage in the portal (F11 settings, F12 journal): records of a custom object the app
 * creates on first write through the schemas API. Why a custom object: docs/safe-writes.md. Why every
 * record is signed and what that cannot prevent: docs/security.md.
 *
 * One unique-value property, `gf_unique_key` (`hasUniqueValue`), names every record the app looks for,
 * and records are read by it with `idProperty` — no search, so no lag:
 * - the settings: one record with the unique key `settings`, updated in place; a second settings
 *   record cannot exist;
 * - the journal: a family's open entry (`open:<uuid>`, which makes it the family's lock: a second
 *   record with that key cannot be created), its newest entry (`last:<uuid>` or `last:<uuid>:2`) and the others
 *   (`done:<uuid>:<id>`); see src/use-cases/safe-write/journal-lifecycle.ts.
 * - the family index: its summary pages and their meta record (`index:...`, see
 *   src/use-cases/family-index/stored-index.ts), written by batch upsert on the unique key.
 * A change reads what it needs of all three (the settings, its family's journal keys, the index) in one
 * batch read by key (`readByKeys`).
 *
 * A second unique-value property, `gf_follows`, holds `<family uuid>:<id of the entry it follows>` on
 * a pending journal entry: only one change can ever follow a family's newest entry, so creating the
 * pending entry fails when another change was applied since this one read the journal (no read again
 * is needed before writing). It is an index, not a fact: the signed payload's `follows` is what counts.
 * Every write carries an HMAC of the record's content (record-signature.ts), bound to the record's id
 * once it has one; every read reports `valid`, `tampered` or `unsigned`.
 */
import { GatewayError } from './errors';
import type { HubSpotHttp } from './http';
import type { CrmRecord } from './objects';
import { CrmObjects, send } from './objects';
import { paths } from './paths';
import {
  createRecordSigner,
  type RecordIntegrity,
  type RecordSigner,
  type SignedFields,
} from './record-signature';
import { warmInstanceCache } from './warm-instance';

export const STORE_OBJECT_NAME = 'goal_families_record';
/** The unique key of the one settings record. */
export const SETTINGS_KEY = 'settings';
/** The property with unique values that every record is found by. */
export const UNIQUE_KEY = 'gf_unique_key';
/** Unique keys of the family index's records start with this. */
export const INDEX_KEY_PREFIX = 'index:';
/**
 * The property with unique values that names the entry a pending change follows.
 */
// ASSUMPTION (unverified): an object may have a second unique-value property (HubSpot allows up to ten
// per object), and a value one record holds is refused to another (409) until the holder is updated to
// an empty string. (No unique value passes from one record to another within one call: the family's
// newest journal entry alternates between two keys, see journal-lifecycle.ts.)
export const FOLLOWS_KEY = 'gf_follows';
/**
 * The family index's records carry the kind `settings` (the app's own data, not journal entries, so no
 * journal listing shows them): the kind's options cannot be extended on an object that already exists
 * without an update of the property definition, which this version does not make.
 */
const INDEX_KIND = 'settings';
/** Where a journal record that failed its check is moved, out of the way of the app's own keys. */
export const setAsideKey = (id: string) => `untrusted:${id}`;
export const STORE_PROPERTIES = [
  'gf_kind',
  'gf_key',
  'gf_family_uuid',
  'gf_payload',
  'gf_created_at',
  'gf_unique_key',
  'gf_signature',
  'gf_follows',
] as const;
/** HubSpot's limit for a string property value; payloads above it are refused before sending. */
export const MAX_PAYLOAD_CHARS = 65_000;

export type StoredRecord = {
  id: string;
  kind: 'settings' | 'journal';
  /** Its unique key (`gf_unique_key`). */
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
  readByKeys(keys: readonly string[], options?: { settings?: boolean }): Promise<StoredRecord[]>;
  putSettings(payload: unknown, existingId: string | null, savedAt: string): Promise<StoredRecord | null>;
  appendJournal(entry: {
    familyUuid: string;
    payload: unknown;
    createdAt: string;
    key: string;
    follows?: string;
  }): Promise<StoredRecord>;
  readJournal(id: string): Promise<StoredRecord | null>;
  readJournalByKeys(keys: readonly string[]): Promise<StoredRecord[]>;
  updateJournal(id: string, payload: unknown, change?: JournalKeyChange): Promise<StoredRecord>;
  updateJournals(
    updates: readonly JournalUpdate[],
    alongside?: readonly IndexRecordUpdate[],
  ): Promise<{ records: StoredRecord[]; alongside: boolean }>;
  setAsideJournal(id: string): Promise<void>;
  releaseFollows(follows: string): Promise<StoredRecord | null>;
  listJournal(query: { familyUuid?: string; limit: number; after?: string }): Promise<{
    entries: StoredRecord[];
    after: string | null;
  }>;
  scanRecords(afterId: string | null, limit: number): Promise<{ records: StoredRecord[]; done: boolean }>;
  readIndexRecords(keys: readonly string[]): Promise<StoredRecord[]>;
  writeIndexRecords(records: readonly { key: string; payload: unknown; at: string }[]): Promise<void>;
  prepare(): Promise<void>;
}

/** What a journal rewrite changes besides the payload: its key, and whether it lets go of `gf_follows`. */
export type JournalKeyChange = { key?: string | undefined; releaseFollows?: boolean };
/** One journal record's rewrite, for `updateJournals`. */
export type JournalUpdate = { id: string; payload: unknown; change?: JournalKeyChange };
/** An existing family index record written by its id alongside journal rewrites. */
export type IndexRecordUpdate = { id: string; key: string; payload: unknown; at: string };

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
  { name: FOLLOWS_KEY, label: 'Follows', type: 'string', fieldType: 'text', hasUniqueValue: true },
];

// ASSUMPTION (unverified): a private app with the crm.schemas.custom.* scopes may create this custom object
// on first use (custom objects need an Enterprise portal, which apps with functions require anyway), a
// string property holds a journal entry's JSON (up to 65,536 characters), properties (the unique
// key too) can be added later to an object that already has records, and records can be read by the
// unique key with `idProperty` (one by GET, up to 100 by batch read). An object may have two such
// properties (HubSpot allows up to ten unique-value properties per object).
export const STORE_SCHEMA = {
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

const fieldsOf = (r: CrmRecord) => ({
  uniqueKey: r.properties.gf_unique_key ?? '',
  kind: r.properties.gf_kind ?? '',
  key: r.properties.gf_key ?? '',
  familyUuid: r.properties.gf_family_uuid ?? '',
  createdAt: r.properties.gf_created_at ?? '',
  payload: r.properties.gf_payload ?? '',
  recordId: r.id,
});

function toStored(r: CrmRecord, signer: RecordSigner): StoredRecord {
  const p = r.properties;
  let payload: unknown = null;
  try {
    payload = JSON.parse(p.gf_payload ?? 'null');
  } catch {
    payload = null;
  }
  const integrity = signer.check(fieldsOf(r), p.gf_signature);
  return {
    id: r.id,
    kind: p.gf_kind === 'settings' ? 'settings' : 'journal',
    key: p.gf_unique_key ?? '',
    familyUuid: p.gf_family_uuid ?? '',
    payload,
    createdAt: p.gf_created_at ?? '',
    version: p.hs_lastmodifieddate ?? r.updatedAt ?? '',
    integrity,
    trusted: integrity === 'valid' || (!signer.enabled && integrity === 'unsigned'),
  };
}

/**
 * The written properties of a record, with their signature (an empty one clears a stale signature).
 * `fields.recordId` binds the signature to the record (unknown when it is being created).
 */
function signedProperties(signer: RecordSigner, fields: SignedFields) {
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

const unreadable = (keys: readonly string[]) =>
  new GatewayError({
    kind: 'server',
    status: 207,
    message: `HubSpot could not read the app's records ${keys.join(', ')}`,
    endpoint: 'POST {store}/batch/read',
  });

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
  const rememberStore = (found: Found) => {
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
    rememberStore(found);
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
      rememberStore(found);
      return found.objects;
    }
    let created: Awaited<ReturnType<typeof send>>;
    try {
      created = await send(http, {
        method: 'POST',
        path: paths.schemas(),
        body: STORE_SCHEMA,
        idempotent: false,
      });
    } catch (e) {
      // Another invocation created it first (or this create's answer was lost): use that one.
      if (!(e instanceof GatewayError && (e.status === 409 || e.outcomeUnknown))) throw e;
      existing = list();
      const now = await existing;
      if (now) return ensure(now);
      throw e;
    }
    const made = {
      objects: new CrmObjects(http, String(asRaw(created.body).objectTypeId)),
      properties: new Set(PROPERTY_SPECS.map((p) => p.name)),
      remembered: false,
    };
    rememberStore(made);
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
      // A `readByKeys` that included the settings' key answers it too.
      settings ??= withFound(async (found) => {
        // An object made before settings had a unique key holds no settings this version reads.
        if (!found?.properties.has(UNIQUE_KEY)) return null;
        const record = await found.objects.getById(SETTINGS_KEY, READ, UNIQUE_KEY);
        return record ? toStored(record, signer) : null;
      });
      settings.catch(() => {
        settings = null;
      });
      return settings;
    },
    readByKeys(keys, options = {}) {
      const wanted = [...new Set([...keys, ...(options.settings ? [SETTINGS_KEY] : [])])];
      const read = withFound(async (found) => {
        if (!found?.properties.has(UNIQUE_KEY) || wanted.length === 0) return [];
        if (wanted.length > 100) throw new RangeError(`${wanted.length} keys do not fit one batch read`);
        const answer = await found.objects.readByIds(wanted, READ, UNIQUE_KEY);
        // A key HubSpot answered with an error (not "not found") may well hold a record: a lock, say.
        if (answer.unreadable.length > 0) throw unreadable(answer.unreadable);
        return answer.found.map((r) => (r.properties.gf_kind === 'journal' ? keep(r) : toStored(r, signer)));
      });
      if (options.settings && settings === null) {
        settings = read.then((records) => records.find((r) => r.key === SETTINGS_KEY) ?? null);
        settings.catch(() => {
          settings = null;
        });
      }
      return read;
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
        recordId: existingId ?? undefined,
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
      // The key is unique: a create retried after a lost answer fails rather than duplicating the entry.
      const properties = {
        ...signedProperties(signer, {
          uniqueKey: entry.key,
          kind: 'journal',
          key: entry.key,
          familyUuid: entry.familyUuid,
          createdAt: entry.createdAt,
          payload: serialise(entry.payload),
        }),
        // Unique too: the create fails when another change already follows the same entry.
        ...(entry.follows ? { [FOLLOWS_KEY]: entry.follows } : {}),
      };
      return withStore(async (o) => keep(await o.createOne(properties, true)));
    },
    async readJournal(id) {
      return withFound(async (found) => {
        if (!found) return null;
        const record = await found.objects.getById(id, READ);
        return record && record.properties.gf_kind === 'journal' ? keep(record) : null;
      });
    },
    async readJournalByKeys(keys) {
      return withFound(async (found) => {
        // An object made before records had a unique key holds no entry this version finds by key.
        if (!found?.properties.has(UNIQUE_KEY) || keys.length === 0) return [];
        const read = await found.objects.readByIds(keys, READ, UNIQUE_KEY);
        // A key HubSpot answered with an error (not "not found") may well hold a record: a lock, say.
        if (read.unreadable.length > 0) throw unreadable(read.unreadable);
        return read.found.filter((r) => r.properties.gf_kind === 'journal').map(keep);
      });
    },
    async readIndexRecords(keys) {
      return withFound(async (found) => {
        if (!found?.properties.has(UNIQUE_KEY) || keys.length === 0) return [];
        const wanted = keys.filter((k) => k.startsWith(INDEX_KEY_PREFIX));
        const read = await found.objects.readByIds(wanted, READ, UNIQUE_KEY);
        return read.found
          .filter((r) => (r.properties.gf_unique_key ?? '').startsWith(INDEX_KEY_PREFIX))
          .map((r) => toStored(r, signer));
      });
    },
    async prepare() {
      await withStore(async () => undefined);
    },
    async writeIndexRecords(records) {
      if (records.length === 0) return;
      for (const r of records)
        if (!r.key.startsWith(INDEX_KEY_PREFIX)) throw new RangeError(`${r.key} is not an index key`);
      const inputs = records.map((r) => ({
        id: r.key,
        idProperty: UNIQUE_KEY,
        properties: indexProperties(r),
      }));
      await withStore(async (o) => {
        for (let i = 0; i < inputs.length; i += 100) {
          const answer = await send(http, {
            method: 'POST',
            path: paths.batch(o.objectType, 'upsert'),
            body: { inputs: inputs.slice(i, i + 100) },
            // Upsert on a unique key: repeating it writes the same records again.
            idempotent: true,
          });
          const errors = asRaw(answer.body).errors;
          if (Array.isArray(errors) && errors.length > 0)
            throw new GatewayError({
              kind: 'server',
              status: answer.status,
              message: `HubSpot did not write ${errors.length} index records`,
              endpoint: 'POST {store}/batch/upsert',
            });
        }
      });
    },
    async updateJournal(id, payload, change = {}) {
      return withStore((o) => rewriteJournal(o, id, payload, change));
    },
    async updateJournals(updates, alongside = []) {
      const [only] = updates;
      if (updates.length === 1 && only && alongside.length === 0) {
        const record = await withStore((o) => rewriteJournal(o, only.id, only.payload, only.change ?? {}));
        return { records: [record], alongside: true };
      }
      return withStore((o) => rewriteJournals(o, updates, alongside));
    },
    async setAsideJournal(id) {
      await withStore(async (o) => {
        // Only the keys move; the content and its (failing) signature stay, for the store check to show.
        const key = setAsideKey(id);
        const patched = await o.patch(id, { gf_unique_key: key, gf_key: key });
        const current = seen.get(id);
        if (current)
          seen.set(id, { ...current, properties: { ...current.properties, ...patched.properties } });
      });
    },
    async releaseFollows(follows) {
      return withFound(async (found) => {
        if (!found?.properties.has(FOLLOWS_KEY)) return null;
        const holder = await found.objects.getById(follows, READ, FOLLOWS_KEY);
        if (!holder) return null;
        // Only the index lets go; the record (and its signature, which does not cover it) stays.
        const patched = await found.objects.patch(holder.id, { [FOLLOWS_KEY]: '' });
        return toStored({ ...holder, properties: { ...holder.properties, ...patched.properties } }, signer);
      });
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

  /**
   * An index record's properties, signed on content and key (not bound to a record id, which an upsert
   * does not know beforehand): a copy under another key does not check.
   */
  function indexProperties(r: { key: string; payload: unknown; at: string }) {
    if (!r.key.startsWith(INDEX_KEY_PREFIX)) throw new RangeError(`${r.key} is not an index key`);
    return signedProperties(signer, {
      uniqueKey: r.key,
      kind: INDEX_KIND,
      key: r.key,
      familyUuid: '',
      createdAt: r.at,
      payload: serialise(r.payload),
    });
  }

  async function rewriteJournal(
    o: CrmObjects,
    id: string,
    payload: unknown,
    { key, releaseFollows }: JournalKeyChange,
  ): Promise<StoredRecord> {
    const { current, properties } = await rewritten(o, { id, payload, change: { key, releaseFollows } });
    const patched = await o.patch(id, properties);
    return keep({ ...patched, properties: { ...current.properties, ...patched.properties } });
  }

  /** A journal record's new properties, signed anew; refuses a record that is not trusted. */
  async function rewritten(o: CrmObjects, { id, payload, change = {} }: JournalUpdate) {
    const { key, releaseFollows } = change;
    const current = seen.get(id) ?? (await o.getById(id, READ));
    if (!current) throw new RangeError(`no journal record ${id}`);
    // Re-signing a record that failed its check would launder whatever was changed in it.
    if (!toStored(current, signer).trusted)
      throw new RangeError(`journal record ${id} failed its signature check; it is not rewritten`);
    const fields = {
      ...fieldsOf(current),
      payload: serialise(payload),
      ...(key !== undefined ? { uniqueKey: key, key } : {}),
    };
    // Every rewrite is signed anew, bound to this record: a copy of it elsewhere does not check.
    const properties: Record<string, string> = {
      gf_payload: fields.payload,
      ...(key !== undefined ? { gf_unique_key: key, gf_key: key } : {}),
      ...(releaseFollows ? { [FOLLOWS_KEY]: '' } : {}),
      gf_signature: signer.sign(fields),
    };
    return { current, properties };
  }

  /**
   * Several journal rewrites in one batch update, with index records alongside; any journal input
   * HubSpot did not take fails the call, index inputs only make `alongside` false.
   */
  async function rewriteJournals(
    o: CrmObjects,
    updates: readonly JournalUpdate[],
    alongside: readonly IndexRecordUpdate[],
  ): Promise<{ records: StoredRecord[]; alongside: boolean }> {
    const prepared = await Promise.all(updates.map((u) => rewritten(o, u)));
    const index = alongside.map((r) => ({ id: r.id, properties: indexProperties(r) }));
    const outcomes = await o.update([
      ...updates.map((u, i) => ({ id: u.id, properties: prepared[i]?.properties ?? {} })),
      ...index,
    ]);
    const journal = outcomes.slice(0, updates.length);
    const refused = journal.filter((out) => out.state !== 'ok');
    if (refused.length > 0)
      throw new GatewayError({
        kind: 'server',
        status: 207,
        message: `HubSpot did not write ${refused.length} of ${updates.length} journal records`,
        endpoint: 'POST {store}/batch/update',
      });
    const records = journal.map((out, i) => {
      const current = prepared[i]?.current;
      if (out.state !== 'ok' || !current) throw new RangeError('a journal record was not written');
      return keep({ ...out.record, properties: { ...current.properties, ...out.record.properties } });
    });
    return { records, alongside: outcomes.slice(updates.length).every((out) => out.state === 'ok') };
  }
}
