/** HubSpot batch endpoints take at most 100 inputs (docs/hubspot-facts.md §6). */
import type { Plan } from './plan';

export const BATCH_LIMIT = 100;

/** Splits items into consecutive chunks of at most `size`, keeping order. */
export function chunk<T>(items: readonly T[], size: number = BATCH_LIMIT): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('chunk size must be a positive integer');
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** How many batch calls applying the plan takes, per kind. */
export function batchCount(
  plan: Plan,
  size: number = BATCH_LIMIT,
): { create: number; update: number; archive: number } {
  return {
    create: Math.ceil(plan.creates.length / size),
    update: Math.ceil(plan.updates.length / size),
    archive: Math.ceil(plan.archives.length / size),
  };
}
