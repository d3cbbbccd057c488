/**
 * An in-memory `GoalTargetsGateway` for use-case unit tests: records by id, search that sees every
 * live record, and failure switches per operation and id. Test support only (not bundled: no entry imports it).
 */
import type {
  AppStore,
  CrmRecord,
  GoalTargetsGateway,
  PortalUser,
  StoredRecord,
  WriteOutcome,
} from '../ports';

/**
 * An in-memory app store: journal records with unique keys (a taken key makes the create fail, as
 * HubSpot's unique-value property does), read by id or key, listed newest first. It signs nothing,
 * so every record reads `unsigned` and is trusted (as the real store without a signing secret).
 */
export function createFakeStore(stamp: () => string): AppStore {
  const records = new Map<string, StoredRecord>();
  let nextId = 1;
  const taken = (key: string, except?: string) =>
    [...records.values()].some((r) => r.key === key && r.id !== except);
  /** The unique `follows` value of each journal record that holds one. */
  const follows = new Map<string, string>();
  const followed = (value: string) => [...follows.values()].includes(value);
  const conflict = () =>
    Object.assign(new Error('key taken'), {
      appError: { code: 'CONFLICT' as const, message: 'key taken', details: {} },
      retryable: false,
      outcomeUnknown: false,
      deadline: false,
    });
  return {
    maxPayloadChars: 65_000,
    signing: false,
    getSettings: async () => null,
    readByKeys: async (keys, _options) =>
      [...records.values()].filter((r) => keys.includes(r.key)).map((r) => structuredClone(r)),
    putSettings: async () => {
      throw new Error('not in the fake');
    },
    appendJournal: async (e) => {
      if (taken(e.key) || (e.follows !== undefined && followed(e.follows))) throw conflict();
      const record: StoredRecord = {
        id: `j${nextId++}`,
        kind: 'journal',
        key: e.key,
        familyUuid: e.familyUuid,
        payload: structuredClone(e.payload),
        createdAt: e.createdAt,
        version: stamp(),
        integrity: 'unsigned',
        trusted: true,
      };
      records.set(record.id, record);
      if (e.follows !== undefined) follows.set(record.id, e.follows);
      return structuredClone(record);
    },
    readJournal: async (id) => structuredClone(records.get(id) ?? null),
    readJournalByKeys: async (keys) =>
      [...records.values()].filter((r) => keys.includes(r.key)).map((r) => structuredClone(r)),
    updateJournal: async (id, payload, change = {}) => {
      const { key } = change;
      const record = records.get(id);
      if (!record) throw new Error(`no journal record ${id}`);
      if (key !== undefined && taken(key, id)) throw conflict();
      Object.assign(record, { payload: structuredClone(payload), version: stamp(), ...(key ? { key } : {}) });
      if (change.releaseFollows) follows.delete(id);
      return structuredClone(record);
    },
    updateJournals: async (updates, alongside = []) => {
      // HubSpot checks unique values against what records hold before the call: no key passes within it.
      for (const u of updates) if (u.change?.key !== undefined && taken(u.change.key, u.id)) throw conflict();
      const out: StoredRecord[] = [];
      for (const u of updates) {
        const record = records.get(u.id);
        if (!record) throw new Error(`no journal record ${u.id}`);
        Object.assign(record, {
          payload: structuredClone(u.payload),
          version: stamp(),
          ...(u.change?.key ? { key: u.change.key } : {}),
        });
        if (u.change?.releaseFollows) follows.delete(u.id);
        out.push(structuredClone(record));
      }
      for (const r of alongside) {
        const record = records.get(r.id);
        if (record) Object.assign(record, { payload: structuredClone(r.payload), version: stamp() });
      }
      return { records: out, alongside: alongside.every((r) => records.has(r.id)) };
    },
    setAsideJournal: async (id) => {
      const record = records.get(id);
      if (record) Object.assign(record, { key: `untrusted:${id}`, version: stamp() });
    },
    releaseFollows: async (value) => {
      const holder = [...follows.entries()].find(([, v]) => v === value)?.[0];
      if (holder === undefined) return null;
      follows.delete(holder);
      return structuredClone(records.get(holder) ?? null);
    },
    listJournal: async (q) => ({
      entries: [...records.values()]
        .filter((r) => !q.familyUuid || r.familyUuid === q.familyUuid)
        .reverse()
        .slice(0, q.limit)
        .map((r) => structuredClone(r)),
      after: null,
    }),
    readIndexRecords: async (keys) =>
      [...records.values()].filter((r) => keys.includes(r.key)).map((r) => structuredClone(r)),
    prepare: async () => undefined,
    writeIndexRecords: async (written) => {
      for (const w of written) {
        const existing = [...records.values()].find((r) => r.key === w.key);
        const record: StoredRecord = {
          id: existing?.id ?? `i${nextId++}`,
          kind: 'settings',
          key: w.key,
          familyUuid: '',
          payload: structuredClone(w.payload),
          createdAt: w.at,
          version: stamp(),
          integrity: 'unsigned',
          trusted: true,
        };
        records.set(record.id, record);
      }
    },
    scanRecords: async (afterId, limit) => {
      const all = [...records.values()];
      const from = afterId === null ? 0 : all.findIndex((r) => r.id === afterId) + 1;
      const page = all.slice(from, from + limit);
      return { records: page.map((r) => structuredClone(r)), done: from + limit >= all.length };
    },
  };
}

/** Unless a test says otherwise, every user id is a super admin of the fake portal. */
const superAdmin = (id: string): PortalUser => ({ id, email: null, superAdmin: true, teamIds: [] });

export type FakeFailures = {
  /** Ids whose batch update fails (every call) — the "permanent partial failure". */
  update?: Set<string>;
  /** Ids whose update fails only after the first N update calls (fail the rollback). */
  updateAfterCalls?: { calls: number; ids: Set<string> };
  archive?: Set<string>;
};

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
  const store = createFakeStore(() => String(++tick));
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
      unreadable: [],
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
