/**
 * A virtual clock for simulated time: the emulator (latency, rate-limit windows) and the gateway
 * (search throttle, retry backoff) both read `now()` and `sleep()` from it, so a 50,000-target health
 * check under 100 ms latency and HubSpot's limits takes seconds of real time, not minutes.
 *
 * Discrete-event semantics: `sleep(ms)` registers a wake-up at `now + ms`; the clock jumps to the
 * earliest wake-up only when nothing else can happen first: no HTTP request is on its way (`busy`,
 * supplied by the harness, which sees requests leave and the emulator's latency waits begin) and the
 * process has been quiet (no clock activity) for a short real-time settle period, which covers the
 * CPU work between one call and the next. Without that, a concurrent request still travelling over
 * the localhost socket would start its latency late and concurrent calls would look serialised. With
 * sequential callers the result is exact either way.
 */
export type SimClock = {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
};

export type VirtualClock = SimClock & {
  /** Virtual milliseconds elapsed since `start` (or since the last `reset`). */
  elapsed: () => number;
  /** Timers waiting. */
  pending: () => number;
  /** Starts a new measurement at the current virtual instant. */
  mark: () => () => number;
  /** Stops the background driver (no timer leaks into the test runner). */
  dispose: () => void;
};

type Timer = { at: number; seq: number; resolve: () => void };

export type VirtualClockOptions = {
  /** Virtual epoch in ms (default: 2026-01-15T12:00:00Z, a fixed instant so runs are reproducible). */
  start?: number;
  /** Real milliseconds without clock activity before time may jump (default 2). */
  settleMs?: number;
  /** True while real work that will soon register a sleep is under way (time must not jump). */
  busy?: () => boolean;
};

export const DEFAULT_VIRTUAL_START = Date.UTC(2026, 0, 15, 12, 0, 0);

export function createVirtualClock(options: VirtualClockOptions = {}): VirtualClock {
  const start = options.start ?? DEFAULT_VIRTUAL_START;
  const settleMs = options.settleMs ?? 2;
  let now = start;
  let seq = 0;
  let lastActivity = 0;
  let driver: NodeJS.Timeout | undefined;
  let disposed = false;
  const timers: Timer[] = [];

  const touch = () => {
    lastActivity = performance.now();
  };

  const schedule = () => {
    if (driver || disposed || timers.length === 0) return;
    driver = setTimeout(tick, settleMs);
  };

  const tick = () => {
    driver = undefined;
    if (timers.length === 0) return;
    if (options.busy?.()) {
      touch();
      driver = setTimeout(tick, 1);
      return;
    }
    const quietFor = performance.now() - lastActivity;
    if (quietFor < settleMs) {
      driver = setTimeout(tick, Math.max(1, settleMs - quietFor));
      return;
    }
    timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const first = timers[0];
    if (!first) return;
    now = Math.max(now, first.at);
    // Everything due at this instant wakes together, in registration order.
    while (timers.length > 0 && (timers[0]?.at ?? Number.POSITIVE_INFINITY) <= now) {
      timers.shift()?.resolve();
    }
    touch();
    schedule();
  };

  return {
    now: () => {
      touch();
      return now;
    },
    sleep: (ms) => {
      touch();
      const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
      return new Promise<void>((resolve) => {
        timers.push({ at: now + delay, seq: seq++, resolve });
        schedule();
      });
    },
    elapsed: () => now - start,
    pending: () => timers.length,
    mark: () => {
      const from = now;
      return () => now - from;
    },
    dispose: () => {
      disposed = true;
      if (driver) clearTimeout(driver);
      driver = undefined;
      for (const t of timers.splice(0)) t.resolve();
    },
  };
}
