import type { BatchOperation, InjectedAnswerChange, InjectedBatchFailure } from '../crm/context.js';
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

/** What happens to the one call a `CallRule` picks. */
export type CallEffect =
  /** Answer with this status and HubSpot's error body; nothing is done (a 429 with `policyName`). */
  | { kind: 'status'; status: number; policyName?: string; retryAfterSeconds?: number }
  /** Do the call, then drop the connection: the caller never learns that it happened. */
  | { kind: 'lose-answer' }
  /** A batch call applies every input but these (207 with per-input errors); other calls are untouched. */
  | { kind: 'partial'; failIndexes: number[] }
  /**
   * A batch create or update answers with `property` showing `value` — or left out, without `value` —
   * for the inputs at `indexes` (every input when absent); other calls are untouched. `stored`: the
   * record keeps that too (HubSpot did not keep what was sent); otherwise only the answer differs.
   */
  | { kind: 'alter-answer'; property: string; value?: string; indexes?: number[]; stored?: boolean };

/**
 * Picks the `nth` API call (1-based, counted from when the rule is added) whose counter key contains
 * `path` (any call when absent), e.g. `{ nth: 2, path: 'goal_targets/batch/read' }`. With `after`,
 * counting starts only once a call whose key contains `after` has been made (e.g. "the first write
 * to the app's store after the first batch update").
 */
export interface CallRule {
  nth: number;
  path?: string;
  after?: string;
  effect: CallEffect;
}

export interface FaultState {
  latencyMs: number;
  failRate: { status: number; rate: number } | null;
  throttle: { remaining: number; policyName: string } | null;
  partialFailures: PartialFailureOptions[];
  /** Answer changes waiting for the batch create / update they were picked for. */
  answerChanges: {
    path: BatchOperation;
    property: string;
    value: string | undefined;
    indexes: number[] | null;
    stored: boolean;
  }[];
  /** Rules still waiting for their call, with how many matching calls they have seen. */
  rules: (CallRule & { seen: number; armed: boolean })[];
  /**
   * `killAfter`: matching calls left before the kill (null: none set), and the counter-key part that
   * counts (any call when null); `killed`: every API call is dropped.
   */
  killAfter: number | null;
  killPath: string | null;
  killed: boolean;
}

/** What the server does with a call once it is admitted. */
export type CallFate = 'answer' | 'lose-answer' | 'drop';

const BATCH_OPERATION = /\/(batch\/(?:read|create|update|upsert|archive))$/;

const initialState = (): FaultState => ({
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

/** Faults injected into API calls (never into the control API). */
export class Faults {
  private state: FaultState = initialState();
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

  /** One fault on one chosen call (see `CallRule`); several rules may wait at once. */
  addRule(rule: CallRule): void {
    if (!Number.isInteger(rule.nth) || rule.nth < 1) throw new RangeError('nth must be a positive integer');
    this.state.rules.push({ ...rule, seen: 0, armed: rule.after === undefined });
  }

  /** The `nth` call matching `path` answers `status` (with `policyName` for a 429) and does nothing. */
  failNth(
    nth: number,
    status: number,
    options: { path?: string; after?: string; policyName?: string; retryAfterSeconds?: number } = {},
  ): void {
    const { path, after, policyName, retryAfterSeconds } = options;
    this.addRule({
      nth,
      ...(path ? { path } : {}),
      ...(after ? { after } : {}),
      effect: {
        kind: 'status',
        status,
        ...(policyName ? { policyName } : {}),
        ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
      },
    });
  }

  /** The `nth` call matching `path` is done, but its answer is lost (the connection drops). */
  loseAnswerOf(nth: number, path?: string): void {
    this.addRule({ nth, ...(path ? { path } : {}), effect: { kind: 'lose-answer' } });
  }

  /**
   * The caller dies after its `n`th API call from now (HubSpot's function time limit), counting only
   * calls whose counter key contains `path` when given: that call is done but its answer lost, and
   * every later API call is dropped unanswered and undone until `clear()`.
   */
  killAfter(n: number, path?: string): void {
    if (!Number.isInteger(n) || n < 1) throw new RangeError('n must be a positive integer');
    this.state.killAfter = n;
    this.state.killPath = path ?? null;
    this.state.killed = false;
  }

  clear(): void {
    this.state = initialState();
    this.random = mulberry32(1);
  }

  describe(): FaultState {
    return structuredClone(this.state);
  }

  get latencyMs(): number {
    return this.state.latencyMs;
  }

  get killed(): boolean {
    return this.state.killed;
  }

  /**
   * Decides one API call's fate: throws the injected error for it (rules, throttling, then the
   * failure rate), or says whether to answer it, lose its answer, or drop it undone.
   */
  beforeCall(counterKey = ''): CallFate {
    if (this.state.killed) return 'drop';
    let fate: CallFate = 'answer';
    const counts = this.state.killPath === null || counterKey.includes(this.state.killPath);
    if (this.state.killAfter !== null && counts) {
      this.state.killAfter--;
      if (this.state.killAfter <= 0) {
        this.state.killAfter = null;
        this.state.killed = true;
        fate = 'lose-answer';
      }
    }
    const fired: CallEffect[] = [];
    this.state.rules = this.state.rules.filter((rule) => {
      if (!rule.armed) {
        // The call that arms a rule is not counted by it.
        if (rule.after !== undefined && counterKey.includes(rule.after)) rule.armed = true;
        return true;
      }
      if (rule.path !== undefined && !counterKey.includes(rule.path)) return true;
      rule.seen++;
      if (rule.seen < rule.nth) return true;
      fired.push(rule.effect);
      return false;
    });
    for (const effect of fired) {
      if (effect.kind === 'status') {
        if (effect.status === 429) {
          const wait = effect.retryAfterSeconds;
          throw rateLimited(
            effect.policyName ?? 'TEN_SECONDLY_ROLLING',
            wait !== undefined ? { 'retry-after': String(wait) } : {},
          );
        }
        throw injected(effect.status);
      }
      if (effect.kind === 'lose-answer') fate = 'lose-answer';
      const operation = BATCH_OPERATION.exec(counterKey)?.[1] as BatchOperation | undefined;
      if (effect.kind === 'partial' && operation) {
        this.state.partialFailures.unshift({ path: operation, failIndexes: effect.failIndexes });
      }
      if (effect.kind === 'alter-answer' && (operation === 'batch/create' || operation === 'batch/update')) {
        this.state.answerChanges.unshift({
          path: operation,
          property: effect.property,
          value: effect.value,
          indexes: effect.indexes ? [...effect.indexes] : null,
          stored: effect.stored === true,
        });
      }
    }
    const throttle = this.state.throttle;
    if (throttle) {
      throttle.remaining--;
      if (throttle.remaining <= 0) this.state.throttle = null;
      throw rateLimited(throttle.policyName);
    }
    const failRate = this.state.failRate;
    if (failRate && this.random() < failRate.rate) throw injected(failRate.status);
    return fate;
  }

  takeAnswerChange(operation: BatchOperation): InjectedAnswerChange | undefined {
    const index = this.state.answerChanges.findIndex((change) => change.path === operation);
    const [change] = index < 0 ? [] : this.state.answerChanges.splice(index, 1);
    if (!change) return undefined;
    const { property, value, indexes, stored } = change;
    return { property, value, indexes: indexes === null ? null : new Set(indexes), stored };
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

function injected(status: number): HubSpotHttpError {
  return new HubSpotHttpError(
    status,
    status >= 500 ? 'INTERNAL_ERROR' : 'INJECTED_FAULT',
    `Injected fault: HTTP ${status}`,
  );
}
