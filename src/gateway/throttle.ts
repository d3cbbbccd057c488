/**
 * HubSpot's search limit as a sliding window: a search is admitted only if fewer than
 * `SEARCH_RATE_LIMIT.requests` searches were admitted in the `windowMs` before it, so no window of
 * that length ever holds one more. A token bucket (the earlier design) refills while calls are in
 * flight and let ~10 searches into one rolling second, which HubSpot answers with 429s.
 * Clock and sleep are injected (tests use a fake clock, benchmarks a virtual one).
 */
import { DeadlineError } from './errors';
import type { HubSpotHttp } from './http';
import { SEARCH_RATE_LIMIT } from './paths';

export type Clock = { now: () => number; sleep: (ms: number) => Promise<void> };

export type SearchLimiter = {
  /**
   * Resolves when a search may start. With a `deadline` (epoch ms), rejects with a `DeadlineError`
   * instead of waiting past it.
   */
  take: (deadline?: number) => Promise<void>;
};

export type WindowLimit = { requests: number; windowMs: number };

export function createSlidingWindowLimiter(
  clock: Clock,
  limit: WindowLimit = SEARCH_RATE_LIMIT,
): SearchLimiter {
  /** Start times admitted within the last window, oldest first. */
  const starts: number[] = [];
  // Callers queue behind one another so that concurrent searches are admitted in order.
  let queue: Promise<void> = Promise.resolve();
  const takeOne = async (deadline: number | undefined) => {
    for (;;) {
      const now = clock.now();
      // Same boundary as HubSpot's rolling window (and the emulator's): a start exactly `windowMs`
      // ago no longer counts.
      while (starts.length > 0 && (starts[0] ?? now) <= now - limit.windowMs) starts.shift();
      const oldest = starts[0];
      if (starts.length < limit.requests || oldest === undefined) {
        starts.push(now);
        return;
      }
      const wait = oldest + limit.windowMs - now;
      if (deadline !== undefined && now + wait > deadline) {
        throw new DeadlineError(`a search would wait ${wait} ms for the search limit, past the deadline`);
      }
      await clock.sleep(wait);
    }
  };
  return {
    take: (deadline) => {
      const next = queue.then(() => takeOne(deadline));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

export const isSearchPath = (path: string) => /\/search$/.test(path.split('?')[0] ?? '');

export function withSearchThrottle(
  http: HubSpotHttp,
  limiter: SearchLimiter,
  deadline: () => number | undefined = () => undefined,
): HubSpotHttp {
  return async (request) => {
    if (request.method === 'POST' && isSearchPath(request.path)) await limiter.take(deadline());
    return http(request);
  };
}
