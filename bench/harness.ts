/**
 * The benchmark's test bench: an in-process emulator on a virtual clock, the built app function
 * bundles loaded as HubSpot's runner loads them (`require` + `main(context)`), and the counters the
 * report needs. One harness serves a whole run; each scenario resets the portal it needs.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { FunctionResult, FunctionUid, ParamsInput } from '@goal-families/contract';
import { createEmulator, type Emulator, mulberry32, type SeedChoice } from '@goal-families/emulator';
import { runFunction } from '../src/app/functions/entries/define-function';
import { installSimulatedTime } from '../src/gateway';
import { createVirtualClock, type VirtualClock } from './virtual-clock';

export const DEFAULT_LATENCY_MS = 100;

export type HarnessOptions = {
  latencyMs?: number;
  /** HubSpot's limits on (the benchmark) or off (data set-up). */
  rateLimits?: boolean;
  /** Real time instead of the virtual clock (slow; for checking the simulation). */
  realTime?: boolean;
  /** Seed for the retry jitter, so runs repeat. */
  seed?: number;
};

export type Invocation<U extends FunctionUid> = { result: FunctionResult<U>; simulatedMs: number };

type Main = (context: { parameters: unknown; secrets: Record<string, string> }) => Promise<unknown>;

const require = createRequire(import.meta.url);
const DIST = fileURLToPath(new URL('../src/app/functions/dist/', import.meta.url));
export const bundlePath = (uid: FunctionUid) => `${DIST}${uid.replace(/_/g, '-')}.js`;

/** A seeded PRNG for retry jitter: the same run waits the same virtual time. */
export const seededRandom = (seed: number): (() => number) => mulberry32(seed);

/**
 * The functions' HTTP as seen at `fetch` (which `@hubspot/api-client` uses): the statuses they received
 * (the emulator counts calls, not answers), and how many requests are on their way — from the call
 * until the whole body is read — so that the virtual clock never jumps while one is.
 */
export type StatusCounter = {
  counts: () => Record<number, number>;
  inFlight: () => number;
  /** 429 answers to search calls. */
  searchThrottled: () => number;
  reset: () => void;
  restore: () => void;
};

const isSearch = (input: unknown) => {
  const url = input instanceof Request ? input.url : String(input);
  return /\/search(\?|$)/.test(url);
};

function watchFetch(): StatusCounter {
  const realFetch = globalThis.fetch;
  let counts: Record<number, number> = {};
  let inFlight = 0;
  let searchThrottled = 0;
  globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
    inFlight++;
    try {
      const response = await realFetch(...args);
      counts[response.status] = (counts[response.status] ?? 0) + 1;
      if (response.status === 429 && isSearch(args[0])) searchThrottled++;
      // Read the body here so that "in flight" ends when the data has arrived, not at the headers.
      const body = response.status === 204 ? null : await response.arrayBuffer();
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } finally {
      inFlight--;
    }
  };
  return {
    inFlight: () => inFlight,
    searchThrottled: () => searchThrottled,
    counts: () => ({ ...counts }),
    reset: () => {
      counts = {};
      searchThrottled = 0;
    },
    restore: () => {
      globalThis.fetch = realFetch;
    },
  };
}

export type Harness = {
  emulator: Emulator;
  clock: VirtualClock | null;
  baseUrl: string;
  latencyMs: number;
  /** Where the functions came from: the built bundles, or (when not built) their TypeScript source. */
  functionSource: 'bundle' | 'source';
  statuses: StatusCounter;
  caller: { userId: string };
  portal: { id: string; timeZone: string };
  /** Simulated (or real) ms now. */
  now: () => number;
  invoke<U extends FunctionUid>(
    uid: U,
    params: Omit<ParamsInput<U>, 'caller' | 'portal'>,
  ): Promise<Invocation<U>>;
  /** Replace the portal's data; latency and rate limits off while loading, counters cleared after. */
  load(seed: SeedChoice): void;
  /** Switch HubSpot-like conditions on for the measured part, with fresh rate windows and counters. */
  measure(): void;
  /** Conditions off (fast set-up through the functions). */
  setUp(): void;
  close(): Promise<void>;
};

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const latencyMs = options.latencyMs ?? DEFAULT_LATENCY_MS;
  const statuses = watchFetch();
  // A request is "on its way" when it has left `fetch` and is not waiting out the emulator's latency.
  let latencyWaits = 0;
  const clock = options.realTime
    ? null
    : createVirtualClock({ busy: () => statuses.inFlight() > latencyWaits });
  const latencySleep = (ms: number) => {
    if (!clock) throw new Error('no virtual clock');
    latencyWaits++;
    return clock.sleep(ms).finally(() => {
      latencyWaits--;
    });
  };
  const emulator = createEmulator({
    seed: 'empty',
    ...(clock ? { clock: clock.now, sleep: latencySleep } : {}),
  });
  const { baseUrl } = await emulator.listen();
  // Reseeded for every scenario, so that a scenario's retry jitter does not depend on what ran before.
  const jitterSeed = options.seed ?? 7;
  let jitter = seededRandom(jitterSeed);
  if (clock) installSimulatedTime({ now: clock.now, sleep: clock.sleep, random: () => jitter() });
  const savedEnv = {
    HUBSPOT_API_BASE_URL: process.env.HUBSPOT_API_BASE_URL,
    PRIVATE_APP_ACCESS_TOKEN: process.env.PRIVATE_APP_ACCESS_TOKEN,
  };
  process.env.HUBSPOT_API_BASE_URL = baseUrl;
  process.env.PRIVATE_APP_ACCESS_TOKEN = emulator.token;
  const bundled = existsSync(bundlePath('goal_families_list'));
  const mains = new Map<FunctionUid, Main>();
  const mainOf = (uid: FunctionUid): Main => {
    let main = mains.get(uid);
    if (!main) {
      main = bundled
        ? (require(bundlePath(uid)) as { main: Main }).main
        : (context) => runFunction(uid, context.parameters, process.env);
      mains.set(uid, main);
    }
    return main;
  };
  const now = clock ? () => clock.now() : () => performance.now();
  const harness: Harness = {
    emulator,
    clock,
    baseUrl,
    latencyMs,
    functionSource: bundled ? 'bundle' : 'source',
    statuses,
    // Owner 1 of the generated portals is the super admin (emulator/seed/people.ts).
    caller: { userId: '91000001' },
    portal: { id: String(emulator.portalId), timeZone: 'UTC' },
    now,
    async invoke(uid, params) {
      const started = now();
      const result = (await mainOf(uid)({
        parameters: { caller: harness.caller, portal: harness.portal, ...params },
        secrets: { PRIVATE_APP_ACCESS_TOKEN: emulator.token },
      })) as FunctionResult<typeof uid>;
      return { result, simulatedMs: now() - started };
    },
    load(seed) {
      harness.setUp();
      emulator.reset(seed);
      harness.portal = { id: String(emulator.portalId), timeZone: 'UTC' };
      emulator.resetCounters();
    },
    setUp() {
      emulator.faults.setLatency(0);
      emulator.configure({ rateLimits: false });
    },
    measure() {
      jitter = seededRandom(jitterSeed);
      emulator.faults.setLatency(latencyMs);
      // `configure` also empties the rate windows: each scenario starts with HubSpot's full allowance.
      emulator.configure({ rateLimits: true });
      emulator.resetCounters();
      statuses.reset();
    },
    async close() {
      statuses.restore();
      installSimulatedTime(undefined);
      for (const [k, v] of Object.entries(savedEnv)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      await emulator.close();
      clock?.dispose();
    },
  };
  return harness;
}
