import { randomUUID } from 'node:crypto';

/** One entry of HubSpot's `errors` array (ErrorDetail in the OpenAPI spec). */
export interface ErrorDetail {
  message: string;
  code?: string;
  in?: string;
  context?: Record<string, string[]>;
  subCategory?: string;
}

/** A failure that the server answers with HubSpot's error body and the given HTTP status. */
export class HubSpotHttpError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly category: string,
    message: string,
    readonly details: {
      errors?: ErrorDetail[];
      context?: Record<string, string[]>;
      subCategory?: string;
      extra?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
  }
}

/** HubSpot's top-level error body: `{ status: 'error', message, correlationId, category, ... }`. */
export function errorBody(error: HubSpotHttpError): Record<string, unknown> {
  return {
    status: 'error',
    message: error.message,
    correlationId: randomUUID(),
    category: error.category,
    ...(error.details.subCategory ? { subCategory: error.details.subCategory } : {}),
    ...(error.details.context ? { context: error.details.context } : {}),
    ...(error.details.errors ? { errors: error.details.errors } : {}),
    ...(error.details.extra ?? {}),
  };
}

export const validationError = (
  message: string,
  errors?: ErrorDetail[],
  context?: Record<string, string[]>,
) => new HubSpotHttpError(400, 'VALIDATION_ERROR', message, { errors, context });

export const objectNotFound = (id: string) =>
  new HubSpotHttpError(404, 'OBJECT_NOT_FOUND', 'Object not found.  objectId are usually numeric.', {
    context: { id: [id] },
  });

// ASSUMPTION (unverified): the wording of the 401 message; the category is HubSpot's documented one.
export const unauthenticated = () =>
  new HubSpotHttpError(
    401,
    'INVALID_AUTHENTICATION',
    'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
  );
