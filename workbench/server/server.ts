/**
 * The workbench server: the emulator (seeded demo portal), the app functions run in-process against
 * it, and the preview page that hosts the real card and settings page.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmulator, type Emulator } from '@goal-families/emulator';
import type { RuntimeMode, WorkbenchInfo } from '../shared/page-api.js';
import { buildHostAssets, type HostAssets, PAGE_DIR } from './build-host.js';
import { demoRecords, demoUsers } from './demo-directory.js';
import { type ExtensionKind, prepareExtensions, type ResolvedExtension } from './extensions.js';
import { FunctionNotFoundError, FunctionRunner } from './function-runner.js';
import { type LiveReload, startLiveReload } from './live-reload.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface WorkbenchOptions {
  /** 0 picks a free port. */
  port?: number;
  /** SQLite file for the emulator; omit for an in-memory portal (tests). */
  dbFile?: string;
  mode?: RuntimeMode;
  /** Build extension bundles before serving (default true); functions are built by the caller. */
  buildExtensions?: boolean;
  /** Show the workbench's sample extension in both places (the host's own tests). */
  fixtureOnly?: boolean;
  log?: (message: string) => void;
}

export interface Workbench {
  url: string;
  emulator: Emulator;
  emulatorUrl: string;
  functions: FunctionRunner;
  extensions: Record<ExtensionKind, ResolvedExtension>;
  close(): Promise<void>;
}

const APP_NAME = 'Goal Families';
/**
 * The signing key of the local demo portal. A fixed value, so that records signed before a restart
 * still pass their check in `.data/`; it protects nothing outside this machine.
 */
/**
 * The function secret that keys the app's record signatures (the name `src/gateway/record-signature.ts`
 * reads; the workbench reaches the app only through its function bundles, so it names it here).
 */
const SIGNING_SECRET_NAME = 'GOAL_FAMILIES_SIGNING_KEY';
export const WORKBENCH_SIGNING_KEY = 'workbench-demo-signing-key-not-a-secret-0001';
/** The app id the fake context reports; HubSpot assigns the real one on upload. */
const WORKBENCH_APP_ID = '1';

function send(res: ServerResponse, status: number, body: string | Buffer, type: string) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}
const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, JSON.stringify(value), 'application/json');

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 2_000_000) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : JSON.parse(text);
}

export async function startWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const log = options.log ?? (() => undefined);
  const mode = options.mode ?? 'worker';
  if (options.dbFile) mkdirSync(path.dirname(options.dbFile), { recursive: true });
  const emulator = createEmulator({ seed: 'demo', ...(options.dbFile ? { dbFile: options.dbFile } : {}) });
  const { baseUrl: emulatorUrl } = await emulator.listen(0);
  const functions = new FunctionRunner(path.join(ROOT, 'src/app/functions/dist'), {
    apiBaseUrl: emulatorUrl,
    accessToken: emulator.token,
    // As `hs secrets add` would in a portal: the app signs its settings and journal records.
    secrets: { [SIGNING_SECRET_NAME]: WORKBENCH_SIGNING_KEY },
  });
  const [assets, extensions] = await Promise.all([
    buildHostAssets({ sourcemap: mode === 'same-thread' }),
    prepareExtensions(ROOT, {
      build: options.buildExtensions !== false,
      fixtureOnly: options.fixtureOnly ?? false,
      log,
    }),
  ]);
  const hostAssets: HostAssets = assets;
  const liveReload: LiveReload | undefined =
    mode === 'same-thread'
      ? startLiveReload(
          ROOT,
          async () => {
            Object.assign(
              extensions,
              await prepareExtensions(ROOT, { build: true, fixtureOnly: options.fixtureOnly ?? false, log }),
            );
          },
          log,
        )
      : undefined;
  const indexHtml = readFileSync(path.join(PAGE_DIR, 'index.html'), 'utf8');

  const info = (): WorkbenchInfo => {
    const ext = (kind: ExtensionKind) => {
      const e = extensions[kind];
      return {
        location: kind === 'card' ? ('crm.record.sidebar' as const) : ('settings' as const),
        title: e.title,
        fixture: e.fixture,
        ...(e.bundleFile ? { bundleUrl: `/__workbench/extensions/${kind}.js?v=${Date.now()}` } : {}),
        ...(e.buildError ? { buildError: e.buildError } : {}),
      };
    };
    return {
      appName: APP_NAME,
      appId: WORKBENCH_APP_ID,
      portal: { id: emulator.portalId, timezone: 'UTC' },
      records: demoRecords(emulator),
      users: demoUsers(emulator),
      card: ext('card'),
      settings: ext('settings'),
      mode,
      liveReload: mode === 'same-thread',
    };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const p = url.pathname;
    if (req.method === 'GET' && (p === '/' || p === '/index.html'))
      return send(res, 200, indexHtml, 'text/html; charset=utf-8');
    if (p === '/__workbench/host.js') return send(res, 200, hostAssets.pageJs, 'text/javascript');
    if (p === '/__workbench/host.css') return send(res, 200, hostAssets.pageCss, 'text/css');
    if (p === '/__workbench/worker.js') return send(res, 200, hostAssets.workerJs, 'text/javascript');
    if (p === '/__workbench/api/info') return sendJson(res, 200, info());
    if (p === '/__workbench/events' && liveReload) return liveReload.subscribe(res);
    const extension = /^\/__workbench\/extensions\/(card|settings)\.js$/.exec(p);
    if (extension) {
      const file = extensions[extension[1] as ExtensionKind].bundleFile;
      if (!file || !existsSync(file)) return send(res, 404, '// not built', 'text/javascript');
      return send(res, 200, readFileSync(file), 'text/javascript');
    }
    const fn = /^\/__workbench\/api\/functions\/([a-z0-9_]{1,64})$/.exec(p);
    if (fn && req.method === 'POST') {
      const uid = fn[1] as string;
      const body = (await readJson(req)) as { parameters?: unknown };
      const started = Date.now();
      try {
        const response = await functions.run(uid, body.parameters);
        const ok = (response as { ok?: unknown } | null)?.ok;
        log(`fn ${uid} ${ok === false ? 'returned an error' : 'ok'} in ${Date.now() - started} ms`);
        return sendJson(res, 200, { response });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`fn ${uid} threw: ${message}`);
        return sendJson(res, error instanceof FunctionNotFoundError ? 404 : 500, { message });
      }
    }
    const crm = /^\/__workbench\/api\/crm\/([0-9]+-[0-9]+)\/([0-9]+)$/.exec(p);
    if (crm && req.method === 'GET') {
      const record = emulator.store.getObject(crm[1] as string, crm[2] as string);
      if (!record || record.archived) return sendJson(res, 404, { message: 'record not found' });
      const wanted = url.searchParams.get('properties') ?? '*';
      const props =
        wanted === '*'
          ? { ...record.properties }
          : Object.fromEntries(
              wanted
                .split(',')
                .filter(Boolean)
                .map((k) => [k, record.properties[k] ?? '']),
            );
      return sendJson(res, 200, props);
    }
    if (p === '/__workbench/api/reset' && req.method === 'POST') {
      emulator.reset();
      log('emulator reset to the demo seed');
      return sendJson(res, 200, { ok: true });
    }
    return send(res, 404, 'not found', 'text/plain');
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { message: error instanceof Error ? error.message : String(error) });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, '127.0.0.1', () => resolve());
  });
  const url = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    url,
    emulator,
    emulatorUrl,
    functions,
    extensions,
    async close() {
      liveReload?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await emulator.close();
    },
  };
}
