import type { ErrorDetail } from '../http/errors.js';
import { type ApiResponse, json } from '../http/types.js';

/** One entry of a 207 answer's `errors` (HubSpot's StandardError). */
export interface BatchError {
  status: 'error';
  category: string;
  message: string;
  context: Record<string, string[]>;
  errors: ErrorDetail[];
  links: Record<string, string>;
  subCategory?: string;
}

export function batchError(
  category: string,
  message: string,
  context: Record<string, string[]>,
  errors: ErrorDetail[] = [],
): BatchError {
  return { status: 'error', category, message, context, errors, links: {} };
}

/** A batch answer: `okStatus` when every input succeeded, else 207 with `numErrors` and `errors`. */
export function batchResponse(
  okStatus: number,
  results: unknown[],
  errors: BatchError[],
  startedAt: Date,
): ApiResponse {
  const body = {
    status: 'COMPLETE',
    results,
    ...(errors.length > 0 ? { numErrors: errors.length, errors } : {}),
    requestedAt: startedAt.toISOString(),
    startedAt: startedAt.toISOString(),
    completedAt: new Date().toISOString(),
  };
  return json(errors.length > 0 ? 207 : okStatus, body);
}
