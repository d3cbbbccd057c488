import type { BatchOperation, InjectedBatchFailure } from '../crm/context.js';
import { HubSpotHttpError } from '../http/errors.js';
import { rateLimited } from '../http/rate-limit.js';
import { mulberry32 } from '../seed/deterministic.js';

export interface PartialFailureOptions {
  path: BatchOperation;
  failIds?: string[];
  failIndexes?: number[];
  /** Keep failing these inputs on every later call to this path (until `clear()`), e.g. to test rollback. */
  permanent?: boolean;
  category?: string;
  message?: string;
}

export interface FaultState {
  latencyMs: number;
  failRate: { status: number; rate: number } | null;
  throttle: { remaining: number; policyName: string } | null;
  partialFailures: PartialFailureOptions[];
}

/** Faults injected into API calls (never into the control API). */
export class Faults {
  private state: FaultState = { latencyMs: 0, failRate: null, throttle: null, partialFailures: [] };
  private random = mulberry32(1);

  /** Delay every API answer by `ms`. */
  setLatency(ms: number): void {
    this.state.latencyMs = Math.max(0, ms);
  }

  /** Answer this share (0..1) of API calls with `status` (a 5xx, or any status), deterministically. */
  failRate(status: number, rate: number): void {
    this.state.failRate = rate > 0 ? { status, rate: Math.min(1, rate) } : null;
    this.random = mulberry32(1);
  }

  /** Answer the next `n` API calls with 429 and this policy name. */
  throttleNext(n: number, policyName = 'TEN_SECONDLY_ROLLING'): void {
    this.state.throttle = n > 0 ? { remaining: n, policyName } : null;
  }

  /** Make chosen inputs of the next batch call on `path` fail (207). */
  partialFailureNext(options: PartialFailureOptions): void {
    this.state.partialFailures.push({ ...options });
  }

  clear(): void {
    this.state = { latencyMs: 0, failRate: null, throttle: null, partialFailures: [] };
    this.random = mulberry32(1);
  }

  describe(): FaultState {
    return structuredClone(this.state);
  }

  get latencyMs(): number {
    return this.state.latencyMs;
  }

  /** Throw the injected error for this call, if any (throttling first, then the failure rate). */
  beforeCall(): void {
    const throttle = this.state.throttle;
    if (throttle) {
      throttle.remaining--;
      if (throttle.remaining <= 0) this.state.throttle = null;
      throw rateLimited(throttle.policyName);
    }
    const failRate = this.state.failRate;
    if (failRate && this.random() < failRate.rate) {
      throw new HubSpotHttpError(
        failRate.status,
        failRate.status >= 500 ? 'INTERNAL_ERROR' : 'INJECTED_FAULT',
        `Injected fault: HTTP ${failRate.status}`,
      );
    }
  }

  takeBatchFailure(operation: BatchOperation): InjectedBatchFailure | undefined {
    const index = this.state.partialFailures.findIndex((failure) => failure.path === operation);
    const failure = this.state.partialFailures[index];
    if (!failure) return undefined;
    if (!failure.permanent) this.state.partialFailures.splice(index, 1);
    return {
      failIds: new Set(failure.failIds ?? []),
      failIndexes: new Set(failure.failIndexes ?? []),
      status: 400,
      category: failure.category ?? 'VALIDATION_ERROR',
      message: failure.message ?? 'Injected failure for this input',
    };
  }
}
