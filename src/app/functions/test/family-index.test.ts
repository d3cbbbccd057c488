/**
 * The family index kept in the app's store, end to end through the built bundles: built by a full
 * health check, read whole in one call, kept up to date by the app's own changes and by a refresh of
 * what changed outside the app, and never trusted once a record fails its signature check.
 */
import { functionContracts } from '@goal-families/contract';
import type { Emulator } from '@goal-families/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asAdmin, call, countCalls, DEMO, previewAndApply, rawApi, rename, startEmulator } from './harness';

let emulator: Emulator;
/** The emulator's clock against the real one: the portal is seeded ten minutes before the tests run. */
let offsetMs = 0;
beforeAll(async () => {
  emulator = await startEmulator({ clock: () => Date.now() + offsetMs });
});
afterAll(() => emulator.close());
beforeEach(() => {
  offsetMs = -10 * 60_000;
  emulator.reset();
  offsetMs = 0;
});

type Entry = {
  uuid: string;
  name: string;
  sliceCount: number;
  health?: { healthy: boolean; findingCount: number; checkedAt: string };
};

const api = (method: string, path: string, body?: unknown) => rawApi(emulator, method, path, body);

/** A whole health check; answers the families with an error finding and how many families it saw. */
async function healthCheck() {
  const broken = new Set<string>();
  let cursor: string | undefined;
  let families = 0;
  do {
    const r = await call('goal_families_audit', { ...asAdmin, ...(cursor ? { cursor } : {}) });
    expect(r.ok, JSON.stringify(r).slice(0, 300)).toBe(true);
    for (const f of r.findings as { severity: string; familyUuid: string | null }[])
      if (f.severity === 'error' && f.familyUuid) broken.add(f.familyUuid);
    families = r.scannedFamilies;
    cursor = r.nextCursor ?? undefined;
  } while (cursor);
  return { broken, families };
}

/** Every family by the portal scan (`source: scan`), merged by uuid. */
async function scannedIndex() {
  const sizes = new Map<string, number>();
  let cursor: string | undefined;
  do {
    const r = await call('goal_families_index', { ...asAdmin, ...(cursor ? { cursor } : {}) });
    for (const e of r.entries as Entry[]) sizes.set(e.uuid, (sizes.get(e.uuid) ?? 0) + e.sliceCount);
    cursor = r.nextCursor ?? undefined;
  } while (cursor);
  return sizes;
}

async function stored(extra: Record<string, unknown> = {}) {
  const r = await call('goal_families_index', { ...asAdmin, source: 'store', ...extra });
  expect(r.ok, JSON.stringify(r).slice(0, 300)).toBe(true);
  const parsed = functionContracts.goal_families_index.result.safeParse(r);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues).slice(0, 300)).toBe(true);
  return r as {
    entries: Entry[];
    stored: { builtAt: string; freshAt: string } | null;
  };
}

const storeType = () => emulator.store.objectTypes().find((t) => t.name === 'goal_families_record');
const indexRecords = () => {
  const type = storeType();
  return type
    ? emulator.store
        .listObjects(type.objectTypeId)
        .filter((r) => r.properties.gf_unique_key?.startsWith('index:'))
    : [];
};

describe('the stored family index', () => {
  it('is absent before the first health check: the tab then scans', async () => {
    const r = await stored();
    expect(r.stored).toBeNull();
    expect(r.entries).toEqual([]);
  });

  it('is built by a full health check: every family once, with its health, and read in one call', async () => {
    const { broken, families } = await healthCheck();
    const scan = await scannedIndex();
    const { result: r, counters } = await countCalls(emulator, () => stored());
    expect(r.stored).not.toBeNull();
    expect(r.entries).toHaveLength(scan.size);
    expect(r.entries).toHaveLength(families);
    for (const e of r.entries) {
      expect(e.sliceCount).toBe(scan.get(e.uuid));
      expect(e.health?.healthy).toBe(!broken.has(e.uuid));
    }
    expect(broken.size).toBeGreaterThan(0);
    // The whole index in one batch read by key (and the schema listing on a new function instance).
    expect(counters).toEqual({
      'GET /crm/v3/schemas': 1,
      [`POST /crm/v3/objects/${storeType()?.objectTypeId}/batch/read`]: 1,
    });
    expect(Date.parse(r.stored?.freshAt ?? '')).toBeLessThanOrEqual(Date.parse(r.stored?.builtAt ?? ''));
  });

  it('a second health check builds the other generation and switches to it', async () => {
    await healthCheck();
    await healthCheck();
    const r = await stored();
    expect(r.stored).not.toBeNull();
    const keys = indexRecords().map((x) => x.properties.gf_unique_key);
    expect(keys.some((k) => k?.startsWith('index:a:'))).toBe(true);
    expect(keys.some((k) => k?.startsWith('index:b:'))).toBe(true);
    expect(new Set(r.entries.map((e) => e.uuid)).size).toBe(r.entries.length);
  });

  it("follows the app's own changes in the same invocation (rename, archive)", async () => {
    await healthCheck();
    const uuid = DEMO.families.teamRevenue2026;
    const renamed = await rename(uuid, 'Renamed through the app');
    expect(renamed.applied.ok).toBe(true);
    let r = await stored();
    expect(r.entries.find((e) => e.uuid === uuid)?.name).toBe('Renamed through the app');
    const archived = await previewAndApply('goal_family_archive', { uuid });
    expect(archived.applied.ok, JSON.stringify(archived.applied).slice(0, 300)).toBe(true);
    r = await stored();
    expect(r.entries.find((e) => e.uuid === uuid)).toBeUndefined();
  });

  it("a change writes its row with the journal's close: the index costs it no call of its own", async () => {
    await healthCheck();
    const uuid = DEMO.families.teamRevenue2026;
    const preview = await call('goal_family_update', {
      ...asAdmin,
      uuid,
      dryRun: true,
      changes: { name: 'Counted with the index' },
    });
    expect(preview.ok).toBe(true);
    const { result, counters } = await countCalls(emulator, () =>
      call('goal_family_update', {
        ...asAdmin,
        uuid,
        version: preview.plan.version,
        changes: { name: 'Counted with the index' },
      }),
    );
    expect(result.ok, JSON.stringify(result).slice(0, 300)).toBe(true);
    const type = storeType()?.objectTypeId;
    // The store: one read (settings, journal, index), the pending entry, one close with the index page.
    const store = Object.fromEntries(Object.entries(counters).filter(([k]) => k.includes(`/${type}`)));
    expect(store).toEqual({
      [`POST /crm/v3/objects/${type}/batch/read`]: 1,
      [`POST /crm/v3/objects/${type}`]: 1,
      [`POST /crm/v3/objects/${type}/batch/update`]: 1,
    });
    expect((await stored()).entries.find((e) => e.uuid === uuid)?.name).toBe('Counted with the index');
  });

  it('a refresh reads what changed outside the app since the watermark', async () => {
    await healthCheck();
    const uuid = DEMO.families.teamRevenue2026;
    const slice = emulator.store
      .listObjects('goal_targets')
      .find((t) => t.properties.hs_group_correlation_uuid === uuid && !t.archived);
    if (!slice) throw new Error('demo family has no slice');
    const patched = await api('PATCH', `/crm/v3/objects/goal_targets/${slice.id}`, {
      properties: { hs_goal_name: 'Renamed in HubSpot' },
    });
    expect(patched.status).toBe(200);
    expect((await stored()).entries.find((e) => e.uuid === uuid)?.name).not.toBe('Renamed in HubSpot');
    const { result: refreshed, counters } = await countCalls(emulator, () => stored({ refresh: true }));
    // Only what changed since the watermark: the index (1), the modified targets (1 search), the
    // settings' zone (1), that one family whole (1 IN search) and its page with the meta (1 upsert).
    const type = storeType()?.objectTypeId;
    expect(counters).toEqual({
      [`POST /crm/v3/objects/${type}/batch/read`]: 1,
      'POST /crm/v3/objects/goal_targets/search': 2,
      [`GET /crm/v3/objects/${type}/{id}`]: 1,
      [`POST /crm/v3/objects/${type}/batch/upsert`]: 1,
    });
    const entry = refreshed.entries.find((e) => e.uuid === uuid);
    // One slice of the family has another name now: the family's name is the majority's, and its
    // health check finds the names differ.
    expect(entry?.health?.healthy).toBe(false);
    expect(entry?.health?.findingCount).toBeGreaterThan(0);
    // Written back: the next plain read shows it too.
    const again = await stored();
    expect(again.entries.find((e) => e.uuid === uuid)).toEqual(entry);
    // The other families were left as the health check wrote them.
    const others = (x: typeof again) => x.entries.filter((e) => e.uuid !== uuid);
    expect(others(again)).toEqual(others(await stored()));
    // Right after, a refresh reads the last minute again (search lags behind writes): that family
    // alone, by the same two searches, and the row stays as it was.
    const quiet = await countCalls(emulator, () => stored({ refresh: true }));
    expect(quiet.counters['POST /crm/v3/objects/goal_targets/search']).toBe(2);
    expect(quiet.result.entries.find((e) => e.uuid === uuid)?.name).toBe(entry?.name);
  });

  it('an index record that fails its signature check makes the index unused', async () => {
    await healthCheck();
    const page = indexRecords().find((r) => r.properties.gf_unique_key === 'index:a:1');
    const type = storeType();
    if (!page || !type) throw new Error('no index page');
    const payload = JSON.parse(page.properties.gf_payload ?? '{}');
    payload.rows[0][1] = 'Forged name';
    const forged = await api('PATCH', `/crm/v3/objects/${type.objectTypeId}/${page.id}`, {
      properties: { gf_payload: JSON.stringify(payload) },
    });
    expect(forged.status).toBe(200);
    const r = await stored();
    expect(r.stored).toBeNull();
    expect(r.entries).toEqual([]);
  });
});
