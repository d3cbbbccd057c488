/**
 * Who may do what, through the built bundles against the emulator (docs/security.md): roles are looked
 * up in HubSpot's users API, never believed from the caller; the settings are one signed record read
 * by its unique key; forged settings and journal records are ignored and reported; super admins can
 * never be locked out.
 */
import { type FunctionUid, functionContracts, functionUids, type SettingsDto } from '@goal-families/contract';
import type { Emulator } from '@goal-families/emulator';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  admin,
  asAdmin,
  call,
  DEMO,
  manager,
  portal,
  rawApi,
  rep,
  SIGNING_SECRET_NAME,
  startEmulator,
  storedSlices,
  TEST_SIGNING_KEY,
} from './harness';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.reset();
  emulator.configure({ searchLagMs: 0 });
  process.env[SIGNING_SECRET_NAME] = TEST_SIGNING_KEY;
});
afterEach(() => {
  process.env[SIGNING_SECRET_NAME] = TEST_SIGNING_KEY;
});

type Caller = { userId: string };
const as = (caller: Caller) => ({ caller, portal });
const family = DEMO.families.teamRevenue2026;
/** A user id HubSpot does not know. */
const stranger = { userId: '99999999' };

/** HubSpot's API as any user with custom-object rights could use it (the emulator's token). */
const api = (method: string, path: string, body?: unknown) => rawApi(emulator, method, path, body);

async function storeType(): Promise<string> {
  const schemas = await api('GET', '/crm/v3/schemas');
  const found = (schemas.body.results as { name: string; objectTypeId: string }[]).find(
    (s) => s.name === 'goal_families_record',
  );
  if (!found) throw new Error('the app has not created its store yet');
  return found.objectTypeId;
}

function storeRecords(kind?: 'settings' | 'journal') {
  const type = emulator.store.objectTypes().find((t) => t.name === 'goal_families_record');
  if (!type) return [];
  return emulator.store
    .listObjects(type.objectTypeId)
    .filter((r) => kind === undefined || r.properties.gf_kind === kind);
}

async function settingsOf(caller: Caller) {
  const got = await call('app_settings_get', as(caller));
  expect(got.ok, JSON.stringify(got)).toBe(true);
  return got as {
    settings: SettingsDto;
    version: string | null;
    canEdit: boolean;
    canEditSettings: boolean;
    canChangeEditors: boolean;
    protection: { signing: boolean; settingsRecord: string; settingsIgnored: boolean };
  };
}

/** Reads the settings as `caller`, changes them, saves with the version read. */
async function save(caller: Caller, change: (s: SettingsDto) => SettingsDto) {
  const got = await settingsOf(caller);
  return call('app_settings_save', { ...as(caller), settings: change(got.settings), version: got.version });
}

const withEditors = (editors: Partial<SettingsDto['editors']>) => (s: SettingsDto) => ({
  ...s,
  editors: { ...s.editors, ...editors },
});

async function renamePreview(caller: Caller) {
  return call('goal_family_update', { ...as(caller), uuid: family, dryRun: true, changes: { name: 'X' } });
}

/** Every mutating function with parameters that pass the schema (ids need not exist: permission comes first). */
function mutations(caller: Caller): [FunctionUid, string, Record<string, unknown>][] {
  const slice = storedSlices(emulator, family)[0]?.id ?? '1';
  const b = as(caller);
  const shapes: Partial<Record<FunctionUid, Record<string, unknown>>> = {
    goal_family_create: {
      ...b,
      uuid: 'aaaaaaaa-bbbb-4ccc-8ddd-000000000012',
      name: 'Forbidden goal',
      milestone: 'monthly',
      startDate: '2026-01-01',
      periodCount: 12,
      assignees: [{ kind: 'owner', id: DEMO.owners.rep }],
      spread: { mode: 'even', total: '1200.00' },
    },
    goal_family_update: { ...b, uuid: family, changes: { name: 'Renamed by a rep' } },
    goal_target_update: { ...b, uuid: family, targetId: slice, targetAmount: '1.00' },
    goal_family_archive: { ...b, uuid: family },
    goal_target_archive: { ...b, uuid: family, targetId: slice },
    goal_family_repair: { ...b, uuid: DEMO.broken.mixedNames.uuid, findingId: 'any-finding' },
    goal_family_clone: { ...b, uuid: family },
    goal_change_undo: { ...b, entryId: '12345' },
    goal_change_resolve: { ...b, entryId: '12345', action: 'roll_back' },
    goal_assignee_add: {
      ...b,
      uuid: family,
      assignee: { kind: 'owner', id: DEMO.owners.rep },
      spread: { mode: 'even', total: '1200.00' },
    },
    goal_assignee_remove: { ...b, uuid: family, assignee: { kind: 'owner', id: DEMO.owners.rep } },
  };
  const rows: [FunctionUid, string, Record<string, unknown>][] = [];
  for (const [uid, params] of Object.entries(shapes) as [FunctionUid, Record<string, unknown>][]) {
    const takesVersion = 'version' in (functionContracts[uid].params as unknown as { shape: object }).shape;
    rows.push([uid, 'preview', { ...params, dryRun: true }]);
    rows.push([
      uid,
      'apply',
      { ...params, dryRun: false, ...(takesVersion ? { version: 'any-version' } : {}) },
    ]);
  }
  rows.push([
    'app_settings_save',
    'save',
    {
      ...b,
      version: null,
      settings: { ...DEFAULT, editors: { ...DEFAULT.editors, userIds: [caller.userId] } },
    },
  ]);
  return rows;
}

const DEFAULT: SettingsDto = {
  editors: { superAdmins: true, userIds: [], teamIds: [] },
  defaults: { timeZone: 'UTC', fiscalYearStartMonth: 1, currency: 'USD' },
  card: { showYearAtAGlance: true, showHealth: true, maxFamilies: 10 },
};

describe('roles are looked up, not believed', () => {
  it('the table covers every function that changes something', () => {
    const mutating = functionUids.filter(
      (uid) =>
        'dryRun' in (functionContracts[uid].params as unknown as { shape: object }).shape ||
        uid === 'app_settings_save',
    );
    expect(new Set(mutations(rep).map(([uid]) => uid))).toEqual(new Set(mutating));
  });

  it('a forged isSuperAdmin (or teamIds) is refused by the schema, for every function', async () => {
    const before = emulator.snapshot();
    for (const uid of functionUids) {
      for (const forged of [{ isSuperAdmin: true }, { teamIds: [DEMO.teams.northAmericaEnterprise] }]) {
        const r = await call(uid, { caller: { ...rep, ...forged }, portal });
        expect(r, `${uid} ${JSON.stringify(forged)}`).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION_ERROR' },
        });
        expect(JSON.stringify(r.error.details.issues)).toContain('caller');
      }
    }
    expect(emulator.snapshot()).toBe(before);
  });

  it('a user who is not an editor gets FORBIDDEN for every mutation, preview and apply, and nothing is written', async () => {
    const before = emulator.snapshot();
    for (const [uid, step, params] of mutations(rep)) {
      const r = await call(uid, params);
      expect(r, `${uid} (${step}): ${JSON.stringify(r).slice(0, 300)}`).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    expect(emulator.snapshot()).toBe(before);
  });

  it('a user id HubSpot does not know gets FORBIDDEN for every mutation and for the settings', async () => {
    const before = emulator.snapshot();
    for (const [uid, step, params] of mutations(stranger)) {
      const r = await call(uid, params);
      expect(r, `${uid} (${step})`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await call('app_settings_get', as(stranger))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(emulator.snapshot()).toBe(before);
  });

  it('super-admin status and teams come from the users API: changing them there changes what a caller may do', async () => {
    expect((await renamePreview(admin)).ok).toBe(true);
    // The same caller, demoted in HubSpot, can no longer edit: the function asked HubSpot, not the browser.
    const portalAdmin = emulator.store.users.find((u) => u.id === admin.userId);
    if (!portalAdmin) throw new Error('no admin user');
    portalAdmin.superAdmin = false;
    expect(await renamePreview(admin)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    portalAdmin.superAdmin = true;

    // Make the rep's team an editor: the rep may edit because HubSpot says they are in that team.
    const team = DEMO.teams.northAmericaEnterprise;
    expect((await save(admin, withEditors({ teamIds: [team] }))).ok).toBe(true);
    expect((await renamePreview(rep)).ok).toBe(true);
    const portalRep = emulator.store.users.find((u) => u.id === rep.userId);
    if (!portalRep) throw new Error('no rep user');
    expect(portalRep.primaryTeamId).toBe(team);
    delete portalRep.primaryTeamId;
    expect(await renamePreview(rep)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    portalRep.secondaryTeamIds = [team];
    expect((await renamePreview(rep)).ok).toBe(true);
  });

  it('only super admins may change who may edit; editors may change the rest', async () => {
    expect((await save(admin, withEditors({ userIds: [manager.userId] }))).ok).toBe(true);
    const asManager = await settingsOf(manager);
    expect(asManager).toMatchObject({ canEdit: true, canEditSettings: true, canChangeEditors: false });
    // The editor may change defaults and card options...
    const defaults = await save(manager, (s) => ({ ...s, defaults: { ...s.defaults, currency: 'EUR' } }));
    expect(defaults.ok, JSON.stringify(defaults)).toBe(true);
    // ...but not who may edit: not switch super admins off, not add or remove anybody.
    for (const editors of [
      { superAdmins: false },
      { userIds: [manager.userId, rep.userId] },
      { userIds: [] as string[], teamIds: [DEMO.teams.northAmericaEnterprise] },
    ]) {
      const r = await save(manager, withEditors(editors));
      expect(r, JSON.stringify(editors)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const after = await settingsOf(admin);
    expect(after.settings.editors).toEqual({ superAdmins: true, userIds: [manager.userId], teamIds: [] });
    expect(after.settings.defaults.currency).toBe('EUR');
  });

  it('super admins can always open and save the settings, even when the settings leave them out', async () => {
    const out = await save(admin, withEditors({ superAdmins: false, userIds: [manager.userId] }));
    expect(out.ok, JSON.stringify(out)).toBe(true);
    const view = await settingsOf(admin);
    expect(view).toMatchObject({ canEdit: false, canEditSettings: true, canChangeEditors: true });
    expect(await renamePreview(admin)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await save(admin, withEditors({ superAdmins: true }))).ok).toBe(true);
    expect((await renamePreview(admin)).ok).toBe(true);
  });

  it('settings that leave nobody to edit goals are refused on the server', async () => {
    const r = await save(admin, withEditors({ superAdmins: false, userIds: [], teamIds: [] }));
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect(storeRecords('settings')).toHaveLength(0);
  });

  it('property: no sequence of saves by an editor (or anyone) locks super admins out', async () => {
    type Who = 'manager' | 'rep' | 'admin';
    const ids = [manager.userId, rep.userId, admin.userId, DEMO.users.rep];
    const step = fc.record({
      who: fc.constantFrom<Who>('manager', 'manager', 'rep', 'admin'),
      editors: fc.record({
        superAdmins: fc.boolean(),
        userIds: fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 3 }),
        teamIds: fc.uniqueArray(fc.constantFrom(...DEMO.teams.all), { maxLength: 2 }),
      }),
      version: fc.constantFrom('read', 'read', 'null', 'stale'),
    });
    const callers = { manager, rep, admin };
    const initial = { superAdmins: true, userIds: [manager.userId], teamIds: [] };
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 5 }), async (steps) => {
        emulator.reset();
        // A super admin makes the manager an editor; then anything may be tried.
        expect((await save(admin, withEditors(initial))).ok).toBe(true);
        let adminSaved = false;
        for (const s of steps) {
          const caller = callers[s.who];
          const got = await call('app_settings_get', as(caller));
          const version =
            s.version === 'read' ? got.version : s.version === 'null' ? null : '1999-01-01T00:00:00.000Z';
          const r = await call('app_settings_save', {
            ...as(caller),
            settings: { ...got.settings, editors: s.editors },
            version,
          });
          if (r.ok && s.who === 'admin') adminSaved = true;
          // Whatever was saved or refused, the super admin can open the settings and change them.
          const view = await settingsOf(admin);
          expect(view).toMatchObject({ canEditSettings: true, canChangeEditors: true });
          // Until a super admin changes them, who may edit stays as the super admin left it.
          if (!adminSaved) {
            expect(view.settings.editors).toEqual(initial);
            expect(view.canEdit).toBe(true);
          }
        }
        const restored = await save(admin, withEditors({ superAdmins: true }));
        expect(restored.ok, JSON.stringify(restored)).toBe(true);
        expect((await renamePreview(admin)).ok).toBe(true);
        expect(storeRecords('settings')).toHaveLength(1);
      }),
      { numRuns: 12 },
    );
  });
});

describe('one settings record, read by its unique key, updated in place', () => {
  it('a save is visible to the very next call, with the search lag on, and never duplicates', async () => {
    emulator.configure({ searchLagMs: 60_000 });
    expect(await renamePreview(manager)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const first = await save(admin, withEditors({ userIds: [manager.userId] }));
    expect(first.ok, JSON.stringify(first)).toBe(true);
    // No lag: the manager may edit at once, and a second save updates the same record.
    expect((await renamePreview(manager)).ok).toBe(true);
    const read = await settingsOf(admin);
    expect(read.version).toBe(first.version);
    const second = await save(admin, (s) => ({ ...s, card: { ...s.card, maxFamilies: 7 } }));
    expect(second.ok).toBe(true);
    expect((await settingsOf(manager)).settings.card.maxFamilies).toBe(7);
    expect(storeRecords('settings')).toHaveLength(1);
  });

  it('the version is required; null means "no record yet" and is a CONFLICT once one exists', async () => {
    const missing = await call('app_settings_save', { ...asAdmin, settings: DEFAULT });
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect(JSON.stringify(missing.error.details.issues)).toContain('version');
    const created = await call('app_settings_save', { ...asAdmin, settings: DEFAULT, version: null });
    expect(created.ok).toBe(true);
    const again = await call('app_settings_save', { ...asAdmin, settings: DEFAULT, version: null });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const stale = await call('app_settings_save', {
      ...asAdmin,
      settings: DEFAULT,
      version: '2000-01-01T00:00:00.000Z',
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(storeRecords('settings')).toHaveLength(1);
  });

  it('two first saves at once: one wins, the other is a CONFLICT, one record', async () => {
    // The store exists (a journal entry made it) so both saves race on the settings' unique key alone.
    await call('app_settings_save', { ...asAdmin, settings: DEFAULT, version: null });
    const settingsRecord = storeRecords('settings')[0];
    if (!settingsRecord) throw new Error('no settings record');
    await api('DELETE', `/crm/v3/objects/${await storeType()}/${settingsRecord.id}`);
    const results = await Promise.all(
      [1, 2].map((n) =>
        call('app_settings_save', {
          ...asAdmin,
          settings: { ...DEFAULT, card: { ...DEFAULT.card, maxFamilies: n } },
          version: null,
        }),
      ),
    );
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: { code: 'CONFLICT' } });
    expect(storeRecords('settings')).toHaveLength(1);
  });

  it('a store made by an earlier version of the app gets its unique key and signature properties on the first save', async () => {
    const old = await api('POST', '/crm/v3/schemas', {
      name: 'goal_families_record',
      labels: { singular: 'Goal Families record', plural: 'Goal Families records' },
      primaryDisplayProperty: 'gf_key',
      requiredProperties: ['gf_kind', 'gf_key'],
      properties: ['gf_kind', 'gf_key', 'gf_family_uuid', 'gf_payload'].map((name) => ({
        name,
        label: name,
        type: 'string',
        fieldType: 'text',
      })),
    });
    expect(old.status).toBe(201);
    expect((await settingsOf(admin)).version).toBeNull();
    const saved = await save(admin, withEditors({ userIds: [manager.userId] }));
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    expect((await renamePreview(manager)).ok).toBe(true);
    const schema = (await api('GET', `/crm/v3/schemas/${await storeType()}`)).body;
    const unique = schema.properties.find((p: { name: string }) => p.name === 'gf_unique_key');
    expect(unique?.hasUniqueValue).toBe(true);
  });
});

describe('a store ordinary users cannot forge', () => {
  async function editorSettings() {
    const saved = await save(admin, withEditors({ userIds: [manager.userId] }));
    expect(saved.ok).toBe(true);
    const record = storeRecords('settings')[0];
    if (!record) throw new Error('no settings record');
    return record;
  }

  it('a settings record changed outside the app is ignored (super admins only) and reported', async () => {
    const record = await editorSettings();
    expect(record.properties.gf_signature).toMatch(/^v1\./);
    // A rep with custom-object rights makes themselves an editor, straight through HubSpot's API.
    const forged = JSON.parse(record.properties.gf_payload ?? '{}');
    forged.editors.userIds.push(rep.userId);
    const patched = await api('PATCH', `/crm/v3/objects/${await storeType()}/${record.id}`, {
      properties: { gf_payload: JSON.stringify(forged) },
    });
    expect(patched.status).toBe(200);
    expect(await renamePreview(rep)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The whole record is ignored: the manager's real rights are gone too until a super admin saves.
    expect(await renamePreview(manager)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const view = await settingsOf(admin);
    expect(view.protection).toEqual({ signing: true, settingsRecord: 'tampered', settingsIgnored: true });
    expect(view.settings.editors).toEqual(DEFAULT.editors);
    const check = await call('app_store_check', asAdmin);
    expect(check.protection.settingsRecord).toBe('tampered');
    // A super admin saves over it (with the forged record's version): signed again, trusted again.
    const repaired = await call('app_settings_save', {
      ...asAdmin,
      settings: { ...DEFAULT, editors: { ...DEFAULT.editors, userIds: [manager.userId] } },
      version: view.version,
    });
    expect(repaired.ok, JSON.stringify(repaired)).toBe(true);
    expect((await settingsOf(admin)).protection.settingsRecord).toBe('valid');
    expect((await renamePreview(manager)).ok).toBe(true);
  });

  it('a settings record created outside the app, or "dated 2099", decides nothing', async () => {
    await call('app_settings_save', { ...asAdmin, settings: DEFAULT, version: null });
    const type = await storeType();
    const settingsRecord = storeRecords('settings')[0];
    if (!settingsRecord) throw new Error('no settings record');
    await api('DELETE', `/crm/v3/objects/${type}/${settingsRecord.id}`);
    const everyone = { ...DEFAULT, editors: { superAdmins: false, userIds: [rep.userId], teamIds: [] } };
    const made = await api('POST', `/crm/v3/objects/${type}`, {
      properties: {
        gf_kind: 'settings',
        gf_key: 'settings',
        gf_unique_key: 'settings',
        gf_payload: JSON.stringify(everyone),
        gf_created_at: '2099-01-01T00:00:00.000Z',
        gf_signature: 'v1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      },
    });
    expect(made.status).toBe(201);
    await api('POST', `/crm/v3/objects/${type}`, {
      properties: {
        gf_kind: 'settings',
        gf_key: 'newer',
        gf_payload: JSON.stringify(everyone),
        gf_created_at: '2099-06-01T00:00:00.000Z',
      },
    });
    expect(await renamePreview(rep)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await renamePreview(admin)).ok).toBe(true);
    expect((await settingsOf(admin)).protection).toMatchObject({
      settingsRecord: 'tampered',
      settingsIgnored: true,
    });
    const check = await call('app_store_check', asAdmin);
    // The other forged record (not the settings record) is listed as not trustworthy.
    expect(check.untrusted).toEqual([expect.objectContaining({ integrity: 'unsigned' })]);
  });

  async function renameJournalled(name: string) {
    const preview = await call('goal_family_update', {
      ...asAdmin,
      uuid: family,
      dryRun: true,
      changes: { name },
    });
    const applied = await call('goal_family_update', {
      ...asAdmin,
      uuid: family,
      version: preview.plan.version,
      changes: { name },
    });
    expect(applied.ok, JSON.stringify(applied).slice(0, 300)).toBe(true);
    return applied.journalEntryId as string;
  }

  it('a forged journal entry is listed as not trustworthy, never undone, and reported by the health check', async () => {
    const real = await renameJournalled('Real rename');
    const type = await storeType();
    const slice = storedSlices(emulator, family)[0];
    if (!slice) throw new Error('no slice');
    // A forged "newest" entry that would make undo write an arbitrary property on a slice.
    const forgedPayload = {
      v: 1,
      at: '2099-01-01T00:00:00.000Z',
      by: { userId: admin.userId },
      operation: 'family-update',
      familyName: 'Team revenue',
      goalType: 'sales_quota',
      summary: 'Rename',
      groups: [
        {
          p: 'hubspot_owner_id',
          b: DEMO.owners.rep,
          a: slice.properties.hubspot_owner_id ?? null,
          ids: [slice.id],
        },
      ],
      undoable: true,
      undoneBy: null,
      undoes: null,
    };
    const forged = await api('POST', `/crm/v3/objects/${type}`, {
      properties: {
        gf_kind: 'journal',
        gf_key: `family-update:${family}:1`,
        gf_family_uuid: family,
        gf_payload: JSON.stringify(forgedPayload),
        gf_created_at: '2099-01-01T00:00:00.000Z',
      },
    });
    expect(forged.status).toBe(201);
    const list = await call('goal_journal_list', { ...asAdmin, familyUuid: family });
    const shown = list.entries.find((e: { id: string }) => e.id === forged.body.id);
    expect(shown).toMatchObject({ integrity: 'unsigned', trusted: false, undoable: false });
    expect(list.entries.find((e: { id: string }) => e.id === real)).toMatchObject({
      integrity: 'valid',
      trusted: true,
      undoable: true,
    });
    const before = emulator.snapshot();
    for (const dryRun of [true, false]) {
      const undo = await call('goal_change_undo', {
        ...asAdmin,
        entryId: forged.body.id,
        dryRun,
        ...(dryRun ? {} : { version: 'v' }),
      });
      expect(undo).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_ERROR', details: { reason: 'UNTRUSTED_ENTRY' } },
      });
    }
    expect(emulator.snapshot()).toBe(before);
    const check = await call('app_store_check', asAdmin);
    expect(check.untrusted).toEqual([
      expect.objectContaining({ id: forged.body.id, integrity: 'unsigned', familyUuid: family }),
    ]);
    // The forged "newer" entry does not block undoing the real last change.
    const preview = await call('goal_change_undo', { ...asAdmin, entryId: real, dryRun: true });
    expect(preview.ok, JSON.stringify(preview).slice(0, 300)).toBe(true);
  });

  it('a journal entry changed outside the app reads as tampered and cannot be undone', async () => {
    const real = await renameJournalled('Renamed once');
    const record = storeRecords('journal').find((r) => r.id === real);
    if (!record) throw new Error('no journal record');
    const payload = JSON.parse(record.properties.gf_payload ?? '{}');
    payload.groups[0].b = 'A name the attacker chose';
    await api('PATCH', `/crm/v3/objects/${await storeType()}/${real}`, {
      properties: { gf_payload: JSON.stringify(payload) },
    });
    const list = await call('goal_journal_list', { ...asAdmin, familyUuid: family });
    expect(list.entries[0]).toMatchObject({
      id: real,
      integrity: 'tampered',
      trusted: false,
      undoable: false,
    });
    const undo = await call('goal_change_undo', { ...asAdmin, entryId: real, dryRun: true });
    expect(undo).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    const check = await call('app_store_check', asAdmin);
    expect(check.untrusted).toEqual([expect.objectContaining({ id: real, integrity: 'tampered' })]);
  });

  it('the journal stores the user id, not the email', async () => {
    const preview = await call('goal_family_update', {
      caller: { ...admin, email: 'admin@demo-goals.example' },
      portal,
      uuid: family,
      dryRun: true,
      changes: { name: 'With email' },
    });
    const applied = await call('goal_family_update', {
      caller: { ...admin, email: 'admin@demo-goals.example' },
      portal,
      uuid: family,
      version: preview.plan.version,
      changes: { name: 'With email' },
    });
    const record = storeRecords('journal').find((r) => r.id === applied.journalEntryId);
    expect(record?.properties.gf_payload).not.toContain('@');
    expect(JSON.parse(record?.properties.gf_payload ?? '{}').by).toEqual({ userId: admin.userId });
    const list = await call('goal_journal_list', asAdmin);
    expect(list.entries[0].by).toEqual({ userId: admin.userId });
  });

  it('without the signing secret the app still works and signs nothing, and says so; setting it later distrusts the unsigned settings', async () => {
    delete process.env[SIGNING_SECRET_NAME];
    const saved = await save(admin, withEditors({ userIds: [manager.userId] }));
    expect(saved.ok).toBe(true);
    expect(storeRecords('settings')[0]?.properties.gf_signature ?? '').toBe('');
    expect((await settingsOf(admin)).protection).toEqual({
      signing: false,
      settingsRecord: 'unsigned',
      settingsIgnored: false,
    });
    expect((await renamePreview(manager)).ok).toBe(true);
    const entry = await renameJournalled('Unsigned rename');
    const list = await call('goal_journal_list', asAdmin);
    expect(list.entries.find((e: { id: string }) => e.id === entry)).toMatchObject({
      integrity: 'unsigned',
      trusted: true,
      undoable: true,
    });

    process.env[SIGNING_SECRET_NAME] = TEST_SIGNING_KEY;
    // Unsigned records could have been written by anyone: once the app signs, they decide nothing.
    expect((await settingsOf(admin)).protection).toEqual({
      signing: true,
      settingsRecord: 'unsigned',
      settingsIgnored: true,
    });
    expect(await renamePreview(manager)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const again = await save(admin, withEditors({ userIds: [manager.userId] }));
    expect(again.ok).toBe(true);
    expect((await settingsOf(admin)).protection.settingsRecord).toBe('valid');
    expect((await renamePreview(manager)).ok).toBe(true);
  });

  it('a record signed with another key reads as tampered', async () => {
    await editorSettings();
    process.env[SIGNING_SECRET_NAME] = 'another-portal-key-0123456789abcdef0123';
    expect((await settingsOf(admin)).protection).toMatchObject({
      settingsRecord: 'tampered',
      settingsIgnored: true,
    });
  });

  it('the store check pages through every record with a cursor', async () => {
    for (let i = 0; i < 2; i++) await renameJournalled(`Rename ${i}`);
    const type = await storeType();
    // More forged records than one call checks (5 searches of 200), written as a user could.
    for (let i = 0; i < 1_050; i++) {
      emulator.store.insert(type, {
        properties: { gf_kind: 'journal', gf_key: `forged-${i}`, gf_family_uuid: family, gf_payload: '{}' },
      });
    }
    const untrusted: string[] = [];
    let cursor: string | undefined;
    let calls = 0;
    let checked = 0;
    do {
      const page = await call('app_store_check', { ...asAdmin, ...(cursor ? { cursor } : {}) });
      expect(page.ok, JSON.stringify(page).slice(0, 300)).toBe(true);
      calls++;
      untrusted.push(...page.untrusted.map((u: { id: string }) => u.id));
      checked = page.checkedEntries;
      cursor = page.nextCursor ?? undefined;
    } while (cursor && calls < 5);
    expect(calls).toBe(2);
    expect(checked).toBe(1_052);
    expect(new Set(untrusted).size).toBe(1_050);
    const bad = await call('app_store_check', { ...asAdmin, cursor: 'not-a-cursor' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
  });
});

describe('smaller holes', () => {
  it('goal_journal_list refuses a malformed cursor, and one from another family', async () => {
    for (const cursor of ['x', 'bm90LWpzb24', Buffer.from('{"after":"1"}').toString('base64url')]) {
      const r = await call('goal_journal_list', { ...asAdmin, cursor });
      expect(r, cursor).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    }
    for (let i = 0; i < 3; i++) {
      const preview = await call('goal_family_update', {
        ...asAdmin,
        uuid: family,
        dryRun: true,
        changes: { name: `N${i}` },
      });
      await call('goal_family_update', {
        ...asAdmin,
        uuid: family,
        version: preview.plan.version,
        changes: { name: `N${i}` },
      });
    }
    const page = await call('goal_journal_list', { ...asAdmin, familyUuid: family, limit: 2 });
    expect(page.nextCursor).not.toBeNull();
    const next = await call('goal_journal_list', {
      ...asAdmin,
      familyUuid: family,
      limit: 2,
      cursor: page.nextCursor,
    });
    expect(next.entries).toHaveLength(1);
    const elsewhere = await call('goal_journal_list', { ...asAdmin, limit: 2, cursor: page.nextCursor });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
  });
});
