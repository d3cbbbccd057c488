/** Rate limits: how many searches a second pass, and what a 429 says. */
import { PROP } from '@goal-families/domain';
import { NON_RETRYABLE_RATE_POLICIES, SEARCH_RATE_LIMIT } from '../../../src/gateway/index';
import { type Check, confirmed, differs, GOAL_TARGETS, type ProbeContext, said } from '../check';
import type { ProbeAnswer } from '../http';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `n` searches of the scratch family at once, unpaced. */
function burst(ctx: ProbeContext, n: number): Promise<ProbeAnswer[]> {
  return Promise.all(
    Array.from({ length: n }, () =>
      ctx.http.request({
        method: 'POST',
        path: `${GOAL_TARGETS}/search`,
        raw: true,
        body: {
          filterGroups: [{ filters: [{ propertyName: PROP.uuid, operator: 'EQ', value: ctx.scratch.uuid }] }],
          limit: 1,
        },
      }),
    ),
  );
}

export const RATE_LIMIT_CHECKS: Check[] = [
  {
    id: 'search-rate-limit',
    assumption: `${SEARCH_RATE_LIMIT.requests} searches within ${SEARCH_RATE_LIMIT.windowMs} ms are allowed, more are refused with 429`,
    where: 'SEARCH_RATE_LIMIT in src/gateway/paths.ts',
    async run(ctx) {
      await sleep(SEARCH_RATE_LIMIT.windowMs + 100);
      const allowed = await burst(ctx, SEARCH_RATE_LIMIT.requests);
      const refusedEarly = allowed.filter((a) => a.status !== 200);
      const more = await burst(ctx, SEARCH_RATE_LIMIT.requests * 2);
      await sleep(SEARCH_RATE_LIMIT.windowMs + 100);
      if (refusedEarly.length > 0)
        return differs(
          `of ${SEARCH_RATE_LIMIT.requests} searches at once: ${said(refusedEarly[0] as ProbeAnswer)}`,
        );
      const throttled = more.filter((a) => a.status === 429).length;
      return throttled > 0
        ? confirmed(`${SEARCH_RATE_LIMIT.requests} passed, then ${throttled} of ${more.length} more got 429`)
        : differs(`${SEARCH_RATE_LIMIT.requests + more.length} searches within a second all passed`);
    },
  },
  {
    id: 'rate-limit-429-body',
    assumption: `a 429 says errorType RATE_LIMIT, category RATE_LIMITS and a policyName (only ${NON_RETRYABLE_RATE_POLICIES.join(', ')} is not worth retrying); search's policy is SECONDLY`,
    where: 'NON_RETRYABLE_RATE_POLICIES in src/gateway/errors.ts; docs/emulator.md, assumption 11',
    async run(ctx) {
      await sleep(SEARCH_RATE_LIMIT.windowMs + 100);
      const answers = await burst(ctx, SEARCH_RATE_LIMIT.requests * 3);
      await sleep(SEARCH_RATE_LIMIT.windowMs + 100);
      const throttled = answers.find((a) => a.status === 429);
      if (!throttled) return differs(`no 429 among ${answers.length} searches at once`);
      const b = throttled.body ?? {};
      const shaped =
        b.status === 'error' &&
        b.errorType === 'RATE_LIMIT' &&
        b.category === 'RATE_LIMITS' &&
        b.policyName === 'SECONDLY' &&
        typeof b.message === 'string' &&
        typeof b.correlationId === 'string';
      return shaped && !NON_RETRYABLE_RATE_POLICIES.includes(b.policyName)
        ? confirmed('429 RATE_LIMIT / RATE_LIMITS, policy SECONDLY')
        : differs(said(throttled));
    },
  },
  {
    id: 'rate-limit-headers',
    assumption: 'standard calls carry X-HubSpot-RateLimit-Max, -Remaining and -Interval-Milliseconds',
    where: 'docs/emulator.md, "HubSpot behaviour implemented" (rate limits)',
    async run(ctx) {
      const answer = await ctx.http.request({ method: 'GET', path: `${GOAL_TARGETS}/${ctx.scratch.ids[0]}` });
      const names = [
        'x-hubspot-ratelimit-max',
        'x-hubspot-ratelimit-remaining',
        'x-hubspot-ratelimit-interval-milliseconds',
      ];
      const missing = names.filter((n) => answer.headers[n] === undefined);
      return missing.length === 0
        ? confirmed(
            names.map((n) => `${n.slice('x-hubspot-ratelimit-'.length)} ${answer.headers[n]}`).join(', '),
          )
        : differs(`no ${missing.join(', ')} (headers: ${Object.keys(answer.headers).join(', ')})`);
    },
  },
];
