/**
 * Runs the BUILT app function bundles (`dist/<kebab>.js`, `main(context)`) against an in-process
 * HubSpot emulator, as HubSpot's runner would. Build first: `npm run build:functions`.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FunctionUid } from '@goal-families/contract';
import {
  createEmulator,
  DEFAULT_TOKEN,
  DEMO,
  type Emulator,
  type EmulatorOptions,
} from '@goal-families/emulator';
import { SIGNING_SECRET_NAME } from '../../../gateway';

const require = createRequire(import.meta.url);

export { SIGNING_SECRET_NAME };
export const TEST_SIGNING_KEY = 'test-signing-key-0123456789abcdef0123456789';
export const distDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

export const kebab = (uid: string) => uid.replace(/_/g, '-');

type Main = (context: { parameters?: unknown }) => Promise<Record<string, unknown>>;

export function bundle(uid: FunctionUid): Main {
  const file = join(distDir, `${kebab(uid)}.js`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build:functions\` first`);
  return (require(file) as { main: Main }).main;
}

/** Calls a function through its bundle; the result typed loosely (tests assert on shapes). */
// biome-ignore lint/suspicious/noExplicitAny: results are asserted field by field in tests
export const call = (uid: FunctionUid, parameters: unknown): Promise<any> => bundle(uid)({ parameters });

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = createEmulator({ seed: 'demo', rateLimits: false, ...options });
  const { baseUrl } = await emulator.listen();
  process.env.HUBSPOT_API_BASE_URL = baseUrl;
  process.env.PRIVATE_APP_ACCESS_TOKEN = DEFAULT_TOKEN;
  // Retries wait 1 ms instead of 250 ms: fault storms finish fast, the logic is the same.
  process.env.GOAL_FAMILIES_RETRY_BASE_DELAY_MS = '1';
  // The app's signing secret, as `hs secrets add` would set it: records are signed and checked.
  process.env[SIGNING_SECRET_NAME] = TEST_SIGNING_KEY;
  return emulator;
}

export const portal = { id: String(DEMO.portalId), timeZone: 'UTC' };
/** The demo portal's super admin (the emulator's users API says so; the caller only names the user). */
export const admin = { userId: DEMO.users.admin };
/** A rep who is not an editor under the default settings. */
export const rep = { userId: DEMO.users.repWithoutEditRights };
/** The manager of the rep's team: an ordinary user until the settings make them an editor. */
export const manager = { userId: DEMO.users.manager };
export const asAdmin = { caller: admin, portal };

/** The seeded demo owners (`DEMO.owners` lists only named roles): read once through the function. */
export async function ownerIds(): Promise<string[]> {
  const r = await call('owners_and_teams_list', asAdmin);
  return (r.owners as { id: string }[]).map((o) => o.id);
}

/** Rename through preview then apply, returning both results. */
export async function rename(uuid: string, name: string) {
  const preview = await call('goal_family_update', { ...asAdmin, uuid, dryRun: true, changes: { name } });
  if (!preview.ok) throw new Error(JSON.stringify(preview));
  const applied = await call('goal_family_update', {
    ...asAdmin,
    uuid,
    version: preview.plan.version,
    changes: { name },
  });
  return { preview, applied };
}

/** Every live slice of a family straight from the emulator's store (not through the app). */
export function storedSlices(emulator: Emulator, uuid: string) {
  return emulator.store
    .listObjects('goal_targets')
    .filter((r) => r.properties.hs_group_correlation_uuid === uuid);
}

export { DEMO };

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Any mutation: preview (`dryRun`), then apply with the preview's version. Throws if the preview fails. */
export async function previewAndApply(uid: FunctionUid, params: Record<string, unknown>) {
  const preview = await call(uid, { ...asAdmin, ...params, dryRun: true });
  if (!preview.ok) throw new Error(`${uid} preview failed: ${JSON.stringify(preview)}`);
  const applied = await call(uid, { ...asAdmin, ...params, version: preview.plan.version });
  return { preview, applied };
}

/** The journal (newest first), optionally of one family. */
export async function journalEntries(familyUuid?: string) {
  const r = await call('goal_journal_list', {
    ...asAdmin,
    limit: 100,
    ...(familyUuid ? { familyUuid } : {}),
  });
  if (!r.ok) throw new Error(JSON.stringify(r));
  // biome-ignore lint/suspicious/noExplicitAny: entries are asserted field by field
  return r.entries as any[];
}

/** A family's live slices straight from the emulator. */
export const liveSlices = (emulator: Emulator, uuid: string) =>
  storedSlices(emulator, uuid).filter((s) => !s.archived);

/** Calls per endpoint key made by `run`, from the emulator's counters. */
export async function countCalls<T>(emulator: Emulator, run: () => Promise<T>) {
  emulator.resetCounters();
  const result = await run();
  return { result, counters: emulator.counters() };
}

/**
 * HubSpot's API straight to the emulator, as any holder of a token with custom-object rights could
 * use it (outside the app): the answer's status and parsed body.
 */
export async function rawApi(emulator: Emulator, method: string, path: string, body?: unknown) {
  const res = await fetch(`${emulator.baseUrl()}${path}`, {
    method,
    headers: { authorization: `Bearer ${DEFAULT_TOKEN}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
