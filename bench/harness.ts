/**
 * The benchmark's test bench: the emulator in its own process (as `npm run emulator` runs it), the
 * built app function bundles in another (`runner/function-runner.ts`, which loads them as HubSpot's
 * runner does and owns the virtual clock), and the counters the report needs. One harness serves a
 * whole run; each scenario resets the portal it needs.
 */
import type { FunctionResult, FunctionUid, ParamsInput } from '@goal-families/contract';
import type { SeedChoice } from '@goal-families/emulator';
import { bundlesBuilt } from './runner/bundles';
import {
  type EmulatorProcess,
  type RunnerProcess,
  startEmulatorProcess,
  startRunner,
} from './runner/processes';
import type { InvocationMetrics } from './runner/protocol';

export const DEFAULT_LATENCY_MS = 100;

export type HarnessOptions = {
  latencyMs?: number;
  /** Real time instead of the virtual clock (slow; for checking the simulation). */
  realTime?: boolean;
  /** Seed for the retry jitter, so runs repeat. */
  seed?: number;
};

export type Invocation<U extends FunctionUid> = {
  result: FunctionResult<U>;
  simulatedMs: number;
  metrics: InvocationMetrics;
};

export type Statuses = { counts: Record<number, number>; searchThrottled: number };

export type Harness = {
  latencyMs: number;
  realTime: boolean;
  /** Where the functions came from: the built bundles, or (when not built) their TypeScript source. */
  functionSource: 'bundle' | 'source';
  caller: { userId: string };
  portal: { id: string; timeZone: string };
  /** Simulated (or real) ms now, on the functions' clock. */
  now: () => Promise<number>;
  invoke<U extends FunctionUid>(
    uid: U,
    params: Omit<ParamsInput<U>, 'caller' | 'portal'>,
  ): Promise<Invocation<U>>;
  /** Replace the portal's data; latency and rate limits off while loading, counters cleared after. */
  load(seed: SeedChoice): Promise<void>;
  /** Switch HubSpot-like conditions on for the measured part, with fresh rate windows and counters. */
  measure(): Promise<void>;
  /** Conditions off (fast set-up through the functions). */
  setUp(): Promise<void>;
  /** Calls the emulator answered per endpoint since `measure` (429s included). */
  counters(): Promise<Record<string, number>>;
  /** The statuses the functions received since `measure`. */
  statuses(): Promise<Statuses>;
  close(): Promise<void>;
};

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const latencyMs = options.latencyMs ?? DEFAULT_LATENCY_MS;
  const realTime = options.realTime ?? false;
  const emulator: EmulatorProcess = await startEmulatorProcess(
    realTime ? ['--empty'] : ['--empty', '--virtual-clock'],
  );
  let runner: RunnerProcess;
  try {
    runner = await startRunner({ latencyMs, realTime, jitterSeed: options.seed ?? 7 }, emulator);
  } catch (e) {
    await emulator.stop();
    throw e;
  }
  const portalId = async () =>
    String((await emulator.control<{ portalId: number }>('GET', '/health')).portalId);
  const harness: Harness = {
    latencyMs,
    realTime,
    functionSource: bundlesBuilt() ? 'bundle' : 'source',
    // Owner 1 of the generated portals is the super admin (emulator/seed/people.ts).
    caller: { userId: '91000001' },
    portal: { id: await portalId(), timeZone: 'UTC' },
    now: () => runner.call({ op: 'now' }),
    async invoke(uid, params) {
      const { result, metrics } = await runner.call({
        op: 'invoke',
        uid,
        params: { caller: harness.caller, portal: harness.portal, ...params },
      });
      return { result: result as FunctionResult<typeof uid>, simulatedMs: metrics.simulatedMs, metrics };
    },
    async load(seed) {
      await harness.setUp();
      await emulator.control('POST', '/reset', { seed });
      harness.portal = { id: await portalId(), timeZone: 'UTC' };
      await emulator.control('DELETE', '/counters');
    },
    async setUp() {
      await runner.call({ op: 'conditions', measure: false });
      if (realTime) await emulator.control('POST', '/faults', { latencyMs: 0 });
      await emulator.control('POST', '/settings', { rateLimits: false });
    },
    async measure() {
      await runner.call({ op: 'conditions', measure: true });
      // In virtual time the runner adds the latency on its clock; in real time the emulator sleeps it.
      if (realTime) await emulator.control('POST', '/faults', { latencyMs });
      // Turning the limits on also empties the rate windows: each scenario starts with HubSpot's full allowance.
      await emulator.control('POST', '/settings', { rateLimits: true });
      await emulator.control('DELETE', '/counters');
    },
    counters: async () =>
      (await emulator.control<{ counters: Record<string, number> }>('GET', '/counters')).counters,
    statuses: () => runner.call({ op: 'statuses' }),
    async close() {
      await runner.stop();
      await emulator.stop();
    },
  };
  return harness;
}
