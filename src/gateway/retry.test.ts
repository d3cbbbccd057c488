import { describe, expect, it } from 'vitest';
import { GatewayError } from './errors';
import type { HttpRequest, HttpResponse, HubSpotHttp } from './http';
import { backoffDelay, DEFAULT_RETRY, type RetryOptions, withRetry } from './retry';

const ok: HttpResponse = { status: 200, headers: {}, body: { ok: true } };
const r429 = (policyName: string): HttpResponse => ({
  status: 429,
  headers: {},
  body: { status: 'error', message: 'limit', policyName, correlationId: 'c-1', category: 'RATE_LIMITS' },
});
const r500: HttpResponse = { status: 500, headers: {}, body: { message: 'boom' } };
const network = new GatewayError({ kind: 'network', status: 0, message: 'reset', endpoint: 'x' });

/** A transport that answers from a script, one step per call. */
function scripted(steps: (HttpResponse | Error)[]) {
  const calls: HttpRequest[] = [];
  const http: HubSpotHttp = async (req) => {
    calls.push(req);
    const step = steps[Math.min(calls.length - 1, steps.length - 1)];
    if (step instanceof Error) throw step;
    return step as HttpResponse;
  };
  return { http, calls };
}

function options(overrides: Partial<RetryOptions> = {}) {
  const sleeps: number[] = [];
  const o: RetryOptions = {
    ...DEFAULT_RETRY,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  };
  return { o, sleeps };
}

const get: HttpRequest = { method: 'GET', path: '/x' };
const create: HttpRequest = { method: 'POST', path: '/x/batch/create', idempotent: false };

describe('withRetry', () => {
  it.each([
    {
      name: 'ten-secondly 429 waits and retries',
      steps: [r429('TEN_SECONDLY_ROLLING'), ok],
      req: get,
      calls: 2,
      status: 200,
    },
    { name: 'daily 429 is returned at once', steps: [r429('DAILY'), ok], req: get, calls: 1, status: 429 },
    { name: '5xx burst then success', steps: [r500, r500, r500, ok], req: get, calls: 4, status: 200 },
    { name: 'network error then success', steps: [network, ok], req: get, calls: 2, status: 200 },
    {
      name: 'batch create is not repeated after a 5xx',
      steps: [r500, ok],
      req: create,
      calls: 1,
      status: 500,
    },
    {
      name: 'batch create is repeated after a 429',
      steps: [r429('TEN_SECONDLY_ROLLING'), ok],
      req: create,
      calls: 2,
      status: 200,
    },
    {
      name: '4xx is not retried',
      steps: [{ status: 400, headers: {}, body: {} }, ok],
      req: get,
      calls: 1,
      status: 400,
    },
  ])('$name', async ({ steps, req, calls, status }) => {
    const s = scripted(steps);
    const { o } = options();
    const response = await withRetry(s.http, o)(req);
    expect(response.status).toBe(status);
    expect(s.calls).toHaveLength(calls);
  });

  it('gives up after maxAttempts and returns the last answer', async () => {
    const s = scripted([r500]);
    const { o, sleeps } = options({ maxAttempts: 4, budgetMs: 1e9 });
    expect((await withRetry(s.http, o)(get)).status).toBe(500);
    expect(s.calls).toHaveLength(4);
    expect(sleeps).toHaveLength(3);
  });

  it('never waits more than the time budget in total', async () => {
    const s = scripted([r429('TEN_SECONDLY_ROLLING')]);
    const { o, sleeps } = options({ maxAttempts: 100, budgetMs: 3_000 });
    await withRetry(s.http, o)(get);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(3_000);
    expect(sleeps.length).toBeGreaterThan(2);
  });

  it('rethrows a network error once attempts run out', async () => {
    const s = scripted([network]);
    const { o } = options({ maxAttempts: 2 });
    await expect(withRetry(s.http, o)(get)).rejects.toBe(network);
  });

  it('backs off exponentially, capped, honouring Retry-After', () => {
    const { o } = options({ baseDelayMs: 100, maxDelayMs: 1_000, random: () => 1 });
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, undefined, o))).toEqual([100, 200, 400, 800, 1000]);
    expect(backoffDelay(1, { status: 429, headers: { 'retry-after': '2' }, body: null }, o)).toBe(2000);
  });
});

describe('withRetry under a deadline', () => {
  it('makes no retry whose wait plus one more attempt would end past the deadline', async () => {
    let t = 0;
    const calls: number[] = [];
    // Every attempt takes 100 ms and is throttled.
    const http: HubSpotHttp = async () => {
      calls.push(t);
      t += 100;
      return r429('TEN_SECONDLY_ROLLING');
    };
    const { o } = options({
      now: () => t,
      deadline: () => 1_000,
      sleep: async (ms) => {
        t += ms;
      },
    });
    // A throttle it may not wait out is a deadline stop (nothing was done), not HubSpot's 429 to report.
    await expect(withRetry(http, o)(get)).rejects.toMatchObject({ kind: 'deadline' });
    // Waits 187.5, 375, 750 (jitter 0.5): a 4th attempt at 862.5 + 750 would end past 1,000, so 3 are made.
    expect(calls).toEqual([0, 287.5, 762.5]);
    expect(t).toBe(862.5);
  });

  it('returns a server error it may not retry past the deadline (it may have been applied)', async () => {
    let t = 0;
    const http: HubSpotHttp = async () => {
      t += 100;
      return { status: 503, headers: {}, body: { message: 'down' } };
    };
    const { o } = options({
      now: () => t,
      deadline: () => 300,
      sleep: async (ms) => {
        t += ms;
      },
    });
    expect((await withRetry(http, o)(get)).status).toBe(503);
  });

  it('retries as usual when the deadline leaves room', async () => {
    let t = 0;
    const { http, calls } = scripted([r429('TEN_SECONDLY_ROLLING'), ok]);
    const { o } = options({
      now: () => t,
      deadline: () => 10_000,
      sleep: async (ms) => {
        t += ms;
      },
    });
    expect((await withRetry(http, o)(get)).status).toBe(200);
    expect(calls).toHaveLength(2);
  });
});
