import { HubSpotHttpError } from '../http/errors.js';
import type { ApiRequest } from '../http/types.js';
import type { ObjectType } from '../store/object-types.js';
import type { Store } from '../store/store.js';

export type BatchOperation =
  | 'batch/read'
  | 'batch/create'
  | 'batch/update'
  | 'batch/upsert'
  | 'batch/archive';

/** Inputs chosen to fail on one batch call (a fault injected by a test). */
export interface InjectedBatchFailure {
  failIds: Set<string>;
  failIndexes: Set<number>;
  status: number;
  category: string;
  message: string;
}

/**
 * An answer to one batch create / update that differs from what was written (a fault injected by a
 * test): for the inputs at `indexes` (every input when null), the answer shows `property` with `value`,
 * or leaves it out when `value` is undefined. `stored`: the record keeps that too (the property is set
 * to `value`, or not written at all), as if HubSpot had not kept what was sent.
 */
export interface InjectedAnswerChange {
  property: string;
  value: string | undefined;
  indexes: Set<number> | null;
  stored: boolean;
}

/** What the CRM handlers need from the emulator around them. */
export interface CrmContext {
  store: Store;
  takeBatchFailure(operation: BatchOperation): InjectedBatchFailure | undefined;
  /** The answer change injected for this call, if any (batch create and update only). */
  takeAnswerChange?(operation: BatchOperation): InjectedAnswerChange | undefined;
}

export function resolveObjectType(context: CrmContext, request: ApiRequest): ObjectType {
  const segment = request.params.objectType ?? '';
  const type = context.store.resolveType(segment);
  if (!type) {
    throw new HubSpotHttpError(400, 'VALIDATION_ERROR', `Unable to infer object type from: ${segment}`);
  }
  return type;
}

export function queryFlag(query: URLSearchParams, name: string): boolean {
  return query.get(name) === 'true';
}

export function bodyObject(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HubSpotHttpError(
      400,
      'VALIDATION_ERROR',
      'Invalid input JSON: the request body must be a JSON object',
    );
  }
  return body as Record<string, unknown>;
}
