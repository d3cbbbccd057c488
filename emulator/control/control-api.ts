import { HubSpotHttpError } from '../http/errors.js';
import type { Route } from '../http/router.js';
import { type ApiResponse, json } from '../http/types.js';
import type { SeedChoice } from '../seed/types.js';
import type { CallRule, Faults, PartialFailureOptions } from './faults.js';

/** What the control API drives: the same operations as the programmatic API. */
export interface ControlTarget {
  readonly faults: Faults;
  readonly token: string;
  readonly portalId: number;
  baseUrl(): string | undefined;
  reset(seed?: SeedChoice): void;
  counters(): Record<string, number>;
  resetCounters(): void;
  snapshot(): string;
  configure(settings: { searchLagMs?: number; rateLimits?: boolean }): void;
  settings(): { searchLagMs: number; rateLimits: boolean };
}

export const CONTROL_PREFIX = '/__emulator';

function seedFrom(body: unknown): SeedChoice | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body !== 'object')
    throw new HubSpotHttpError(400, 'VALIDATION_ERROR', 'Body must be a JSON object');
  const { seed } = body as { seed?: unknown };
  if (seed === undefined) return undefined;
  if (seed === 'demo' || seed === 'empty') return seed;
  if (typeof seed === 'object' && seed !== null) return seed as SeedChoice;
  throw new HubSpotHttpError(400, 'VALIDATION_ERROR', "seed must be 'demo', 'empty' or seed data");
}

function applyFaults(faults: Faults, body: unknown): void {
  const input = (body ?? {}) as {
    latencyMs?: number;
    failRate?: { status: number; rate: number };
    throttleNext?: { n: number; policyName?: string };
    partialFailureNext?: PartialFailureOptions;
    rules?: CallRule[];
    killAfter?: number;
    killPath?: string;
  };
  if (typeof input.latencyMs === 'number') faults.setLatency(input.latencyMs);
  if (input.failRate) faults.failRate(input.failRate.status, input.failRate.rate);
  if (input.throttleNext) faults.throttleNext(input.throttleNext.n, input.throttleNext.policyName);
  if (input.partialFailureNext) faults.partialFailureNext(input.partialFailureNext);
  try {
    for (const rule of input.rules ?? []) faults.addRule(rule);
    if (typeof input.killAfter === 'number') faults.killAfter(input.killAfter, input.killPath);
  } catch (e) {
    throw new HubSpotHttpError(400, 'VALIDATION_ERROR', (e as Error).message);
  }
}

const ok = (): ApiResponse => json(200, { ok: true });

/** Routes under `/__emulator/` (no token, no faults, no counting). */
export function controlRoutes(): Route<ControlTarget>[] {
  const route = (
    method: string,
    path: string,
    handle: Route<ControlTarget>['handle'],
  ): Route<ControlTarget> => ({
    method,
    template: `${CONTROL_PREFIX}${path}`,
    rateLimit: 'standard',
    handle,
  });
  return [
    route('GET', '/health', (target) =>
      json(200, {
        ok: true,
        baseUrl: target.baseUrl(),
        token: target.token,
        portalId: target.portalId,
        ...target.settings(),
        // CPU time of the emulator's process, so benchmarks can report capacity on a busy machine.
        cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1_000),
      }),
    ),
    route('POST', '/reset', (target, request) => {
      target.reset(seedFrom(request.body));
      return ok();
    }),
    route('POST', '/seed', (target, request) => {
      target.reset(seedFrom(request.body) ?? 'demo');
      return ok();
    }),
    route('GET', '/counters', (target) => json(200, { counters: target.counters() })),
    route('DELETE', '/counters', (target) => {
      target.resetCounters();
      return ok();
    }),
    route('POST', '/counters/reset', (target) => {
      target.resetCounters();
      return ok();
    }),
    route('GET', '/snapshot', (target) => ({ status: 200, text: target.snapshot() })),
    route('GET', '/faults', (target) => json(200, target.faults.describe())),
    route('POST', '/faults', (target, request) => {
      applyFaults(target.faults, request.body);
      return json(200, target.faults.describe());
    }),
    route('DELETE', '/faults', (target) => {
      target.faults.clear();
      return ok();
    }),
    route('POST', '/settings', (target, request) => {
      const body = (request.body ?? {}) as { searchLagMs?: number; rateLimits?: boolean };
      target.configure(body);
      return json(200, target.settings());
    }),
  ];
}
