/**
 * The in-process equivalent of HubSpot's app-function runner: requires each function's built
 * self-contained CommonJS bundle and awaits `main(context)` with the environment pointing at the
 * emulator, then passes the result through JSON as HubSpot does (docs/hubspot-facts.md §2).
 */
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The local runner's limit [verified]; production's is unverified, so the workbench uses this one. */
export const FUNCTION_TIMEOUT_MS = 15_000;

export interface FunctionEnvironment {
  /** Where the functions' HubSpot client points: the emulator. */
  apiBaseUrl: string;
  accessToken: string;
  /** The app's function secrets (`hs secrets add`): they reach each function as `process.env.<NAME>`. */
  secrets?: Readonly<Record<string, string>>;
}

export class FunctionNotFoundError extends Error {}

type Main = (context: unknown) => unknown;

/** `goal_families_list` → `goal-families-list`: the bundle's file name (issue 4's build convention). */
export const bundleNameOf = (uid: string) => uid.replace(/_/g, '-');

export class FunctionRunner {
  private readonly cache = new Map<string, { main: Main; mtimeMs: number }>();
  private readonly require = createRequire(import.meta.url);

  constructor(
    private readonly distDir: string,
    private readonly env: FunctionEnvironment,
  ) {}

  bundlePath(uid: string): string {
    return path.join(this.distDir, `${bundleNameOf(uid)}.js`);
  }

  available(uid: string): boolean {
    return /^[a-z0-9_]{1,64}$/.test(uid) && existsSync(this.bundlePath(uid));
  }

  /** Loads (or reloads, when the bundle was rebuilt) a function's `main`. */
  private load(uid: string): Main {
    if (!/^[a-z0-9_]{1,64}$/.test(uid)) throw new FunctionNotFoundError(`No app function named "${uid}"`);
    const file = this.bundlePath(uid);
    if (!existsSync(file))
      throw new FunctionNotFoundError(
        `No app function "${uid}" (expected ${file}; run npm run build:functions)`,
      );
    const mtimeMs = statSync(file).mtimeMs;
    const cached = this.cache.get(uid);
    if (cached && cached.mtimeMs === mtimeMs) return cached.main;
    delete this.require.cache[this.require.resolve(file)];
    const mod = this.require(file) as { main?: unknown; default?: { main?: unknown } };
    const main = mod.main ?? mod.default?.main;
    if (typeof main !== 'function') throw new Error(`${file} does not export main`);
    this.cache.set(uid, { main: main as Main, mtimeMs });
    return main as Main;
  }

  /** Runs one invocation; resolves to the JSON round-trip of what `main` returned. */
  async run(uid: string, parameters: unknown): Promise<unknown> {
    const main = this.load(uid);
    // The bundles read these on every call; set them before each one in case a test changed them.
    process.env.HUBSPOT_API_BASE_URL = this.env.apiBaseUrl;
    process.env.PRIVATE_APP_ACCESS_TOKEN = this.env.accessToken;
    for (const [name, value] of Object.entries(this.env.secrets ?? {})) process.env[name] = value;
    const context = {
      parameters: parameters ?? {},
      propertiesToSend: {},
      event: { type: 'SERVERLESS_FUNCTION', payload: {} },
      secrets: { ...this.env.secrets, PRIVATE_APP_ACCESS_TOKEN: this.env.accessToken },
    };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`App function ${uid} timed out after ${FUNCTION_TIMEOUT_MS / 1000} s`)),
        FUNCTION_TIMEOUT_MS,
      );
    });
    try {
      const result = await Promise.race([Promise.resolve(main(context)), timeout]);
      return result === undefined ? null : JSON.parse(JSON.stringify(result));
    } finally {
      clearTimeout(timer);
    }
  }
}
