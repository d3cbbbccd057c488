/**
 * A token bucket for HubSpot's search limit (about 5 requests per second per account,
 * hubspot-facts §6), as a decorator that only meters search calls. Clock and sleep are injected.
 */
import type { HubSpotHttp } from './http';

export type Clock = { now: () => number; sleep: (ms: number) => Promise<void> };

export type TokenBucket = { take: () => Promise<void> };

export function createTokenBucket(ratePerSecond: number, burst: number, clock: Clock): TokenBucket {
  let tokens = burst;
  let last = clock.now();
  // Calls queue behind one another so that concurrent searches share the bucket fairly.
  let queue: Promise<void> = Promise.resolve();
  const refill = () => {
    const now = clock.now();
    tokens = Math.min(burst, tokens + ((now - last) * ratePerSecond) / 1000);
    last = now;
  };
  const takeOne = async () => {
    refill();
    while (tokens < 1) {
      await clock.sleep(Math.ceil(((1 - tokens) * 1000) / ratePerSecond));
      refill();
    }
    tokens -= 1;
  };
  return {
    take: () => {
      const next = queue.then(takeOne);
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

export const isSearchPath = (path: string) => /\/search$/.test(path.split('?')[0] ?? '');

export function withSearchThrottle(http: HubSpotHttp, bucket: TokenBucket): HubSpotHttp {
  return async (request) => {
    if (request.method === 'POST' && isSearchPath(request.path)) await bucket.take();
    return http(request);
  };
}
