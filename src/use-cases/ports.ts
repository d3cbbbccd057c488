/**
 * What the use cases need from the edge, stated by the core: the HubSpot port (`GoalTargetsGateway`),
 * the app's own store (`AppStore`) and how an edge failure looks. `src/gateway` implements these
 * without importing them (TypeScript checks the fit structurally where the two meet, in
 * `src/app/functions/entries/define-function.ts`), so no import runs from the edge back into the core.
 */
import type { AppError } from '@goal-families/contract';

/** A CRM record as the domain takes it: HubSpot's id and its string property bag. */
export type CrmRecord = {
  id: string;
  properties: Record<string, string | null | undefined>;
  updatedAt?: string;
};

export type SearchPage = { results: CrmRecord[]; total: number; after: string | null };

/** A page of the object list endpoint and its paging token for the next one (null: the last page). */
export type ListPage = { results: CrmRecord[]; after: string | null };

/** Ids strictly between `above` and `below` (either open). */
export type IdRange = { above?: string; below?: string };

/**
 * An invocation's calls still inside HubSpot's rate windows, handed to the next invocation of the same
 * job through its cursor: searches as ms before `at`, other calls counted per second before `at`.
 */
export type RateUsage = { at: number; search: number[]; general: number[] };

/**
 * What happened to one input of a batch write. `ok`: `record` is the record as HubSpot answered; the
 * properties it shows are what HubSpot holds after the write (the gateway leaves them out when its
 * answers cannot be trusted to say so), and a property it leaves out proves nothing. `unknown`: the
 * call failed in a way that may have applied it. `deadline`: not sent (or throttled) because the
 * deadline would have passed; not applied.
 */
export type WriteOutcome =
  | { state: 'ok'; index: number; record: CrmRecord }
  | {
      state: 'failed' | 'unknown';
      index: number;
      message: string;
      correlationId?: string;
      deadline?: boolean;
    };

export type ArchiveOutcome =
  | { state: 'ok'; index: number; id: string }
  | {
      state: 'failed' | 'unknown';
      index: number;
      id: string;
      message: string;
      correlationId?: string;
      deadline?: boolean;
    };

export type Owner = {
  id: string;
  userId: string | null;
  name: string;
  email: string | null;
  teamIds: string[];
};
export type Team = { id: string; name: string };
export type Pipeline = { id: string; label: string };
export type PropertyDefinition = {
  name: string;
  type: string;
  readOnly: boolean;
  options: { value: string; label: string }[];
};

export type TargetQuery = {
  ownerId?: string;
  teamId?: string;
  goalType?: string;
  /** Any of these `hs_milestone` values (every spelling of one period kind). */
  milestones?: readonly string[];
  /** Periods overlapping [fromMs, toMs]. */
  fromMs?: number;
  toMs?: number;
  /** Slices of these families only (≤ 100 uuids). */
  uuids?: readonly string[];
  /** Slices modified after this instant (epoch ms). */
  modifiedAfterMs?: number;
};

/** What the store found when it checked a record against its signature (see `StoredRecord`). */
export type RecordIntegrity = 'valid' | 'tampered' | 'unsigned';

/** A record of the app's own store (settings, journal entries). */
export type StoredRecord = {
  id: string;
  kind: 'settings' | 'journal';
  /** Its unique key: `settings`, or a journal key (`open:<uuid>`, `last:<uuid>`, `done:<uuid>:<id>`). */
  key: string;
  familyUuid: string;
  payload: unknown;
  createdAt: string;
  /** `hs_lastmodifieddate`: the version an optimistic save compares. */
  version: string;
  /** `valid`: signed by this app and unchanged; `tampered`: the signature does not match; `unsigned`: none. */
  integrity: RecordIntegrity;
  /**
   * Whether decisions may rest on it: a valid signature, or — only while the app has no signing
   * secret and so checks nothing — no signature at all. Tampered records are never trusted.
   */
  trusted: boolean;
};

/** A user of the portal as HubSpot's users API describes them (the caller's roles come from here). */
export type PortalUser = {
  id: string;
  email: string | null;
  superAdmin: boolean;
  /** The primary team first, then the secondary ones. */
  teamIds: string[];
};

export interface AppStore {
  /** The longest payload (JSON characters) one stored record can hold. */
  readonly maxPayloadChars: number;
  /** The app's signing secret is set: records are signed when written and checked when read. */
  readonly signing: boolean;
  /** The settings record, read by its unique key (no search, so no lag); null when none exists. */
  getSettings(): Promise<StoredRecord | null>;
  /**
   * Records of any kind (settings, journal entries, index pages) by their unique keys, ≤ 100 in one
   * batch read: what a change needs of the store, in one call. Keys with no record are left out.
   * With `settings`, the settings record is read in the same call (one key fewer to spare) and
   * answers this invocation's `getSettings`.
   */
  readByKeys(keys: readonly string[], options?: { settings?: boolean }): Promise<StoredRecord[]>;
  /**
   * Writes the settings in place: creates the one settings record when `existingId` is null, else
   * updates that record. Returns null when the create found the settings' unique key taken (someone
   * saved first): two saves can never make two records.
   */
  putSettings(payload: unknown, existingId: string | null, savedAt: string): Promise<StoredRecord | null>;
  /**
   * Creates a journal record. `follows` (a pending entry's `<uuid>:<entry it follows>`) is unique too:
   * the create fails when another record already follows that entry.
   */
  appendJournal(entry: {
    familyUuid: string;
    payload: unknown;
    createdAt: string;
    key: string;
    follows?: string;
  }): Promise<StoredRecord>;
  readJournal(id: string): Promise<StoredRecord | null>;
  /**
   * Journal records by their unique key (`gf_unique_key`, the same property the settings are found
   * by), read by id: no search, so no lag. Keys with no record are left out. Keys are unique:
   * creating a record with a taken key fails, which makes a key a lock.
   */
  readJournalByKeys(keys: readonly string[]): Promise<StoredRecord[]>;
  /**
   * Replaces a journal record's payload, and its key when `change.key` is given (a taken key: the
   * call fails), signed again and bound to the record; `change.releaseFollows` lets go of the entry it
   * follows (a change rolled back leaves that entry free to follow). Refuses a record that is not trusted.
   */
  updateJournal(
    id: string,
    payload: unknown,
    change?: { key?: string | undefined; releaseFollows?: boolean },
  ): Promise<StoredRecord>;
  /**
   * Several journal rewrites (as `updateJournal`) in one call, in order; throws when HubSpot did not
   * take every one (some may have been written: the records say what they hold). `alongside`: family
   * index records that exist (by record id), written in the same call, best effort — `alongside` in
   * the answer says whether HubSpot took them all.
   */
  updateJournals(
    updates: readonly {
      id: string;
      payload: unknown;
      change?: { key?: string | undefined; releaseFollows?: boolean };
    }[],
    alongside?: readonly { id: string; key: string; payload: unknown; at: string }[],
  ): Promise<{ records: StoredRecord[]; alongside: boolean }>;
  /**
   * The record holding `follows`, which lets go of it (nothing else of it changes); null when none
   * does. For a leftover: a change that no longer counts but still claims to follow an entry.
   */
  releaseFollows(follows: string): Promise<StoredRecord | null>;
  /**
   * Moves a journal record that is not trusted out of the app's keys (to `untrusted:<id>`), leaving
   * its content and signature as they are: it then holds no lock and is no family's newest entry,
   * and still shows as not trusted.
   */
  setAsideJournal(id: string): Promise<void>;
  /** Newest first. `after` is the cursor of the previous page. */
  listJournal(query: { familyUuid?: string; limit: number; after?: string }): Promise<{
    entries: StoredRecord[];
    after: string | null;
  }>;
  /** Every record of the store (any kind) with an id above `afterId`, in id order: the integrity check's scan. */
  scanRecords(afterId: string | null, limit: number): Promise<{ records: StoredRecord[]; done: boolean }>;
  /**
   * The family index's records (keys starting `index:`) by their unique key, ≤ 100 in one batch read:
   * no search, so no lag. Keys with no record are left out; each record says whether it is trusted.
   */
  readIndexRecords(keys: readonly string[]): Promise<StoredRecord[]>;
  /**
   * Writes the family index's records by batch upsert on their unique key (one call per 100), each
   * signed; creates the store on first use. Throws when HubSpot did not write all of them.
   */
  writeIndexRecords(records: readonly { key: string; payload: unknown; at: string }[]): Promise<void>;
  /**
   * Makes sure the store exists (creates it when the portal has none; no call when it is known), so
   * that a later write need not wait for that.
   */
  prepare(): Promise<void>;
}

/** Everything the use cases need from HubSpot, in domain terms. */
export interface GoalTargetsGateway {
  /** Every slice of a family, found by search (lags a few seconds behind writes). */
  searchByUuid(uuid: string): Promise<CrmRecord[]>;
  /**
   * Every slice of several families (any number of uuids: one paged search per 100). With `within`,
   * only the slices whose id lies in one of these ranges (a scan fetches what it has not read itself).
   */
  searchByUuids(uuids: readonly string[], within?: readonly IdRange[]): Promise<CrmRecord[]>;
  /**
   * The first page (lowest ids first, at most 200) of the slices of these families (≤ 100 uuids),
   * with `total`: how many they have in all. The rest follows with `searchByUuids(uuids, [{ above:
   * last id }])`.
   */
  firstPageByUuids(uuids: readonly string[], limit: number): Promise<SearchPage>;
  /** Every slice of these target groups (`hs_goal_target_group_id`; one paged search per 100). */
  searchByGroupIds(groupIds: readonly string[]): Promise<CrmRecord[]>;
  /** Targets matching a query, only the given properties; every match, past the 10,000 cap. */
  searchTargets(query: TargetQuery, properties: readonly string[]): Promise<CrmRecord[]>;
  /**
   * One page of the object list endpoint (100 targets, ascending id as far as is known: check it),
   * from its paging token: the fastest full read (general limit, 19 a second).
   */
  listTargets(after: string | null, properties?: readonly string[]): Promise<ListPage>;
  /** One search page of the targets with `above < id < below`, highest id first (past the 10,000 cap). */
  scanDown(
    below: string | null,
    above: string | null,
    limit: number,
    properties?: readonly string[],
  ): Promise<SearchPage>;
  /**
   * Batch read by id, ≤100 per call; archived or unknown ids come back in `missing`, ids HubSpot
   * answered with another error (they may exist) in `unreadable`.
   */
  readByIds(ids: readonly string[]): Promise<{ found: CrmRecord[]; missing: string[]; unreadable: string[] }>;
  createTargets(inputs: readonly Record<string, string>[]): Promise<WriteOutcome[]>;
  updateTargets(
    inputs: readonly { id: string; properties: Record<string, string> }[],
  ): Promise<WriteOutcome[]>;
  archiveTargets(ids: readonly string[]): Promise<ArchiveOutcome[]>;
  /**
   * One slice through PATCH: `goal_target_update` (F4) only; family-defining properties go through
   * batch update. Answers the record as HubSpot did (its properties as for a batch write's `ok`).
   */
  patchTarget(id: string, properties: Record<string, string>): Promise<CrmRecord>;
  owners(): Promise<Owner[]>;
  teams(): Promise<Team[]>;
  pipelines(objectType?: string): Promise<Pipeline[]>;
  /** The portal's currencies: the company currency first, then the others it has exchange rates for. */
  currencies(): Promise<{ code: string; company: boolean }[]>;
  goalTargetProperties(): Promise<PropertyDefinition[]>;
  /**
   * A user of the portal by user id, from HubSpot's users API (super admin, teams); null when HubSpot
   * does not know the id. Looked up once per invocation and id.
   */
  portalUser(userId: string): Promise<PortalUser | null>;
  readonly store: AppStore;
  /** HTTP attempts made through this gateway so far. */
  readonly calls: { total(): number };
  /**
   * From now on, no throttle wait, retry back-off or new call that would end past `at` (epoch ms, on
   * the invocation's clock): the call fails with an `EdgeFailure` whose `deadline` is true (a wait or
   * a throttled retry not made: nothing was done), or a batch write reports its inputs `failed` with
   * `deadline`. `undefined` removes it. Scans stop and resume; an apply stops between batches and
   * rolls back in time.
   */
  setDeadline(at: number | undefined): void;
  /** Searches HubSpot allows per second (the scans plan their time with it). */
  readonly searchesPerSecond: number;
  /** This invocation's calls still inside HubSpot's rate windows, for the next invocation of the same job. */
  rateUsage(): RateUsage;
  /** Counts an earlier invocation's calls (from a cursor) against this one's rate limits. */
  adoptRateUsage(usage: RateUsage): void;
}

/** A failure at the edge (HubSpot answered with an error, or could not be reached in time). */
export type EdgeFailure = Error & {
  /** The contract's error to return for it (HubSpot's correlation id kept in `details`). */
  readonly appError: AppError & { details: Record<string, unknown> };
  /** A retry may fix it: a ten-secondly throttle, a server error, a network failure. */
  readonly retryable: boolean;
  /** The call may have been applied although it failed (a server error or a lost answer). */
  readonly outcomeUnknown: boolean;
  /** The invocation's deadline stopped a wait or a retry; HubSpot did not answer. */
  readonly deadline: boolean;
};

export function isEdgeFailure(e: unknown): e is EdgeFailure {
  if (!(e instanceof Error)) return false;
  const f = e as Partial<EdgeFailure>;
  return typeof f.appError === 'object' && f.appError !== null && typeof f.retryable === 'boolean';
}
