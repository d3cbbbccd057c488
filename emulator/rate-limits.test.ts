import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VIRTUAL_NOW_HEADER } from './emulator.js';
import { type Json, manualClock, startEmulator } from './test-support.js';

const clock = manualClock();
let env: Awaited<ReturnType<typeof startEmulator>>;
const LIST = '/crm/v3/objects/goal_targets?limit=1';
const SEARCH = '/crm/v3/objects/goal_targets/search';

beforeAll(async () => {
  env = await startEmulator({ clock: clock.now, rateLimits: { tenSecondlyMax: 5, searchPerSecond: 2 } });
});
beforeEach(() => {
  env.emulator.reset();
  clock.advance(60_000);
});
afterAll(() => env.emulator.close());

describe('ten-secondly rolling limit', () => {
  it('answers 429 with HubSpot body and headers once the window is full, and recovers as it rolls', async () => {
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await env.call('GET', LIST);
      expect(response.status).toBe(200);
      remaining.push(response.headers.get('x-hubspot-ratelimit-remaining') ?? '');
      clock.advance(1_000);
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    const limited = await env.call('GET', LIST);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({
      status: 'error',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
    });
    expect((limited.body as Json).correlationId).toEqual(expect.any(String));
    expect(limited.headers.get('x-hubspot-ratelimit-max')).toBe('5');
    expect(limited.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
    clock.advance(5_001); // the first call leaves the window
    expect((await env.call('GET', LIST)).status).toBe(200);
  });

  it('does not count search against it', async () => {
    for (let i = 0; i < 5; i++) expect((await env.call('GET', LIST)).status).toBe(200);
    expect((await env.call('POST', SEARCH, {})).status).toBe(200);
  });
});

describe('search limit per second', () => {
  it('answers 429 after the per-second allowance and recovers a second later', async () => {
    expect((await env.call('POST', SEARCH, {})).status).toBe(200);
    expect((await env.call('POST', SEARCH, {})).status).toBe(200);
    const limited = await env.call('POST', SEARCH, {});
    expect(limited.status).toBe(429);
    expect((limited.body as Json).policyName).toBe('SECONDLY');
    clock.advance(1_000);
    expect((await env.call('POST', SEARCH, {})).status).toBe(200);
  });
});

describe('injected faults', () => {
  it('throttles the next n calls with the chosen policy', async () => {
    env.emulator.faults.throttleNext(2, 'DAILY');
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const response = await env.call('GET', LIST);
      statuses.push([response.status, (response.body as Json).policyName]);
      clock.advance(3_000);
    }
    expect(statuses).toEqual([
      [429, 'DAILY'],
      [429, 'DAILY'],
      [200, undefined],
    ]);
  });

  it('fails every call at rate 1 and none at rate 0, with an error body', async () => {
    env.emulator.configure({ rateLimits: false });
    env.emulator.faults.failRate(503, 1);
    const failed = await env.call('GET', LIST);
    expect(failed.status).toBe(503);
    expect((failed.body as Json).status).toBe('error');
    env.emulator.faults.failRate(503, 0);
    expect((await env.call('GET', LIST)).status).toBe(200);
    env.emulator.configure({ rateLimits: true });
  });

  it('fails about the chosen share of calls, the same way on every run', async () => {
    env.emulator.configure({ rateLimits: false });
    const run = async () => {
      env.emulator.faults.failRate(500, 0.3);
      const statuses: number[] = [];
      for (let i = 0; i < 100; i++) statuses.push((await env.call('GET', LIST)).status);
      return statuses;
    };
    const first = await run();
    const second = await run();
    expect(second).toEqual(first);
    const failures = first.filter((status) => status === 500).length;
    expect(failures).toBeGreaterThan(15);
    expect(failures).toBeLessThan(45);
    env.emulator.faults.clear();
    env.emulator.configure({ rateLimits: true });
  });

  it('delays answers with latency, and reset() clears every fault', async () => {
    env.emulator.faults.setLatency(20);
    env.emulator.faults.throttleNext(5);
    env.emulator.faults.failNth(3, 503);
    env.emulator.faults.killAfter(9);
    expect(env.emulator.faults.describe()).toMatchObject({ latencyMs: 20, throttle: { remaining: 5 } });
    expect((await env.call('GET', LIST)).status).toBe(429);
    env.emulator.reset();
    expect(env.emulator.faults.describe()).toEqual({
      latencyMs: 0,
      failRate: null,
      throttle: null,
      partialFailures: [],
      answerChanges: [],
      rules: [],
      killAfter: null,
      killPath: null,
      killed: false,
    });
    expect((await env.call('GET', LIST)).status).toBe(200);
  });

  it('leaves the control API alone', async () => {
    env.emulator.faults.failRate(500, 1);
    expect((await env.call('GET', '/__emulator/health', undefined, null)).status).toBe(200);
    env.emulator.faults.clear();
  });
});

describe('with @hubspot/api-client', () => {
  it('answers a search 429 the SDK recognises and retries', async () => {
    const client = new Client({
      accessToken: env.emulator.token,
      basePath: env.baseUrl,
      numberOfApiCallRetries: 2,
    });
    env.emulator.faults.throttleNext(1, 'SECONDLY');
    env.emulator.resetCounters();
    const result = await client.crm.objects.goals.searchApi.doSearch({
      filterGroups: [],
      limit: 1,
      after: '0',
      sorts: [],
      properties: [],
    });
    expect(result.results).toHaveLength(1);
    expect(env.emulator.counters()).toEqual({ 'POST /crm/v3/objects/goal_targets/search': 2 });
  });
});

describe('time from a request header (the benchmarks run the emulator in its own process)', () => {
  it('keeps its rate windows on the time each request carries, never going back', async () => {
    const timed = await startEmulator({
      clockHeader: VIRTUAL_NOW_HEADER,
      rateLimits: { tenSecondlyMax: 100, searchPerSecond: 1 },
    });
    const search = async (at: number) => {
      const response = await fetch(`${timed.baseUrl}${SEARCH}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${timed.emulator.token}`,
          'content-type': 'application/json',
          [VIRTUAL_NOW_HEADER]: String(at),
        },
        body: JSON.stringify({ limit: 1 }),
      });
      return response.status;
    };
    try {
      const t = Date.UTC(2026, 0, 15);
      expect(await search(t)).toBe(200);
      // Real time passes between the calls, but the header says only 999 ms did: still inside the window.
      expect(await search(t + 999)).toBe(429);
      expect(await search(t + 1_000)).toBe(200);
      // An earlier time than the last seen does not reopen the window.
      expect(await search(t)).toBe(429);
    } finally {
      await timed.emulator.close();
    }
  });
});
