/** The envelope every app function returns: `{ ok: true, ... }` or `{ ok: false, error }`. */
import { z } from 'zod';

export const ErrorCode = z.enum([
  'VALIDATION_ERROR',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'RATE_LIMITED',
  /** Some writes failed for good; every write that had succeeded was undone. */
  'PARTIAL_FAILURE_ROLLED_BACK',
  /** Some writes failed and undoing the others failed too: `details.slices` says each slice's state. */
  'NEEDS_ATTENTION',
  'HUBSPOT_ERROR',
  'INTERNAL_ERROR',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const AppError = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.unknown().optional(),
});
export type AppError = z.infer<typeof AppError>;

export type Failure = { ok: false; error: AppError };
export type Success<T extends object> = { ok: true } & T;
export type Result<T extends object> = Success<T> | Failure;

export const failure = (code: ErrorCode, message: string, details?: unknown): Failure => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

export const success = <T extends object>(value: T): Success<T> => ({ ok: true, ...value });
