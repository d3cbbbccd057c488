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

export type { ArchiveOutcome, CrmRecord, SearchFilter, WriteOutcome };

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
}

type Raw = Record<string, unknown>;
const asRaw = (v: unknown): Raw => (v !== null && typeof v === 'object' ? (v as Raw) : {});
const str = (v: unknown): string | null =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : null;

// ASSUMPTION (unverified): `IN` accepts up to 100 values per filter, like a batch's input limit.
export const MAX_IN_VALUES = 100;

export function createGoalTargetsGateway(deps: {
  http: HubSpotHttp;
  targets: CrmObjects;
  store: AppStore;
  calls: CallCounter;
  setDeadline?: (at: number | undefined) => void;
  readProperties: readonly string[];
  /** For creates whose answer lacks trace ids: what makes one slice unique (group id + start). */
  sliceKey: (p: CrmRecord['properties']) => string;
}): HubSpotGateway {
  const { http, targets, readProperties } = deps;
  const byId = { propertyName: 'hs_object_id', direction: 'ASCENDING' as const };
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
    searchByUuid: (uuid) =>
      targets.searchEveryMatch({
        filterGroups: [
          { filters: [{ propertyName: 'hs_group_correlation_uuid', operator: 'EQ', value: uuid }] },
        ],
        properties: readProperties,
      }),
    async searchByUuids(uuids) {
      const out: CrmRecord[] = [];
      for (let i = 0; i < uuids.length; i += MAX_IN_VALUES) {
        const values = uuids.slice(i, i + MAX_IN_VALUES);
        out.push(
          ...(await targets.searchEveryMatch({
            filterGroups: [
              { filters: [{ propertyName: 'hs_group_correlation_uuid', operator: 'IN', values }] },
            ],
            properties: readProperties,
          })),
        );
      }
      return out;
    },
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
    scanAfter: (afterId, limit, properties = readProperties) =>
      targets.search({
        filterGroups: afterId
          ? [{ filters: [{ propertyName: 'hs_object_id', operator: 'GT', value: afterId }] }]
          : [],
        properties,
        sort: byId,
        limit: Math.min(limit, LIMITS.searchPage),
      }),
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
