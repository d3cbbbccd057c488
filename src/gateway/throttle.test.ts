import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeadlineError } from './errors';
import type { HubSpotHttp } from './http';
import { SEARCH_RATE_LIMIT } from './paths';
import { createSlidingWindowLimiter, withSearchThrottle } from './throttle';

/** A fake clock whose sleeps advance time; concurrent sleepers wake in time order. */
function fakeClock() {
  let t = 0;
  let waiters: { at: number; wake: () => void }[] = [];
  const sleep = (ms: number) =>
    new Promise<void>((wake) => {
      waiters.push({ at: t + Math.max(0, ms), wake });
    });
  /** Runs every sleeper and pending promise until nothing is left to do. */
  const drain = async () => {
    for (;;) {
      for (let i = 0; i < 20; i++) await Promise.resolve();
      if (waiters.length === 0) return;
      waiters.sort((a, b) => a.at - b.at);
      const [next, ...rest] = waiters;
      waiters = rest;
      if (!next) return;
      t = Math.max(t, next.at);
      next.wake();
    }
  };
  return { now: () => t, sleep, drain, advance: (ms: number) => (t += ms) };
}

/** The largest number of admissions inside any window of `windowMs` (a start `windowMs` later is outside). */
function busiestWindow(starts: number[], windowMs: number): number {
  const sorted = [...starts].sort((a, b) => a - b);
  return Math.max(0, ...sorted.map((s) => sorted.filter((u) => u >= s && u < s + windowMs).length));
}

describe('search throttle (sliding window)', () => {
  it('takes its limit from the one constant: 5 in any 1,000 ms', () => {
    expect(SEARCH_RATE_LIMIT).toEqual({ requests: 5, windowMs: 1_000 });
  });

  it.each([
    { n: 5, lastStart: 0, why: 'a burst of 5 passes at once' },
    { n: 6, lastStart: 1_000, why: 'the 6th waits until the 1st leaves the window' },
    { n: 10, lastStart: 1_000, why: '6–10 start together one window later' },
    { n: 11, lastStart: 2_000, why: 'the 11th waits a second window' },
  ])('$n back-to-back searches: last starts at $lastStart ms ($why)', async ({ n, lastStart }) => {
    const clock = fakeClock();
    const limiter = createSlidingWindowLimiter(clock);
    const starts: number[] = [];
    for (let i = 0; i < n; i++) {
      const taken = limiter.take().then(() => starts.push(clock.now()));
      await clock.drain();
      await taken;
    }
    expect(starts.at(-1)).toBe(lastStart);
  });

  it('never admits a 6th search within any 1,000 ms, whatever the arrivals and call durations', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ gap: fc.integer({ min: 0, max: 400 }), duration: fc.integer({ min: 0, max: 300 }) }),
          { minLength: 1, maxLength: 40 },
        ),
        fc.integer({ min: 1, max: 4 }),
        async (calls, workers) => {
          const clock = fakeClock();
          const limiter = createSlidingWindowLimiter(clock);
          const starts: number[] = [];
          // `workers` concurrent callers share the calls, as parallel searches in one invocation do.
          const queue = [...calls];
          const worker = async () => {
            for (let call = queue.shift(); call; call = queue.shift()) {
              await clock.sleep(call.gap);
              await limiter.take();
              starts.push(clock.now());
              await clock.sleep(call.duration);
            }
          };
          const all = Promise.all(Array.from({ length: workers }, worker));
          await clock.drain();
          await all;
          expect(starts).toHaveLength(calls.length);
          expect(busiestWindow(starts, 1_000)).toBeLessThanOrEqual(5);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses a wait that would end past the deadline, without consuming a slot', async () => {
    const clock = fakeClock();
    const limiter = createSlidingWindowLimiter(clock);
    for (let i = 0; i < 5; i++) await limiter.take(500);
    clock.advance(200);
    // The next slot opens at 1,000 ms: past a deadline of 900, inside one of 1,000.
    await expect(limiter.take(900)).rejects.toBeInstanceOf(DeadlineError);
    const taken = limiter.take(1_000);
    await clock.drain();
    await taken;
    expect(clock.now()).toBe(1_000);
  });

  it('meters only POST …/search', async () => {
    const clock = fakeClock();
    let calls = 0;
    const http: HubSpotHttp = async () => {
      calls++;
      return { status: 200, headers: {}, body: null };
    };
    const throttled = withSearchThrottle(
      http,
      createSlidingWindowLimiter(clock, { requests: 1, windowMs: 200 }),
    );
    for (let i = 0; i < 10; i++)
      await throttled({ method: 'POST', path: '/crm/v3/objects/goal_targets/batch/read' });
    expect(clock.now()).toBe(0);
    for (let i = 0; i < 3; i++) {
      const done = throttled({ method: 'POST', path: '/crm/v3/objects/goal_targets/search' });
      await clock.drain();
      await done;
    }
    expect(clock.now()).toBe(400);
    expect(calls).toBe(13);
  });
});
