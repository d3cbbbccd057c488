/** Counts HTTP attempts per endpoint (after retries and throttling), for reports and benchmarks. */
import type { HubSpotHttp } from './http';
import { endpointKey } from './paths';

export type CallCounter = {
  total: () => number;
  byEndpoint: () => Record<string, number>;
  record: (key: string) => void;
};

export function createCallCounter(): CallCounter {
  const counts = new Map<string, number>();
  return {
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    byEndpoint: () => Object.fromEntries([...counts.entries()].sort(([a], [b]) => a.localeCompare(b))),
    record: (key) => counts.set(key, (counts.get(key) ?? 0) + 1),
  };
}

export function withCounting(http: HubSpotHttp, counter: CallCounter): HubSpotHttp {
  return (request) => {
    counter.record(endpointKey(request.method, request.path));
    return http(request);
  };
}
