/**
 * Whether a family read through search may be missing slices: a target group that does not hold
 * whole years of its milestone's periods (12 monthly, 4 quarterly, ...), or has a gap between its
 * first and last period. Search lags a few seconds behind writes, and what it hides first is what
 * was added last, so these are the traces a lagging read leaves. A family can look like this for
 * good (a six-month goal); the caller weighs it against how recently the family changed.
 */
import type { Family } from '../grouping';
import { periodsMissing } from './periods';
import type { AuditContext } from './rule';
import { sliceCountMismatch } from './slice-count';

/** Plain-word reasons the family may be incomplete; empty when it looks whole. */
export function incompleteness(family: Family, ctx: AuditContext): string[] {
  return [sliceCountMismatch, periodsMissing].flatMap((rule) =>
    rule.check(family, ctx).map((f) => f.message),
  );
}
