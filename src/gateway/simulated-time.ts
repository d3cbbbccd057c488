/**
 * Simulated time, for benchmarks only (`bench/`): when a virtual clock is installed here, the
 * invocation's clock, its search-throttle waits and its retry back-offs use it instead of real time,
 * so that a 50,000-target health check under HubSpot's rate limits runs in seconds, with the waits it
 * would really make counted in virtual milliseconds. Production never installs one.
 *
 * Why a process-wide symbol and not a parameter: the app functions are self-contained bundles called
 * as `main(context)`, and HubSpot's `context` cannot carry objects; `Symbol.for` is shared by every
 * bundle loaded into the same process.
 */
export type SimulatedTime = {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Jitter source for retry back-off, seeded so that runs repeat. */
  random: () => number;
};

const KEY = Symbol.for('goal-families.simulated-time');

type Holder = { [KEY]?: SimulatedTime | undefined };

export function simulatedTime(): SimulatedTime | undefined {
  return (globalThis as Holder)[KEY];
}

/** Installs (or, with `undefined`, removes) the simulated clock for every function in this process. */
export function installSimulatedTime(time: SimulatedTime | undefined): void {
  (globalThis as Holder)[KEY] = time;
}
