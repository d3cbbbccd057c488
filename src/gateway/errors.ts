/** HubSpot failures as one error type the use cases can map to the contract's error codes. */
import type { ErrorCode } from '@goal-families/contract';

/** HubSpot's error body (docs/hubspot-facts.md §6). Every field is optional: proxies and 5xx pages vary. */
export type HubSpotErrorBody = {
  status?: string;
  message?: string;
  correlationId?: string;
  category?: string;
  policyName?: string;
  errors?: unknown[];
  context?: Record<string, unknown>;
};

export type GatewayErrorKind =
  | 'not_found'
  | 'rate_limited_daily'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'validation'
  | 'auth'
  | 'conflict'
  /** Not HubSpot's answer: a wait or a retry would have run past the invocation's deadline. */
  | 'deadline'
  | 'other';

export class GatewayError extends Error {
  readonly kind: GatewayErrorKind;
  /** HTTP status; 0 for network failures. */
  readonly status: number;
  readonly correlationId: string | undefined;
  readonly category: string | undefined;
  readonly policyName: string | undefined;
  readonly endpoint: string;

  constructor(args: {
    kind: GatewayErrorKind;
    status: number;
    message: string;
    endpoint: string;
    body?: HubSpotErrorBody | undefined;
  }) {
    super(args.message);
    this.name = 'GatewayError';
    this.kind = args.kind;
    this.status = args.status;
    this.endpoint = args.endpoint;
    this.correlationId = args.body?.correlationId;
    this.category = args.body?.category;
    this.policyName = args.body?.policyName;
  }

  /** What a retry may fix: ten-secondly throttles, server errors and network failures. */
  get retryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'server' || this.kind === 'network';
  }

  /** The call may have been applied although it failed: a server error or a lost answer. */
  get outcomeUnknown(): boolean {
    return this.kind === 'server' || this.kind === 'network';
  }

  /** Not HubSpot's answer: the invocation's deadline stopped a wait or a retry. */
  get deadline(): boolean {
    return this.kind === 'deadline';
  }

  /** The contract's error for this failure (what the use cases' `EdgeFailure` port asks for). */
  get appError() {
    return toAppError(this);
  }
}

/**
 * Thrown instead of waiting (search throttle, retry back-off) when the wait would end past the
 * deadline a use case set on its gateway (`setDeadline`). Never retried.
 */
export class DeadlineError extends GatewayError {
  constructor(message: string) {
    super({ kind: 'deadline', status: 0, message, endpoint: '' });
    this.name = 'DeadlineError';
  }
}

export const isGatewayError = (e: unknown): e is GatewayError => e instanceof GatewayError;

// ASSUMPTION (unverified): only a 429 whose policyName is DAILY is a limit that waiting seconds
// cannot lift; every other policy (TEN_SECONDLY_ROLLING, SECONDLY, search's) clears within seconds.
export const NON_RETRYABLE_RATE_POLICIES: readonly string[] = ['DAILY'];

export function classify(status: number, body: HubSpotErrorBody | undefined): GatewayErrorKind {
  if (status === 0) return 'network';
  if (status === 429) {
    return body?.policyName && NON_RETRYABLE_RATE_POLICIES.includes(body.policyName)
      ? 'rate_limited_daily'
      : 'rate_limited';
  }
  if (status >= 500) return 'server';
  if (status === 404 || body?.category === 'OBJECT_NOT_FOUND') return 'not_found';
  if (status === 401 || status === 403) return 'auth';
  if (status === 409) return 'conflict';
  if (status === 400 || status === 422) return 'validation';
  return 'other';
}

/** The contract's error for a gateway failure; HubSpot's correlationId is kept for support. */
export function toAppError(e: GatewayError): {
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
} {
  const details: Record<string, unknown> = { status: e.status, endpoint: e.endpoint };
  if (e.correlationId) details.correlationId = e.correlationId;
  if (e.category) details.category = e.category;
  if (e.policyName) details.policyName = e.policyName;
  switch (e.kind) {
    case 'not_found':
      return { code: 'NOT_FOUND', message: e.message, details };
    case 'rate_limited':
    case 'rate_limited_daily':
      return { code: 'RATE_LIMITED', message: `HubSpot rate limit reached: ${e.message}`, details };
    case 'deadline':
      return {
        code: 'HUBSPOT_ERROR',
        message: `HubSpot was too slow or too throttled to finish within this invocation's time budget (${e.message}); nothing was changed, try again`,
        details,
      };
    default:
      return { code: 'HUBSPOT_ERROR', message: `HubSpot: ${e.message}`, details };
  }
}
