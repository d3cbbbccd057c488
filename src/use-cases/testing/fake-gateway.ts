/**
 * An in-memory `GoalTargetsGateway` for use-case unit tests: records by id, search that sees every
 * live record, and failure switches per operation and id. Test support only (not bundled: no entry imports it).
 */
import type { AppStore, CrmRecord, GoalTargetsGateway, PortalUser, WriteOutcome } from '../ports';

export type FakeFailures = {
  /** Ids whose batch update fails (every call) — the "permanent partial failure". */
  update?: Set<string>;
  /** Ids whose update fails only after the first N update calls (fail the rollback). */
  updateAfterCalls?: { calls: number; ids: Set<string> };
  archive?: Set<string>;
};

/** Unless a test says otherwise, every user id is a super admin of the fake portal. */
const superAdmin = (id: string): PortalUser => ({ id, email: null, superAdmin: true, teamIds: [] });

export function createFakeGateway(
  records: CrmRecord[],
  failures: FakeFailures = {},
  users: (id: string) => PortalUser | null = superAdmin,
) {
  const live = new Map(records.map((r) => [r.id, { ...r, properties: { ...r.properties } }]));
  let nextId = 900_000;
  let updateCalls = 0;
  let tick = 1_000;
  const touch = (r: CrmRecord) => {
    r.properties.hs_lastmodifieddate = String(++tick);
  };
  const store: AppStore = {
    maxPayloadChars: 65_000,
    signing: false,
    getSettings: async () => null,
    putSettings: async () => {
      throw new Error('not in the fake');
    },
    appendJournal: async (e) => ({
      id: 'j1',
      kind: 'journal',
      key: e.key,
      familyUuid: e.familyUuid,
      payload: e.payload,
      createdAt: e.createdAt,
      version: '1',
      integrity: 'unsigned',
      trusted: true,
    }),
    readJournal: async () => null,
    updateJournal: async () => {
      throw new Error('not in the fake');
    },
    listJournal: async () => ({ entries: [], after: null }),
    scanRecords: async () => ({ records: [], done: true }),
  };
  const gateway: GoalTargetsGateway = {
    store,
    calls: { total: () => 0 },
    setDeadline: () => undefined,
    searchByUuid: async (uuid) =>
      [...live.values()].filter((r) => r.properties.hs_group_correlation_uuid === uuid),
    searchByUuids: async (uuids) =>
      [...live.values()].filter((r) => uuids.includes(r.properties.hs_group_correlation_uuid ?? '')),
    firstPageByUuids: async (uuids, limit) => {
      const all = [...live.values()]
        .filter((r) => uuids.includes(r.properties.hs_group_correlation_uuid ?? ''))
        .sort((a, b) => Number(a.id) - Number(b.id));
      return { results: all.slice(0, limit), total: all.length, after: null };
    },
    searchByGroupIds: async (groupIds) =>
      [...live.values()].filter((r) => groupIds.includes(r.properties.hs_goal_target_group_id ?? '')),
    searchTargets: async () => [...live.values()],
    listTargets: async () => ({ results: [], after: null }),
    scanDown: async () => ({ results: [], total: 0, after: null }),
    searchesPerSecond: 5,
    rateUsage: () => ({ at: 0, search: [], general: [] }),
    adoptRateUsage: () => undefined,
    readByIds: async (ids) => ({
      found: ids
        .map((id) => live.get(id))
        .filter((r) => r !== undefined)
        .map((r) => ({ ...r, properties: { ...r.properties } })),
      missing: ids.filter((id) => !live.has(id)),
    }),
    createTargets: async (inputs) =>
      inputs.map((properties, index): WriteOutcome => {
        const record = { id: String(nextId++), properties: { ...properties } };
        touch(record);
        live.set(record.id, record);
        return { state: 'ok', index, record };
      }),
    updateTargets: async (inputs) => {
      updateCalls++;
      const late = failures.updateAfterCalls;
      return inputs.map(({ id, properties }, index): WriteOutcome => {
        const r = live.get(id);
        const fails = failures.update?.has(id) || (late && updateCalls > late.calls && late.ids.has(id));
        if (!r || fails) return { state: 'failed', index, message: 'injected failure' };
        Object.assign(r.properties, properties);
        touch(r);
        return { state: 'ok', index, record: r };
      });
    },
    archiveTargets: async (ids) =>
      ids.map((id, index) => {
        if (failures.archive?.has(id) || !live.has(id))
          return { state: 'failed' as const, index, id, message: 'injected' };
        live.delete(id);
        return { state: 'ok' as const, index, id };
      }),
    patchTarget: async (id, properties) => {
      const r = live.get(id);
      if (!r) throw new Error('missing');
      Object.assign(r.properties, properties);
      touch(r);
      return r;
    },
    owners: async () => [],
    teams: async () => [],
    pipelines: async () => [],
    currencies: async () => [{ code: 'USD', company: true }],
    goalTargetProperties: async () => [],
    portalUser: async (id) => users(id),
  };
  return { gateway, live };
}
