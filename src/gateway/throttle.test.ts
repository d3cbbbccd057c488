import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeadlineError } from './errors';
import type { HubSpotHttp } from './http';
import { GENERAL_RATE_LIMIT, SEARCH_RATE_LIMIT } from './paths';
import {
  adoptUsage,
  createSlidingWindowLimiter,
  ownShare,
  usageOf,
  withGeneralThrottle,
  withSearchThrottle,
} from './throttle';

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

describe('general throttle', () => {
  const ok =
    (headers: Record<string, string> = {}): HubSpotHttp =>
    async () => ({ status: 200, headers, body: null });

  it("meters every call but search, and takes the portal's limit from HubSpot's header", async () => {
    const clock = fakeClock();
    const limiter = createSlidingWindowLimiter(clock, { requests: 2, windowMs: 10_000 });
    const http = withGeneralThrottle(
      ok({ 'x-hubspot-ratelimit-max': '190', 'x-hubspot-ratelimit-interval-milliseconds': '10000' }),
      limiter,
    );
    for (let i = 0; i < 3; i++) await http({ method: 'POST', path: '/crm/v3/objects/goal_targets/search' });
    expect(limiter.recent()).toHaveLength(0);
    await http({ method: 'GET', path: '/crm/v3/objects/goal_targets' });
    // 190 per 10 s for the portal, less the share kept for the app's other invocations.
    expect(limiter.limit().requests).toBe(ownShare(190));
    expect(ownShare(190)).toBe(171);
  });

  it('starts from the lower tier (100 per 10 s) until HubSpot says more', () => {
    expect(GENERAL_RATE_LIMIT).toEqual({ requests: 100, windowMs: 10_000 });
  });
});

describe('rate usage handed from one invocation to the next', () => {
  it('seeds the next limiters so that no window ever holds more than the limit across both', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 3_000 }),
        async (gaps, pause) => {
          const clock = fakeClock();
          const first = {
            search: createSlidingWindowLimiter(clock, SEARCH_RATE_LIMIT),
            general: createSlidingWindowLimiter(clock, { requests: 30, windowMs: 10_000 }),
          };
          const searches: number[] = [];
          const others: number[] = [];
          const use = async (limits: typeof first) => {
            for (const [i, gap] of gaps.entries()) {
              clock.advance(gap);
              const search = i % 2 === 0;
              const taken = (search ? limits.search : limits.general).take();
              await clock.drain();
              await taken;
              (search ? searches : others).push(clock.now());
            }
          };
          await use(first);
          const usage = usageOf(clock.now(), first.search, first.general);
          // The cursor travels as JSON.
          const carried = JSON.parse(JSON.stringify(usage));
          clock.advance(pause);
          const next = {
            search: createSlidingWindowLimiter(clock, SEARCH_RATE_LIMIT),
            general: createSlidingWindowLimiter(clock, { requests: 30, windowMs: 10_000 }),
          };
          adoptUsage(carried, next.search, next.general);
          await use(next);
          expect(busiestWindow(searches, 1_000)).toBeLessThanOrEqual(5);
          expect(busiestWindow(others, 10_000)).toBeLessThanOrEqual(30);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is small: whole milliseconds, the last second of searches, ten per-second counts', async () => {
    const clock = fakeClock();
    const search = createSlidingWindowLimiter(clock, SEARCH_RATE_LIMIT);
    const general = createSlidingWindowLimiter(clock, { requests: 171, windowMs: 10_000 });
    for (let i = 0; i < 120; i++) {
      clock.advance(83.3);
      await general.take();
      if (i % 3 === 0) await search.take().catch(() => undefined);
      await clock.drain();
    }
    const usage = usageOf(clock.now(), search, general);
    expect(Number.isInteger(usage.at)).toBe(true);
    expect(usage.search.length).toBeLessThanOrEqual(5);
    expect(usage.general.length).toBeLessThanOrEqual(10);
    expect(usage.general.reduce((a, b) => a + b, 0)).toBe(general.recent().length);
    expect(JSON.stringify(usage).length).toBeLessThan(200);
  });
});
