import { describe, expect, it } from 'vitest';
import type { HubSpotHttp } from './http';
import { createTokenBucket, withSearchThrottle } from './throttle';

function fakeClock() {
  let t = 0;
  const sleep = async (ms: number) => {
    t += ms;
  };
  return { now: () => t, sleep, at: () => t };
}

describe('search throttle', () => {
  it('lets a burst of 5 through, then at most 5 per second', async () => {
    const clock = fakeClock();
    const bucket = createTokenBucket(5, 5, clock);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      await bucket.take();
      times.push(clock.at());
    }
    // In any window of one second there are at most 5 + 5 starts (burst + refill), and 15 take ≥ 2 s.
    expect(clock.at()).toBeGreaterThanOrEqual(2_000);
    for (const [i, t] of times.entries()) {
      expect(times.filter((u) => u >= t && u < t + 1_000).length, `window at ${i}`).toBeLessThanOrEqual(10);
    }
  });

  it('meters only POST …/search', async () => {
    const clock = fakeClock();
    let calls = 0;
    const http: HubSpotHttp = async () => {
      calls++;
      return { status: 200, headers: {}, body: null };
    };
    const throttled = withSearchThrottle(http, createTokenBucket(5, 1, clock));
    for (let i = 0; i < 10; i++)
      await throttled({ method: 'POST', path: '/crm/v3/objects/goal_targets/batch/read' });
    expect(clock.at()).toBe(0);
    for (let i = 0; i < 3; i++)
      await throttled({ method: 'POST', path: '/crm/v3/objects/goal_targets/search' });
    expect(clock.at()).toBe(400);
    expect(calls).toBe(13);
  });
});
