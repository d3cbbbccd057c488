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

/**
 * What happened to one input of a batch write. `unknown`: the call failed in a way that may have
 * applied it. `deadline`: not sent (or throttled) because the deadline would have passed; not applied.
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
  milestone?: string;
  /** Periods overlapping [fromMs, toMs]. */
  fromMs?: number;
  toMs?: number;
  /** Slices of these families only (≤ 100 uuids). */
  uuids?: readonly string[];
  /** Slices modified after this instant (epoch ms). */
  modifiedAfterMs?: number;
};

/** A record of the app's own store (settings, journal entries). */
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
   * Journal records by their unique key, read by id: no search, so no lag. Keys with no record are
   * left out. (Keys are unique: creating a record with a taken key fails, which makes a key a lock.)
   */
  readJournalByKeys(keys: readonly string[]): Promise<StoredRecord[]>;
  /** Replaces an entry's payload, and its key when `key` is given (a taken key: the call fails). */
  updateJournal(id: string, payload: unknown, key?: string): Promise<StoredRecord>;
  /** Newest first. `after` is the cursor of the previous page. */
  listJournal(query: { familyUuid?: string; limit: number; after?: string }): Promise<{
    entries: StoredRecord[];
    after: string | null;
  }>;
}

/** Everything the use cases need from HubSpot, in domain terms. */
export interface GoalTargetsGateway {
  /** Every slice of a family, found by search (lags a few seconds behind writes). */
  searchByUuid(uuid: string): Promise<CrmRecord[]>;
  /** Every slice of several families (≤ 100 uuids), by one paged search. */
  searchByUuids(uuids: readonly string[]): Promise<CrmRecord[]>;
  /** Targets matching a query, only the given properties; every match, past the 10,000 cap. */
  searchTargets(query: TargetQuery, properties: readonly string[]): Promise<CrmRecord[]>;
  /**
   * One page of targets with `hs_object_id > afterId`, ascending: scans any portal size past the
   * 10,000 cap. `properties` narrows what is read (default: every property the domain reads).
   */
  scanAfter(afterId: string | null, limit: number, properties?: readonly string[]): Promise<SearchPage>;
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
  /** One slice through PATCH: `goal_target_update` (F4) only; family-defining properties go through batch update. */
  patchTarget(id: string, properties: Record<string, string>): Promise<CrmRecord>;
  owners(): Promise<Owner[]>;
  teams(): Promise<Team[]>;
  pipelines(objectType?: string): Promise<Pipeline[]>;
  goalTargetProperties(): Promise<PropertyDefinition[]>;
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
