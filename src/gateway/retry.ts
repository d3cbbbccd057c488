/**
 * Retry as a decorator around the HTTP seam: ten-secondly 429s, 5xx and network failures are retried
 * with exponential backoff and full jitter, within a bounded number of attempts and a total time
 * budget (an app function must finish well inside 10 s). A DAILY 429 is returned at once.
 */
import { classify, DeadlineError, type HubSpotErrorBody, isGatewayError } from './errors';
import type { HttpResponse, HubSpotHttp } from './http';

export type RetryOptions = {
  maxAttempts: number;
  /** Total time the retries of one call may wait, in ms. */
  budgetMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1): jitter source. */
  random: () => number;
  /** Clock for `deadline`; only needed with one. */
  now?: () => number;
  /**
   * The invocation's deadline (epoch ms), read at each retry; undefined = none. A retry whose wait
   * plus one more attempt (as long as the last one took) would end past it is not made.
   */
  deadline?: () => number | undefined;
};

export const DEFAULT_RETRY: Omit<RetryOptions, 'sleep' | 'random'> = {
  maxAttempts: 8,
  budgetMs: 6_000,
  baseDelayMs: 250,
  maxDelayMs: 2_000,
};

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The wait before attempt `attempt + 1` (attempt counts from 1), honouring `Retry-After` for 429s. */
export function backoffDelay(attempt: number, response: HttpResponse | undefined, o: RetryOptions): number {
  const exp = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (attempt - 1));
  // Full jitter keeps concurrent invocations from retrying in lock-step; half is kept as a floor so a
  // throttled call never hammers immediately.
  const jittered = exp / 2 + (o.random() * exp) / 2;
  const retryAfter = Number(response?.headers['retry-after']);
  return Number.isFinite(retryAfter) && retryAfter > 0 ? Math.max(jittered, retryAfter * 1000) : jittered;
}

function isRetryableResponse(r: HttpResponse, idempotent: boolean): boolean {
  const kind = classify(r.status, r.body as HubSpotErrorBody | undefined);
  return kind === 'rate_limited' || (idempotent && kind === 'server');
}

export function withRetry(http: HubSpotHttp, options: RetryOptions): HubSpotHttp {
  const now = options.now ?? Date.now;
  /** The slowest attempt seen through this decorator: the estimate of how long the next one takes. */
  let slowestAttemptMs = 0;
  return async (request) => {
    let waited = 0;
    const idempotent = request.idempotent !== false;
    const first = options.deadline?.();
    if (first !== undefined && now() + slowestAttemptMs > first) {
      throw new DeadlineError(`a call expected to take ${slowestAttemptMs} ms would end past the deadline`);
    }
    for (let attempt = 1; ; attempt++) {
      let response: HttpResponse | undefined;
      let networkError: unknown;
      const attemptStarted = now();
      try {
        response = await http(request);
        slowestAttemptMs = Math.max(slowestAttemptMs, now() - attemptStarted);
        if (!isRetryableResponse(response, idempotent)) return response;
      } catch (e) {
        if (!isGatewayError(e) || e.kind !== 'network' || !idempotent) throw e;
        networkError = e;
      }
      const delay = backoffDelay(attempt, response, options);
      const deadline = options.deadline?.();
      const pastDeadline = deadline !== undefined && now() + delay + (now() - attemptStarted) > deadline;
      if (attempt >= options.maxAttempts || waited + delay > options.budgetMs || pastDeadline) {
        // A throttle (which did nothing) that the deadline keeps us from waiting out: say so, so that
        // a write stops there and the caller rolls back in time instead of running past its limit.
        if (pastDeadline && response?.status === 429) {
          throw new DeadlineError(
            `HubSpot asked to wait ${Math.round(delay)} ms, which would end past the deadline`,
          );
        }
        if (response) return response;
        throw networkError;
      }
      waited += delay;
      await options.sleep(delay);
    }
  };
}
