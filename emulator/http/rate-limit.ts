import { HubSpotHttpError } from './errors.js';

export interface RateLimitSettings {
  /** Requests per rolling ten seconds (HubSpot: 100 Free/Starter, 190 Pro/Enterprise for private apps). */
  tenSecondlyMax: number;
  /** Search requests per second (HubSpot documents about 5). */
  searchPerSecond: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = { tenSecondlyMax: 190, searchPerSecond: 5 };

// ASSUMPTION (unverified): the daily allowance shown in `X-HubSpot-RateLimit-Daily` (not enforced).
export const DAILY_LIMIT = 650_000;
const TEN_SECONDS = 10_000;
const ONE_SECOND = 1_000;
// ASSUMPTION (unverified): the policy name of a search 429 is `SECONDLY`.
export const SEARCH_POLICY_NAME = 'SECONDLY';

/** A 429 with HubSpot's body (`errorType: RATE_LIMIT`, `policyName`). */
// ASSUMPTION (unverified): the 429 body's `category` (`RATE_LIMITS`). The message follows
// "You have reached your secondly limit.", which @hubspot/api-client 14 matches to retry searches [verified in its source].
export function rateLimited(policyName: string, headers: Record<string, string> = {}): HubSpotHttpError {
  return new HubSpotHttpError(
    429,
    'RATE_LIMITS',
    `You have reached your ${policyName.toLowerCase()} limit.`,
    {
      extra: { errorType: 'RATE_LIMIT', policyName },
      headers,
    },
  );
}

/** Rolling-window counters: ten-secondly for standard calls, secondly for search (exempt from the other). */
export class RateLimiter {
  private standard: number[] = [];
  private search: number[] = [];
  private dailyUsed = 0;

  constructor(
    public settings: RateLimitSettings,
    private readonly clock: () => number,
  ) {}

  /** Admit one call or throw the 429; returns the headers to send for standard calls. */
  admit(kind: 'standard' | 'search'): Record<string, string> {
    const now = this.clock();
    if (kind === 'search') {
      this.search = this.search.filter((at) => at > now - ONE_SECOND);
      if (this.search.length >= this.settings.searchPerSecond) throw rateLimited(SEARCH_POLICY_NAME);
      this.search.push(now);
      return {};
    }
    this.standard = this.standard.filter((at) => at > now - TEN_SECONDS);
    if (this.standard.length >= this.settings.tenSecondlyMax) {
      throw rateLimited('TEN_SECONDLY_ROLLING', this.headers(0));
    }
    this.standard.push(now);
    this.dailyUsed++;
    return this.headers(this.settings.tenSecondlyMax - this.standard.length);
  }

  headers(remaining: number): Record<string, string> {
    return {
      'X-HubSpot-RateLimit-Daily': String(DAILY_LIMIT),
      'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, DAILY_LIMIT - this.dailyUsed)),
      'X-HubSpot-RateLimit-Interval-Milliseconds': String(TEN_SECONDS),
      'X-HubSpot-RateLimit-Max': String(this.settings.tenSecondlyMax),
      'X-HubSpot-RateLimit-Remaining': String(remaining),
    };
  }

  reset(): void {
    this.standard = [];
    this.search = [];
    this.dailyUsed = 0;
  }
}
