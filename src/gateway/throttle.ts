/**
 * HubSpot's rate limits as sliding windows: a call is admitted only if fewer than `requests` calls were
 * admitted in the `windowMs` before it, so no window of that length ever holds one more. Two windows:
 * search (5 per second, `SEARCH_RATE_LIMIT`) and the general limit every other call counts against
 * (`GENERAL_RATE_LIMIT`, learned from HubSpot's `X-HubSpot-RateLimit-Max` header). A token bucket (the
 * earlier design) refills while calls are in flight and let ~10 searches into one rolling second, which
 * HubSpot answers with 429s.
 *
 * A limiter starts empty in each invocation, but HubSpot's windows do not: a job that continues with a
 * cursor (a portal scan) hands its recent calls to the next invocation (`RateUsage`), which seeds its
 * limiters with them, so consecutive invocations share one budget instead of each bursting anew.
 * Clock and sleep are injected (tests use a fake clock, benchmarks a virtual one).
 */
import { DeadlineError } from './errors';
import type { HubSpotHttp } from './http';
import { SEARCH_RATE_LIMIT } from './paths';

export type Clock = { now: () => number; sleep: (ms: number) => Promise<void> };

export type WindowLimit = { requests: number; windowMs: number };

export type WindowLimiter = {
  /**
   * Resolves when a call may start. With a `deadline` (epoch ms), rejects with a `DeadlineError`
   * instead of waiting past it.
   */
  take: (deadline?: number) => Promise<void>;
  /** Start times admitted within the last window, oldest first. */
  recent: () => number[];
  /** Counts these earlier starts (epoch ms) as admitted: calls an earlier invocation made. */
  seed: (starts: readonly number[]) => void;
  /** The limit now in force; `setRequests` changes it (HubSpot's header says what the portal has). */
  limit: () => WindowLimit;
  setRequests: (requests: number) => void;
};

export function createSlidingWindowLimiter(
  clock: Clock,
  initial: WindowLimit = SEARCH_RATE_LIMIT,
): WindowLimiter {
  const limit = { ...initial };
  /** Start times admitted within the last window, oldest first. */
  let starts: number[] = [];
  const expire = (now: number) => {
    // Same boundary as HubSpot's rolling window (and the emulator's): a start exactly `windowMs`
    // ago no longer counts.
    while (starts.length > 0 && (starts[0] ?? now) <= now - limit.windowMs) starts.shift();
  };
  // Callers queue behind one another so that concurrent calls are admitted in order.
  let queue: Promise<void> = Promise.resolve();
  const takeOne = async (deadline: number | undefined) => {
    for (;;) {
      const now = clock.now();
      expire(now);
      // Seeded starts may lie after `now` (another host's clock ran ahead): they count until they expire.
      const oldest = starts[0];
      if (starts.length < limit.requests || oldest === undefined) {
        starts.push(now);
        starts.sort((a, b) => a - b);
        return;
      }
      const wait = Math.max(1, oldest + limit.windowMs - now);
      if (deadline !== undefined && now + wait > deadline) {
        throw new DeadlineError(`a call would wait ${wait} ms for the rate limit, past the deadline`);
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
    recent: () => {
      expire(clock.now());
      return [...starts];
    },
    seed: (earlier) => {
      starts = [...starts, ...earlier.filter((t) => Number.isFinite(t))].sort((a, b) => a - b);
      expire(clock.now());
    },
    limit: () => ({ ...limit }),
    setRequests: (requests) => {
      if (Number.isInteger(requests) && requests > 0) limit.requests = requests;
    },
  };
}

export const isSearchPath = (path: string) => /\/search$/.test(path.split('?')[0] ?? '');

/** Meters `POST …/search` with `limiter`; every other call passes. */
export function withSearchThrottle(
  http: HubSpotHttp,
  limiter: WindowLimiter,
  deadline: () => number | undefined = () => undefined,
): HubSpotHttp {
  return async (request) => {
    if (request.method === 'POST' && isSearchPath(request.path)) await limiter.take(deadline());
    return http(request);
  };
}

/**
 * The share of the general limit one invocation allows itself: the app's other invocations (a card
 * opened meanwhile) count against the same limit and cannot see this one's limiter.
 */
export const GENERAL_LIMIT_SHARE = 0.9;

/** The requests one invocation may make per window, given the portal's limit. */
export const ownShare = (portalLimit: number) => Math.max(1, Math.floor(portalLimit * GENERAL_LIMIT_SHARE));

/**
 * Meters every call but search (search is exempt from the general limit) with `limiter`, and sets its
 * limit from HubSpot's `X-HubSpot-RateLimit-Max` answer header (100 or 190 per 10 s, by the portal's tier).
 */
export function withGeneralThrottle(
  http: HubSpotHttp,
  limiter: WindowLimiter,
  deadline: () => number | undefined = () => undefined,
): HubSpotHttp {
  return async (request) => {
    if (request.method === 'POST' && isSearchPath(request.path)) return http(request);
    await limiter.take(deadline());
    const response = await http(request);
    const max = Number(response.headers['x-hubspot-ratelimit-max']);
    const interval = Number(response.headers['x-hubspot-ratelimit-interval-milliseconds']);
    if (
      Number.isInteger(max) &&
      max > 0 &&
      (!Number.isFinite(interval) || interval === limiter.limit().windowMs)
    )
      limiter.setRequests(ownShare(max));
    return response;
  };
}

/** What an invocation hands to the next one of the same job: its calls still inside HubSpot's windows. */
export type RateUsage = {
  /** Epoch ms when the usage was taken (on the invocation's clock). */
  at: number;
  /** Searches started within the search window before `at`: ms before `at`. */
  search: number[];
  /** Other calls, counted per second before `at`: `general[i]` started in (at − (i+1) s, at − i s]. */
  general: number[];
};

const SECOND = 1_000;

export function usageOf(clockNow: number, search: WindowLimiter, general: WindowLimiter): RateUsage {
  // Whole milliseconds for the cursor; rounding makes every call look a little later, never earlier.
  const now = Math.ceil(clockNow);
  const buckets = Array.from({ length: Math.ceil(general.limit().windowMs / SECOND) }, () => 0);
  for (const t of general.recent()) {
    const i = Math.max(0, Math.floor((now - t) / SECOND));
    if (i < buckets.length) buckets[i] = (buckets[i] ?? 0) + 1;
  }
  while (buckets.length > 0 && buckets.at(-1) === 0) buckets.pop();
  return { at: now, search: search.recent().map((t) => Math.max(0, Math.floor(now - t))), general: buckets };
}

/**
 * Seeds the limiters with an earlier invocation's usage. A second's calls are counted at the latest
 * instant they could have started, so that they leave the window no earlier than they really do.
 */
export function adoptUsage(usage: RateUsage, search: WindowLimiter, general: WindowLimiter): void {
  search.seed(usage.search.map((ago) => usage.at - ago));
  const starts: number[] = [];
  usage.general.forEach((count, i) => {
    for (let k = 0; k < count; k++) starts.push(usage.at - i * SECOND);
  });
  general.seed(starts);
}
