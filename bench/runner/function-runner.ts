/**
 * The benchmark's function runner, a child process of `npm run bench` (started by `bench/harness.ts`):
 * it loads the built function bundles as HubSpot's runner does (`require` + `main(context)`) and runs
 * the invocations the parent asks for, against the emulator in its own process. It owns the virtual
 * clock: the gateway inside the bundles sleeps on it (search throttle, back-off), the per-call latency
 * is waited out on it here, and every request carries its time to the emulator in a header, so the
 * emulator's rate windows and timestamps follow the same clock across the process boundary.
 *
 * Per invocation it measures what HubSpot limits: memory, response size and log bytes. Memory: the
 * invocation's own growth (peak heap used, sampled every 5 ms and at every HTTP answer, above the
 * heap left after a forced GC just before it), added to what the function's bundle alone holds in a
 * fresh Node process (measured once per function). This process hosts every bundle and the benchmark's
 * own code, so its absolute figures would overstate one function's; the emulator's work is elsewhere.
 */

import { AsyncLocalStorage } from 'node:async_hooks';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { format } from 'node:util';
import { type FunctionResult, type FunctionUid, functionContracts } from '@goal-families/contract';
import { mulberry32, VIRTUAL_NOW_HEADER } from '@goal-families/emulator';
import { endpointKey, forgetWarmInstances, installSimulatedTime } from '../../src/gateway';
import { createVirtualClock } from '../virtual-clock';
import { bundlePath } from './bundles';
import type {
  Envelope,
  InvocationMetrics,
  Reply,
  RunnerAnswer,
  RunnerOptions,
  RunnerRequest,
} from './protocol';
import { readPurpose } from './reads';

type Main = (context: { parameters: unknown; secrets: Record<string, string> }) => Promise<unknown>;

const options = JSON.parse(process.env.BENCH_RUNNER_OPTIONS ?? '{}') as RunnerOptions;
const require = createRequire(import.meta.url);

/** What the current invocation has used so far (found through AsyncLocalStorage by fetch and console). */
type Usage = {
  calls: Record<string, number>;
  reads: InvocationMetrics['reads'];
  throttled: number;
  logBytes: number;
  heapPeak: number;
};
const current = new AsyncLocalStorage<Usage>();
const running = new Set<Usage>();

// ---- the clock ---------------------------------------------------------------------------------

let inFlight = 0;
let latencyWaits = 0;
const clock = options.realTime ? null : createVirtualClock({ busy: () => inFlight > latencyWaits });
let jitter = mulberry32(options.jitterSeed);
if (clock) installSimulatedTime({ now: clock.now, sleep: clock.sleep, random: () => jitter() });
/** Real time spent in the runner's own forced GCs: not the functions' time, so real-time runs leave it out. */
let gcMs = 0;
const now = clock ? () => clock.now() : () => performance.now() - gcMs;
/** Latency is added only while measuring; data set-up runs without it. */
let latencyOn = false;

// ---- memory --------------------------------------------------------------------------------------

const gc = (globalThis as { gc?: () => void }).gc;
const sampleHeap = () => {
  const heap = process.memoryUsage().heapUsed;
  for (const u of running) if (heap > u.heapPeak) u.heapPeak = heap;
};
setInterval(sampleHeap, 5).unref();

const baselines = new Map<FunctionUid, InvocationMetrics['baseline']>();

/** Heap and RSS of a fresh Node process that has loaded this function's bundle, after a GC. */
function measureBaseline(uid: FunctionUid): Promise<InvocationMetrics['baseline']> {
  if (!existsSync(bundlePath(uid))) return Promise.resolve(null);
  const script = `require(${JSON.stringify(bundlePath(uid))}); gc(); gc(); const m = process.memoryUsage(); process.stdout.write(JSON.stringify({ heapBytes: m.heapUsed, rssBytes: m.rss }));`;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--expose-gc', '-e', script], (error, stdout) => {
      resolve(error ? null : (JSON.parse(stdout) as InvocationMetrics['baseline']));
    });
  });
}

/**
 * Every function's baseline, measured before the runner says it is ready: a few at a time, so that
 * no measured scenario ever waits for one (in real time that wait would count as the function's).
 */
async function measureBaselines(): Promise<void> {
  const uids = [...(Object.keys(functionContracts) as FunctionUid[])];
  const worker = async () => {
    for (let uid = uids.shift(); uid !== undefined; uid = uids.shift())
      baselines.set(uid, await measureBaseline(uid));
  };
  await Promise.all([worker(), worker(), worker()]);
}

// ---- HTTP ----------------------------------------------------------------------------------------

const statusCounts: Record<number, number> = {};
let searchThrottled = 0;
const realFetch = globalThis.fetch;
const urlOf = (input: Parameters<typeof fetch>[0]) =>
  input instanceof Request ? input.url : input instanceof URL ? input.href : String(input);

/**
 * The functions' HTTP as seen at `fetch` (which `@hubspot/api-client` uses). A request counts as "on
 * its way" from the call until its whole body is read, except while it waits out the latency, so
 * that the virtual clock never jumps while one is travelling.
 */
globalThis.fetch = async (input, init) => {
  inFlight++;
  try {
    if (clock && latencyOn && options.latencyMs > 0) {
      latencyWaits++;
      try {
        await clock.sleep(options.latencyMs);
      } finally {
        latencyWaits--;
      }
    }
    const headers = new Headers(input instanceof Request ? input.headers : undefined);
    new Headers(init?.headers).forEach((value, key) => {
      headers.set(key, value);
    });
    if (clock) headers.set(VIRTUAL_NOW_HEADER, String(clock.now()));
    const response = await realFetch(input, { ...init, headers });
    const url = new URL(urlOf(input));
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const key = endpointKey(method, url.pathname);
    statusCounts[response.status] = (statusCounts[response.status] ?? 0) + 1;
    const isSearch = /\/search$/.test(url.pathname);
    if (response.status === 429 && isSearch) searchThrottled++;
    // Read the body here so that "in flight" ends when the data has arrived, not at the headers.
    const body = response.status === 204 ? null : await response.arrayBuffer();
    const usage = current.getStore();
    if (usage) {
      usage.calls[key] = (usage.calls[key] ?? 0) + 1;
      if (response.status === 429) usage.throttled++;
      const purpose = readPurpose(method, url.pathname, init?.body);
      if (purpose && body && response.status === 200) {
        const parsed = JSON.parse(Buffer.from(body).toString('utf8')) as { results?: unknown[] };
        const read = usage.reads[purpose] ?? { calls: 0, records: 0 };
        read.calls++;
        read.records += Array.isArray(parsed.results) ? parsed.results.length : 0;
        usage.reads[purpose] = read;
      }
    }
    sampleHeap();
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  } finally {
    inFlight--;
  }
};

// ---- logs ----------------------------------------------------------------------------------------

for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    const usage = current.getStore();
    if (usage) usage.logBytes += Buffer.byteLength(`${format(...args)}\n`);
    // The parent's stdout is the benchmark's progress: function logs go to stderr.
    if (level === 'log' || level === 'info' || level === 'debug') console.error(...args);
    else original(...args);
  };
}

// ---- functions -----------------------------------------------------------------------------------

const mains = new Map<FunctionUid, Main>();
async function mainOf(uid: FunctionUid): Promise<Main> {
  let main = mains.get(uid);
  if (!main) {
    if (existsSync(bundlePath(uid))) main = (require(bundlePath(uid)) as { main: Main }).main;
    else {
      const { runFunction } = await import('../../src/app/functions/entries/define-function');
      main = (context) => runFunction(uid, context.parameters, process.env);
    }
    mains.set(uid, main);
  }
  return main;
}

async function invoke(uid: FunctionUid, params: unknown): Promise<RunnerAnswer['invoke']> {
  const main = await mainOf(uid);
  const baseline = baselines.get(uid) ?? null;
  const gcStarted = performance.now();
  gc?.();
  gcMs += performance.now() - gcStarted;
  const before = process.memoryUsage();
  const usage: Usage = { calls: {}, reads: {}, throttled: 0, logBytes: 0, heapPeak: before.heapUsed };
  running.add(usage);
  const started = now();
  let result: unknown;
  try {
    result = await current.run(usage, () =>
      main({
        parameters: params,
        secrets: { PRIVATE_APP_ACCESS_TOKEN: process.env.PRIVATE_APP_ACCESS_TOKEN ?? '' },
      }),
    );
  } finally {
    sampleHeap();
    running.delete(usage);
  }
  const simulatedMs = now() - started;
  const growth = Math.max(0, usage.heapPeak - before.heapUsed);
  const metrics: InvocationMetrics = {
    uid,
    simulatedMs,
    heapBytes: (baseline?.heapBytes ?? before.heapUsed) + growth,
    rssBytes: (baseline?.rssBytes ?? before.rss) + growth,
    baseline,
    responseBytes: Buffer.byteLength(JSON.stringify(result)),
    logBytes: usage.logBytes,
    calls: usage.calls,
    throttled: usage.throttled,
    reads: usage.reads,
  };
  return { result: result as FunctionResult<FunctionUid>, metrics };
}

async function handle(request: RunnerRequest): Promise<unknown> {
  switch (request.op) {
    case 'invoke':
      return invoke(request.uid, request.params);
    case 'conditions':
      latencyOn = request.measure;
      if (request.measure) {
        jitter = mulberry32(options.jitterSeed);
        for (const k of Object.keys(statusCounts)) delete statusCounts[Number(k)];
        searchThrottled = 0;
        // Each measured scenario meets new function instances: the first invocation of each function
        // pays what a cold instance pays (the store's schema listing), the later ones what a warm one does.
        forgetWarmInstances();
      }
      return null;
    case 'now':
      return now();
    case 'statuses':
      return { counts: { ...statusCounts }, searchThrottled };
    case 'close':
      clock?.dispose();
      setImmediate(() => process.exit(0));
      return null;
  }
}

process.on('message', (message: Envelope) => {
  handle(message.request).then(
    (value) => process.send?.({ id: message.id, ok: true, value } satisfies Reply),
    (error: unknown) =>
      process.send?.({
        id: message.id,
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies Reply),
  );
});
/**
 * Ready once every bundle is loaded (a warm instance, as HubSpot keeps one: loading a bundle is CPU
 * work the virtual clock cannot see, so a real-time check would count it and a virtual run would not)
 * and every baseline is measured.
 */
void measureBaselines()
  .then(async () => {
    for (const uid of Object.keys(functionContracts) as FunctionUid[]) await mainOf(uid);
  })
  .then(() => process.send?.({ id: 0, ok: true, value: 'ready' } satisfies Reply));
