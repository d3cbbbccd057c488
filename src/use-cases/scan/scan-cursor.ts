/**
 * The part of a scan's cursor that every portal scan shares: where the two readers stand
 * (`ScanState`) and the calls the last invocation made that are still inside HubSpot's rate windows
 * (`RateUsage`), so that the next invocation's limiters count them instead of starting empty.
 */
import { z } from 'zod';
import type { ScanState } from './bounded-scan';

const Id = z.string().regex(/^\d{1,20}$/);

/** `ScanState` in a cursor, with short keys: the cursor travels through the UI and back. */
export const ScanStateCursor = z.object({
  lo: Id.nullable(),
  /** The list endpoint's paging token (opaque to the app; HubSpot's is short). */
  a: z.string().min(1).max(200).nullable(),
  hi: Id.nullable(),
  /** 0 once the list endpoint answered out of id order (search alone from then on). */
  l: z.union([z.literal(0), z.literal(1)]),
});
export type ScanStateCursor = z.infer<typeof ScanStateCursor>;

export const RateUsageCursor = z.object({
  at: z.number().int().min(0),
  search: z.array(z.number().int().min(0).max(60_000)).max(50),
  general: z.array(z.number().int().min(0).max(10_000)).max(60),
});

export const toStateCursor = (s: ScanState): ScanStateCursor => ({
  lo: s.lo,
  a: s.after,
  hi: s.hi,
  l: s.list ? 1 : 0,
});

export const fromStateCursor = (c: ScanStateCursor): ScanState => ({
  lo: c.lo,
  after: c.a,
  hi: c.hi,
  list: c.l === 1,
});
