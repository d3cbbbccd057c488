/** Opaque cursors: base64url JSON, checked on the way back in (a tampered cursor is a VALIDATION_ERROR). */
import type { z } from 'zod';

export const encodeCursor = (value: unknown): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | null | 'invalid' {
  if (cursor === undefined) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : 'invalid';
  } catch {
    return 'invalid';
  }
}
