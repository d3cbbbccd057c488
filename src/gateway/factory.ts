/** Builds the gateway of one invocation from the environment: client, retry, throttle, counter. */
import { createHash } from 'node:crypto';
import { createAppStore } from './app-store';
import { type CallCounter, createCallCounter, withCounting } from './counting';
import { createGoalTargetsGateway, type HubSpotGateway } from './goal-targets-gateway';
import { createClientHttp, DEFAULT_BASE_URL, type HubSpotHttp } from './http';
import { CrmObjects } from './objects';
import { GENERAL_RATE_LIMIT, GOAL_TARGETS, SEARCH_RATE_LIMIT } from './paths';
import { SIGNING_SECRET_NAME } from './record-signature';
import { DEFAULT_RETRY, type RetryOptions, realSleep, withRetry } from './retry';
import {
  adoptUsage,
  createSlidingWindowLimiter,
  ownShare,
  type RateUsage,
  usageOf,
  type WindowLimiter,
  withGeneralThrottle,
  withSearchThrottle,
} from './throttle';

export type GatewayEnv = {
  PRIVATE_APP_ACCESS_TOKEN?: string | undefined;
  HUBSPOT_API_BASE_URL?: string | undefined;
  /** The app's signing secret (`hs secrets add`); unset: the store signs and checks nothing. */
  [SIGNING_SECRET_NAME]?: string | undefined;
};

export type GatewayOptions = {
  readProperties: readonly string[];
  sliceKey: (p: Record<string, string | null | undefined>) => string;
  retry?: Partial<RetryOptions>;
  now?: () => number;
  /** Replaces the api-client transport (tests). */
  transport?: HubSpotHttp;
  /**
   * Which portal and app the calls reach, for what a warm instance remembers (`warm-instance.ts`).
   * Derived from the base URL and the access token; with an injected transport, only if given.
   */
  instanceKey?: string;
};

/** A portal's app is known by its token (a hash of it: the key outlives the invocation) and the API it calls. */
export function instanceKeyOf(baseUrl: string, accessToken: string): string {
  return createHash('sha256').update(`${baseUrl}\n${accessToken}`).digest('hex');
}

export type Limiters = { search: WindowLimiter; general: WindowLimiter };

/**
 * Order matters: counting sits innermost so that every attempt (retries included) is counted; the
 * throttles sit inside retry so that a retried call waits for its window too.
 */
export function buildHttp(
  base: HubSpotHttp,
  counter: CallCounter,
  options: GatewayOptions,
  deadline: () => number | undefined = () => undefined,
): { http: HubSpotHttp; limiters: Limiters } {
  const sleep = options.retry?.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const limiters: Limiters = {
    search: createSlidingWindowLimiter({ now, sleep }, SEARCH_RATE_LIMIT),
    general: createSlidingWindowLimiter(
      { now, sleep },
      { ...GENERAL_RATE_LIMIT, requests: ownShare(GENERAL_RATE_LIMIT.requests) },
    ),
  };
  const retry: RetryOptions = {
    ...DEFAULT_RETRY,
    sleep,
    random: Math.random,
    now,
    deadline,
    ...options.retry,
  };
  const counted = withCounting(base, counter);
  const throttled = withSearchThrottle(
    withGeneralThrottle(counted, limiters.general, deadline),
    limiters.search,
    deadline,
  );
  return { http: withRetry(throttled, retry), limiters };
}

export function createGatewayFromEnv(env: GatewayEnv, options: GatewayOptions): HubSpotGateway {
  const calls = createCallCounter();
  const accessToken = env.PRIVATE_APP_ACCESS_TOKEN ?? '';
  const baseUrl = env.HUBSPOT_API_BASE_URL || DEFAULT_BASE_URL;
  const base = options.transport ?? createClientHttp({ accessToken, baseUrl });
  const instanceKey = options.transport ? options.instanceKey : instanceKeyOf(baseUrl, accessToken);
  let deadline: number | undefined;
  const now = options.now ?? Date.now;
  const { http, limiters } = buildHttp(base, calls, options, () => deadline);
  return createGoalTargetsGateway({
    setDeadline: (at) => {
      deadline = at;
    },
    rateUsage: (): RateUsage => usageOf(now(), limiters.search, limiters.general),
    adoptRateUsage: (usage) => adoptUsage(usage, limiters.search, limiters.general),
    searchesPerSecond: (SEARCH_RATE_LIMIT.requests * 1_000) / SEARCH_RATE_LIMIT.windowMs,
    http,
    targets: new CrmObjects(http, GOAL_TARGETS),
    store: createAppStore(http, { signingSecret: env[SIGNING_SECRET_NAME], instanceKey }),
    calls,
    readProperties: options.readProperties,
    sliceKey: options.sliceKey,
  });
}
