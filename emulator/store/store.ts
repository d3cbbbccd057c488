import type { PropertyDefinition } from '../crm/property-types.js';
import { formatStoredDatetime, parseDatetimeMs } from '../crm/values.js';
import { usersFromOwners } from '../seed/people.js';
import type { Owner, Pipeline, SeedData, SeedRecord, Team, User } from '../seed/types.js';
import type { Db } from './database.js';
import { builtInAliases, builtInObjectTypes, type ObjectType, type StoredSchema } from './object-types.js';
import type { CrmRecord } from './records.js';
import { readSavedPortal } from './saved-portal.js';
import { SearchIndex } from './search-index.js';
import { stableStringify } from './stable-json.js';

export type { StoredSchema } from './object-types.js';

export const DEFAULT_PORTAL_ID = 24_681_012;
const FIRST_OBJECT_ID = 10_000_000_001;
const FIRST_CUSTOM_TYPE_NUMBER = 4_000_001;

export interface StoreOptions {
  clock: () => number;
  searchLagMs: number;
}

/**
 * The emulator's data: everything is held in memory (search scans it) and written through to SQLite
 * (so a file database survives restarts). Validation is the caller's job; `insert` stores as given.
 */
export class Store {
  portalId = DEFAULT_PORTAL_ID;
  searchLagMs: number;
  owners: Owner[] = [];
  teams: Team[] = [];
  /** What the users API answers: super admins and teams per user. */
  users: User[] = [];
  pipelines = new Map<string, Pipeline[]>();
  /**
   * The portal's currencies (account currencies API): its company currency and the others it keeps
   * exchange rates for. Not part of the seed: every emulated portal has these.
   */
  currencies = { company: 'USD', others: ['EUR', 'GBP', 'CAD'] };
  readonly schemas = new Map<string, StoredSchema>();
  private types = new Map<string, ObjectType>();
  private aliases = new Map<string, string>();
  private records = new Map<string, Map<string, CrmRecord>>();
  /** Records of a type in id order, rebuilt only after a record is added (ids never change). */
  private ordered = new Map<string, CrmRecord[]>();
  private searchIndexes = new Map<string, SearchIndex>();
  private nextObjectId = FIRST_OBJECT_ID;
  private nextCustomTypeNumber = FIRST_CUSTOM_TYPE_NUMBER;
  private lastWriteMs = 0;
  /** While loading a seed the id counter is written once at the end, not per record. */
  private bulkLoading = false;
  private readonly clock: () => number;
  private readonly statements;

  constructor(
    private readonly db: Db,
    options: StoreOptions,
  ) {
    this.clock = options.clock;
    this.searchLagMs = options.searchLagMs;
    this.statements = {
      putObject: db.prepare(
        'INSERT OR REPLACE INTO objects (type, id, properties, created_at, updated_at, archived, archived_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      putMeta: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
      putLookup: db.prepare('INSERT OR REPLACE INTO lookups (kind, id, position, body) VALUES (?, ?, ?, ?)'),
      putSchema: db.prepare('INSERT OR REPLACE INTO schemas (object_type_id, body) VALUES (?, ?)'),
      putPropertyDef: db.prepare('INSERT OR REPLACE INTO property_defs (type, name, body) VALUES (?, ?, ?)'),
    };
    this.resetTypes();
  }

  now(): number {
    return this.clock();
  }

  /** A write time strictly later than every earlier write, so `hs_lastmodifieddate` always moves on. */
  writeTime(): number {
    this.lastWriteMs = Math.max(this.clock(), this.lastWriteMs + 1);
    return this.lastWriteMs;
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  isEmpty(): boolean {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'seeded'").get() as
      | { value: string }
      | undefined;
    return row === undefined;
  }

  // ---- object types -------------------------------------------------------------------------

  /** Resolve a path segment (name, alias, objectTypeId, or custom fully-qualified name) to its type. */
  resolveType(segment: string): ObjectType | undefined {
    const key = this.aliases.get(segment) ?? this.aliases.get(segment.toLowerCase());
    return key === undefined ? undefined : this.types.get(key);
  }

  objectTypes(): ObjectType[] {
    return [...this.types.values()];
  }

  addProperty(type: ObjectType, definition: PropertyDefinition): void {
    type.properties.set(definition.name, definition);
    this.statements.putPropertyDef.run(type.objectTypeId, definition.name, JSON.stringify(definition));
  }

  createCustomType(
    schema: Omit<StoredSchema, 'id' | 'objectTypeId' | 'fullyQualifiedName'>,
    properties: PropertyDefinition[],
  ): StoredSchema {
    const typeNumber = this.nextCustomTypeNumber++;
    const stored: StoredSchema = {
      ...schema,
      id: String(typeNumber),
      objectTypeId: `2-${typeNumber}`,
      fullyQualifiedName: `p${this.portalId}_${schema.name}`,
    };
    this.transaction(() => {
      this.registerCustomType(stored);
      const type = this.types.get(stored.objectTypeId);
      if (type) for (const definition of properties) this.addProperty(type, definition);
      this.statements.putSchema.run(stored.objectTypeId, JSON.stringify(stored));
      this.statements.putMeta.run('next_custom_type', String(this.nextCustomTypeNumber));
    });
    return stored;
  }

  private registerCustomType(schema: StoredSchema): void {
    this.schemas.set(schema.objectTypeId, schema);
    const base = builtInObjectTypes()[0];
    const system = [...(base?.properties.values() ?? [])].filter((definition) =>
      ['hs_object_id', 'hs_createdate', 'hs_lastmodifieddate'].includes(definition.name),
    );
    this.types.set(schema.objectTypeId, {
      objectTypeId: schema.objectTypeId,
      name: schema.name,
      fullyQualifiedName: schema.fullyQualifiedName,
      properties: new Map(system.map((definition) => [definition.name, definition])),
      defaultProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
      searchableProperties: schema.searchableProperties,
      requiredProperties: schema.requiredProperties,
      custom: true,
    });
    this.aliases.set(schema.objectTypeId, schema.objectTypeId);
    this.aliases.set(schema.fullyQualifiedName, schema.objectTypeId);
    this.aliases.set(schema.fullyQualifiedName.toLowerCase(), schema.objectTypeId);
  }

  private resetTypes(): void {
    this.types = new Map(builtInObjectTypes().map((type) => [type.objectTypeId, type]));
    this.aliases = builtInAliases();
    this.schemas.clear();
    this.records = new Map();
    this.ordered = new Map();
    this.searchIndexes = new Map();
  }

  // ---- records --------------------------------------------------------------------------------

  recordsOf(type: ObjectType): Map<string, CrmRecord> {
    let table = this.records.get(type.objectTypeId);
    if (!table) {
      table = new Map();
      this.records.set(type.objectTypeId, table);
    }
    return table;
  }

  newObjectId(): string {
    const id = String(this.nextObjectId++);
    this.statements.putMeta.run('next_object_id', String(this.nextObjectId));
    return id;
  }

  /** Persist a record after it was created or changed in memory, and schedule its search visibility. */
  saved(type: ObjectType, record: CrmRecord): void {
    const table = this.recordsOf(type);
    if (!table.has(record.id)) this.ordered.delete(type.objectTypeId);
    table.set(record.id, record);
    this.searchIndexOf(type).written(record, this.clock(), this.searchLagMs);
    this.persist(type.objectTypeId, record);
  }

  private persist(typeId: string, record: CrmRecord): void {
    this.statements.putObject.run(
      typeId,
      record.id,
      JSON.stringify(record.properties),
      record.createdAt,
      record.updatedAt,
      record.archived ? 1 : 0,
      record.archivedAt,
    );
  }

  /** All records of a type (archived too) in id order; callers must not modify the array. */
  inIdOrder(type: ObjectType): readonly CrmRecord[] {
    let list = this.ordered.get(type.objectTypeId);
    if (!list) {
      list = sortById([...this.recordsOf(type).values()]);
      this.ordered.set(type.objectTypeId, list);
    }
    return list;
  }

  /** Test helper: a record by type and id (archived ones too), or undefined. */
  getObject(typeName: string, id: string): CrmRecord | undefined {
    const type = this.resolveType(typeName);
    return type ? this.records.get(type.objectTypeId)?.get(id) : undefined;
  }

  /** Test helper: records of a type in id order, archived ones only when asked. */
  listObjects(typeName: string, options: { includeArchived?: boolean } = {}): CrmRecord[] {
    const type = this.resolveType(typeName);
    if (!type) return [];
    return this.inIdOrder(type).filter((record) => options.includeArchived || !record.archived);
  }

  /** Test/seed helper: store a record as given (no validation), filling in system properties. */
  insert(typeName: string, seed: SeedRecord): CrmRecord {
    const type = this.resolveType(typeName);
    if (!type) throw new Error(`Unknown object type ${typeName}`);
    const at = (value: string | number | undefined, fallback: number) =>
      value === undefined
        ? fallback
        : typeof value === 'number'
          ? value
          : (parseDatetimeMs(value) ?? fallback);
    const id = seed.id ?? this.newObjectId();
    if (seed.id !== undefined && /^\d+$/.test(seed.id) && Number(seed.id) >= this.nextObjectId) {
      this.nextObjectId = Number(seed.id) + 1;
      if (!this.bulkLoading) this.statements.putMeta.run('next_object_id', String(this.nextObjectId));
    }
    const createdAt = at(seed.createdAt, this.clock());
    const updatedAt = at(seed.updatedAt, createdAt);
    const archived = seed.archived ?? false;
    const record: CrmRecord = {
      id,
      properties: {
        ...seed.properties,
        hs_object_id: id,
        hs_createdate: formatStoredDatetime(createdAt),
        hs_lastmodifieddate: formatStoredDatetime(updatedAt),
      },
      createdAt,
      updatedAt,
      archived,
      archivedAt: archived ? updatedAt : null,
      indexed: null,
      indexPendingAt: null,
    };
    this.searchIndexOf(type).setView(record, { properties: record.properties, updatedAt });
    this.recordsOf(type).set(id, record);
    this.ordered.delete(type.objectTypeId);
    this.persist(type.objectTypeId, record);
    return record;
  }

  private searchIndexOf(type: ObjectType): SearchIndex {
    let index = this.searchIndexes.get(type.objectTypeId);
    if (!index) {
      const table = this.recordsOf(type);
      index = new SearchIndex(() => table.values());
      this.searchIndexes.set(type.objectTypeId, index);
    }
    return index;
  }

  /**
   * Records search can see right now (lag applied, archived ones never) whose search view passes the
   * test, in id order. `equalities` (property → value, one per filter group) narrows the candidates
   * through the equality index: a record must match one of them.
   */
  // ASSUMPTION (unverified): archiving takes effect in search at once (no lag), so search never shows it.
  scanSearchable(
    type: ObjectType,
    test: (properties: Readonly<Record<string, string>>) => boolean,
    equalities?: Array<[string, string]>,
  ): CrmRecord[] {
    const index = this.searchIndexOf(type);
    index.catchUp(this.clock());
    let candidates: readonly CrmRecord[];
    if (equalities && equalities.length > 0) {
      const union = new Set<CrmRecord>();
      for (const [property, value] of equalities)
        for (const record of index.lookup(property, value)) union.add(record);
      candidates = sortById([...union]);
    } else {
      candidates = this.inIdOrder(type);
    }
    const hits: CrmRecord[] = [];
    for (const record of candidates) {
      if (!record.archived && record.indexed !== null && test(record.indexed.properties)) hits.push(record);
    }
    return hits;
  }

  // ---- seeding ------------------------------------------------------------------------------

  /** Replace all data with a seed, in one transaction. */
  load(seed: SeedData): void {
    this.transaction(() => {
      this.db.exec(
        'DELETE FROM objects; DELETE FROM lookups; DELETE FROM schemas; DELETE FROM property_defs; DELETE FROM meta;',
      );
      this.resetTypes();
      this.portalId = seed.portalId ?? DEFAULT_PORTAL_ID;
      this.nextObjectId = FIRST_OBJECT_ID;
      this.nextCustomTypeNumber = FIRST_CUSTOM_TYPE_NUMBER;
      this.setLookups(
        seed.owners,
        seed.teams,
        seed.users ?? usersFromOwners(seed.owners, new Set()),
        seed.pipelines,
      );
      const seededAt =
        seed.seededAt === undefined ? this.clock() : (parseDatetimeMs(seed.seededAt) ?? this.clock());
      this.bulkLoading = true;
      try {
        for (const [typeName, records] of Object.entries(seed.objects)) {
          for (const record of records)
            this.insert(
              typeName,
              record.createdAt === undefined ? { ...record, createdAt: seededAt } : record,
            );
        }
      } finally {
        this.bulkLoading = false;
      }
      this.statements.putMeta.run('portal_id', String(this.portalId));
      this.statements.putMeta.run('next_object_id', String(this.nextObjectId));
      this.statements.putMeta.run('next_custom_type', String(this.nextCustomTypeNumber));
      this.statements.putMeta.run('seeded', 'true');
    });
  }

  private setLookups(
    owners: Owner[],
    teams: Team[],
    users: User[],
    pipelines: Record<string, Pipeline[]>,
  ): void {
    this.owners = structuredClone(owners);
    this.teams = structuredClone(teams);
    this.users = structuredClone(users);
    for (const [index, user] of users.entries()) {
      this.statements.putLookup.run('user', user.id, index, JSON.stringify(user));
    }
    this.pipelines = new Map(Object.entries(structuredClone(pipelines)));
    for (const [index, owner] of owners.entries()) {
      this.statements.putLookup.run('owner', owner.id, index, JSON.stringify(owner));
    }
    for (const [index, team] of teams.entries()) {
      this.statements.putLookup.run('team', team.id, index, JSON.stringify(team));
    }
    for (const [objectType, list] of Object.entries(pipelines)) {
      for (const [index, pipeline] of list.entries()) {
        this.statements.putLookup.run(`pipeline:${objectType}`, pipeline.id, index, JSON.stringify(pipeline));
      }
    }
  }

  /** Load everything from the database file into memory (used when reopening a file database). */
  loadFromDatabase(): void {
    this.resetTypes();
    const saved = readSavedPortal(this.db);
    this.portalId = Number(saved.meta.get('portal_id') ?? DEFAULT_PORTAL_ID);
    this.nextObjectId = Number(saved.meta.get('next_object_id') ?? FIRST_OBJECT_ID);
    this.nextCustomTypeNumber = Number(saved.meta.get('next_custom_type') ?? FIRST_CUSTOM_TYPE_NUMBER);
    this.owners = saved.owners;
    this.teams = saved.teams;
    this.users = saved.users;
    this.pipelines = saved.pipelines;
    for (const schema of saved.schemas) this.registerCustomType(schema);
    for (const { type, definition } of saved.propertyDefinitions) {
      this.types.get(type)?.properties.set(definition.name, definition);
    }
    for (const { type: typeId, record } of saved.records()) {
      const type = this.types.get(typeId);
      if (!type) continue;
      this.recordsOf(type).set(record.id, record);
      this.lastWriteMs = Math.max(this.lastWriteMs, record.updatedAt);
    }
  }

  /** A deterministic text of all stored data (not of search lag state): equal data, equal text. */
  snapshot(): string {
    const objects: Record<string, unknown[]> = {};
    for (const [typeId, table] of [...this.records.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (table.size === 0) continue;
      objects[typeId] = sortById([...table.values()]).map((record) => ({
        id: record.id,
        properties: record.properties,
        createdAt: record.createdAt,
        updatedAt: record.updatedAt,
        archived: record.archived,
        archivedAt: record.archivedAt,
      }));
    }
    const customProperties: Record<string, PropertyDefinition[]> = {};
    for (const type of this.types.values()) {
      const builtIn = builtInObjectTypes().find((candidate) => candidate.objectTypeId === type.objectTypeId);
      const added = [...type.properties.values()].filter(
        (definition) => !builtIn?.properties.has(definition.name),
      );
      if (added.length > 0)
        customProperties[type.objectTypeId] = added.sort((a, b) => (a.name < b.name ? -1 : 1));
    }
    return stableStringify({
      portalId: this.portalId,
      nextObjectId: this.nextObjectId,
      nextCustomTypeNumber: this.nextCustomTypeNumber,
      owners: this.owners,
      teams: this.teams,
      users: this.users,
      pipelines: Object.fromEntries(this.pipelines),
      schemas: [...this.schemas.values()].sort((a, b) => (a.objectTypeId < b.objectTypeId ? -1 : 1)),
      customProperties,
      objects,
    });
  }

  /**
   * A database saved before the emulator served the users API holds no users: take the seed's (the
   * demo's super admin and teams), or one ordinary user per owner.
   */
  fillMissingUsers(seedUsers: User[] | undefined): void {
    if (this.users.length > 0 || this.owners.length === 0) return;
    const users = seedUsers ?? usersFromOwners(this.owners, new Set());
    this.users = structuredClone(users);
    for (const [index, user] of users.entries()) {
      this.statements.putLookup.run('user', user.id, index, JSON.stringify(user));
    }
  }

  ownerExists(id: string): boolean {
    return this.owners.some((owner) => owner.id === id);
  }
}

export function sortById(records: CrmRecord[]): CrmRecord[] {
  return records.sort((a, b) => compareIds(a.id, b.id));
}

export function compareIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}
