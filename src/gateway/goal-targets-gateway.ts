/**
 * `HubSpotGateway`: everything the use cases need from HubSpot, in domain terms, over HTTP through
 * `CrmObjects`. It satisfies the use cases' `GoalTargetsGateway` port structurally (checked where the
 * two meet, in `src/app/functions/entries/define-function.ts`), so this layer imports nothing above it.
 */
import type { AppStore } from './app-store';
import type { CallCounter } from './counting';
import type { HubSpotHttp } from './http';
import {
  type ArchiveOutcome,
  type CrmObjects,
  type CrmRecord,
  errorFrom,
  type SearchFilter,
  type SearchPage,
  send,
  type WriteOutcome,
  writtenRecord,
} from './objects';
import { LIMITS, paths } from './paths';
import type { RateUsage } from './throttle';

export type { ArchiveOutcome, CrmRecord, RateUsage, SearchFilter, WriteOutcome };

/** Ids strictly between `above` and `below` (either open). */
export type IdRange = { above?: string; below?: string };

export type ListPage = { results: CrmRecord[]; after: string | null };

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

/** A user of the portal as HubSpot's users API describes them. */
export type PortalUser = { id: string; email: string | null; superAdmin: boolean; teamIds: string[] };

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

export interface HubSpotGateway {
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
   * One page of the object list endpoint (100 targets), from its paging token `after`: the fastest
   * full read (the general limit, 19 a second, instead of search's 5).
   * ASSUMPTION (unverified): the list endpoint answers in ascending id order, so that a page covers
   * every id between its first and its last (HubSpot documents only the opaque `after` token). The
   * scans check each page and fall back to search alone when a page breaks the order.
   */
  listTargets(after: string | null, properties?: readonly string[]): Promise<ListPage>;
  /**
   * One search page of the targets with `above < hs_object_id < below`, highest id first: scans the
   * portal downwards past the 10,000 cap. `properties` narrows what is read (default: every property
   * the domain reads).
   */
  scanDown(
    below: string | null,
    above: string | null,
    limit: number,
    properties?: readonly string[],
  ): Promise<SearchPage>;
  /**
   * Batch read by id, ≤100 per call; archived or unknown ids come back in `missing`, ids HubSpot
   * answered with another error in `unreadable`.
   */
  readByIds(ids: readonly string[]): Promise<{ found: CrmRecord[]; missing: string[]; unreadable: string[] }>;
  createTargets(inputs: readonly Record<string, string>[]): Promise<WriteOutcome[]>;
  updateTargets(
    inputs: readonly { id: string; properties: Record<string, string> }[],
  ): Promise<WriteOutcome[]>;
  archiveTargets(ids: readonly string[]): Promise<ArchiveOutcome[]>;
  /** One slice through PATCH (F4). */
  patchTarget(id: string, properties: Record<string, string>): Promise<CrmRecord>;
  owners(): Promise<Owner[]>;
  teams(): Promise<Team[]>;
  pipelines(objectType?: string): Promise<Pipeline[]>;
  /** The portal's currencies: the company currency first, then the others it has exchange rates for. */
  currencies(): Promise<{ code: string; company: boolean }[]>;
  goalTargetProperties(): Promise<PropertyDefinition[]>;
  /** A user by user id from the users API (null when HubSpot does not know it); once per invocation and id. */
  portalUser(userId: string): Promise<PortalUser | null>;
  readonly store: AppStore;
  /** HTTP attempts made through this gateway so far. */
  readonly calls: CallCounter;
  /**
   * From now on, no search-throttle wait, retry back-off or new call that would end past `at` (epoch
   * ms, on the invocation's clock): the call fails with a `GatewayError` of kind `deadline` (a wait or
   * a throttled retry not made; nothing was done) or with HubSpot's last answer (a retry after a server
   * error not made). `undefined` removes it. Reads stop and resume (the audit's cursor); writes stop
   * between batches, in time to roll back (a batch write never stops halfway).
   */
  setDeadline(at: number | undefined): void;
  /** Searches HubSpot allows per second (the scans plan their time with it). */
  readonly searchesPerSecond: number;
  /** This invocation's calls still inside HubSpot's rate windows, for the next invocation of the same job. */
  rateUsage(): RateUsage;
  /** Counts an earlier invocation's calls (from a cursor) against this one's rate limits. */
  adoptRateUsage(usage: RateUsage): void;
}

type Raw = Record<string, unknown>;
const asRaw = (v: unknown): Raw => (v !== null && typeof v === 'object' ? (v as Raw) : {});
const str = (v: unknown): string | null =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : null;

// ASSUMPTION (unverified): `IN` accepts up to 100 values per filter, like a batch's input limit.
export const MAX_IN_VALUES = 100;

const PROP_UUID = 'hs_group_correlation_uuid';

/** `above < hs_object_id < below` as search filters (ids are numbers to HubSpot's search). */
function idFilters(range: IdRange): SearchFilter[] {
  const filters: SearchFilter[] = [];
  if (range.above !== undefined)
    filters.push({ propertyName: 'hs_object_id', operator: 'GT', value: range.above });
  if (range.below !== undefined)
    filters.push({ propertyName: 'hs_object_id', operator: 'LT', value: range.below });
  return filters;
}

export function createGoalTargetsGateway(deps: {
  http: HubSpotHttp;
  targets: CrmObjects;
  store: AppStore;
  calls: CallCounter;
  setDeadline?: (at: number | undefined) => void;
  rateUsage?: () => RateUsage;
  adoptRateUsage?: (usage: RateUsage) => void;
  searchesPerSecond?: number;
  readProperties: readonly string[];
  /** For creates whose answer lacks trace ids: what makes one slice unique (group id + start). */
  sliceKey: (p: CrmRecord['properties']) => string;
}): HubSpotGateway {
  const { http, targets, readProperties } = deps;
  const getResults = async (path: string, query?: Record<string, string | number>) => {
    const all: unknown[] = [];
    let after: string | undefined;
    do {
      const response = await send(http, {
        method: 'GET',
        path,
        query: { ...query, ...(after ? { after } : {}) },
      });
      const body = asRaw(response.body);
      if (Array.isArray(body.results)) all.push(...body.results);
      const next = str(asRaw(asRaw(body.paging).next).after);
      after = next ?? undefined;
    } while (after !== undefined);
    return all;
  };

  /** Every record whose `property` is one of `values` (one paged search per 100), within the id ranges. */
  const searchIn = async (property: string, values: readonly string[], within?: readonly IdRange[]) => {
    const ranges = within === undefined ? [{}] : within;
    const out: CrmRecord[] = [];
    if (ranges.length === 0) return out;
    for (let i = 0; i < values.length; i += MAX_IN_VALUES) {
      const part = values.slice(i, i + MAX_IN_VALUES);
      const inValues: SearchFilter = { propertyName: property, operator: 'IN', values: part };
      out.push(
        ...(await targets.searchEveryMatch({
          filterGroups: ranges.map((range) => ({ filters: [inValues, ...idFilters(range)] })),
          properties: readProperties,
        })),
      );
    }
    return out;
  };

  const users = new Map<string, Promise<PortalUser | null>>();
  const readUser = async (userId: string): Promise<PortalUser | null> => {
    const path = paths.user(userId);
    const response = await http({ method: 'GET', path });
    if (response.status === 404) return null;
    if (response.status < 200 || response.status >= 300)
      throw errorFrom(response, 'GET /settings/users/{userId}');
    const r = asRaw(response.body);
    const primary = str(r.primaryTeamId);
    const secondary = Array.isArray(r.secondaryTeamIds)
      ? r.secondaryTeamIds.map(str).filter((t) => t !== null)
      : [];
    return {
      id: str(r.id) ?? userId,
      email: str(r.email),
      // Only a literal true makes a super admin: a missing or odd field never grants anything.
      superAdmin: r.superAdmin === true,
      teamIds: [...new Set([...(primary ? [primary] : []), ...secondary])],
    };
  };

  return {
    store: deps.store,
    portalUser(userId) {
      let user = users.get(userId);
      if (!user) {
        user = readUser(userId);
        users.set(userId, user);
        // A failed look-up is not remembered: a later call in the invocation may try again.
        user.catch(() => users.delete(userId));
      }
      return user;
    },
    calls: deps.calls,
    setDeadline: deps.setDeadline ?? (() => undefined),
    searchesPerSecond: deps.searchesPerSecond ?? 5,
    rateUsage: deps.rateUsage ?? (() => ({ at: 0, search: [], general: [] })),
    adoptRateUsage: deps.adoptRateUsage ?? (() => undefined),
    searchByUuid: (uuid) =>
      targets.searchEveryMatch({
        filterGroups: [
          { filters: [{ propertyName: 'hs_group_correlation_uuid', operator: 'EQ', value: uuid }] },
        ],
        properties: readProperties,
      }),
    searchByUuids: (uuids, within) => searchIn(PROP_UUID, uuids, within),
    searchByGroupIds: (groupIds) => searchIn('hs_goal_target_group_id', groupIds),
    firstPageByUuids: (uuids, limit) =>
      targets.search({
        filterGroups: [
          { filters: [{ propertyName: PROP_UUID, operator: 'IN', values: uuids.slice(0, MAX_IN_VALUES) }] },
        ],
        properties: readProperties,
        sort: { propertyName: 'hs_object_id', direction: 'ASCENDING' },
        limit: Math.min(limit, LIMITS.searchPage),
      }),
    searchTargets(query, properties) {
      const filters: SearchFilter[] = [];
      if (query.ownerId)
        filters.push({ propertyName: 'hubspot_owner_id', operator: 'EQ', value: query.ownerId });
      if (query.teamId)
        filters.push({ propertyName: 'hs_assignee_team_id', operator: 'EQ', value: query.teamId });
      if (query.goalType)
        filters.push({ propertyName: 'hs_goal_type', operator: 'EQ', value: query.goalType });
      if (query.milestones?.length)
        filters.push({ propertyName: 'hs_milestone', operator: 'IN', values: [...query.milestones] });
      // Datetimes in search filters are epoch-millisecond strings (docs/hubspot-facts.md §5).
      if (query.fromMs !== undefined)
        filters.push({ propertyName: 'hs_end_datetime', operator: 'GTE', value: String(query.fromMs) });
      if (query.toMs !== undefined)
        filters.push({ propertyName: 'hs_start_datetime', operator: 'LTE', value: String(query.toMs) });
      if (query.uuids !== undefined)
        filters.push({
          propertyName: 'hs_group_correlation_uuid',
          operator: 'IN',
          values: query.uuids.slice(0, MAX_IN_VALUES),
        });
      if (query.modifiedAfterMs !== undefined)
        filters.push({
          propertyName: 'hs_lastmodifieddate',
          operator: 'GT',
          value: String(query.modifiedAfterMs),
        });
      if (filters.length === 0)
        filters.push({ propertyName: 'hs_group_correlation_uuid', operator: 'HAS_PROPERTY' });
      return targets.searchEveryMatch({ filterGroups: [{ filters }], properties });
    },
    listTargets: (after, properties = readProperties) =>
      targets.listPage(properties, after ?? undefined, LIMITS.listPage),
    scanDown: (below, above, limit, properties = readProperties) => {
      const range: IdRange = {};
      if (below !== null) range.below = below;
      if (above !== null) range.above = above;
      const filters = idFilters(range);
      return targets.search({
        filterGroups: filters.length > 0 ? [{ filters }] : [],
        properties,
        sort: { propertyName: 'hs_object_id', direction: 'DESCENDING' },
        limit: Math.min(limit, LIMITS.searchPage),
      });
    },
    readByIds: (ids) => targets.readByIds(ids, readProperties),
    createTargets: (inputs) => targets.create(inputs, deps.sliceKey),
    updateTargets: (inputs) => targets.update(inputs),
    archiveTargets: (ids) => targets.archive(ids),
    patchTarget: async (id, properties) => writtenRecord(await targets.patch(id, properties)),
    async owners() {
      const rows = await getResults(paths.owners(), { limit: 500, archived: 'false' });
      return rows.map((row) => {
        const r = asRaw(row);
        const name = [str(r.firstName), str(r.lastName)].filter(Boolean).join(' ');
        const teams = Array.isArray(r.teams)
          ? r.teams.map((t) => str(asRaw(t).id)).filter((t) => t !== null)
          : [];
        return {
          id: String(r.id),
          userId: str(r.userId),
          name: name || str(r.email) || `Owner ${String(r.id)}`,
          email: str(r.email),
          teamIds: teams,
        };
      });
    },
    async teams() {
      const rows = await getResults(paths.teams());
      return rows.map((row) => ({ id: String(asRaw(row).id), name: str(asRaw(row).name) ?? '' }));
    },
    async pipelines(objectType = 'deals') {
      const rows = await getResults(paths.pipelines(objectType));
      return rows.map((row) => ({ id: String(asRaw(row).id), label: str(asRaw(row).label) ?? '' }));
    },
    async currencies() {
      const company = asRaw((await send(http, { method: 'GET', path: paths.companyCurrency() })).body);
      const code = str(company.currencyCode);
      const rates = await getResults(paths.exchangeRates());
      const others = rates.map((row) => str(asRaw(row).fromCurrencyCode)).filter((c) => c !== null);
      return [
        ...(code ? [{ code, company: true }] : []),
        ...[...new Set(others)].filter((c) => c !== code).map((c) => ({ code: c, company: false })),
      ];
    },
    async goalTargetProperties() {
      const rows = await getResults(paths.properties('goal_targets'));
      return rows.map((row) => {
        const r = asRaw(row);
        return {
          name: String(r.name),
          type: str(r.type) ?? 'string',
          readOnly: asRaw(r.modificationMetadata).readOnlyValue === true,
          options: (Array.isArray(r.options) ? r.options : []).map((o) => ({
            value: String(asRaw(o).value),
            label: str(asRaw(o).label) ?? '',
          })),
        };
      });
    },
  };
}
