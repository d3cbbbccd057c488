/**
 * Time inside one invocation. HubSpot stops an app function after its time limit; a change cut off
 * mid-write would be half-applied, so writes stop early enough to roll back what went through, and
 * verifying and rolling back stop before the limit too.
 */
import type { UseCaseDeps } from '../deps';

// ASSUMPTION (unverified): HubSpot ends an app function after 10 s (documented for serverless
// functions; app functions on 2026.03 "run the same runtime"; the local runner allows 15 s).
export const INVOCATION_TIME_LIMIT_MS = 10_000;

/** Writes must end by this share of the limit: rolling back takes about as long again. */
const WRITE_SHARE = 0.5;
/** Verifying, rolling back and closing the journal entry must end by this share. */
const FINISH_SHARE = 0.85;

export type Deadlines = { writeBy: number; finishBy: number };

export const timeLimitOf = (deps: UseCaseDeps) => deps.timeLimitMs ?? INVOCATION_TIME_LIMIT_MS;

/** The invocation's write and finish deadlines, counted from when it started. */
export function deadlinesOf(deps: UseCaseDeps): Deadlines {
  const limit = timeLimitOf(deps);
  const started = deps.startedAt ?? deps.now();
  return { writeBy: started + limit * WRITE_SHARE, finishBy: started + limit * FINISH_SHARE };
}

// ASSUMPTION (unverified): search shows a write within 10 s (HubSpot: "a few moments"). A family that
// changed more recently than this may still be missing slices in search.
export const SEARCH_LAG_BOUND_MS = 10_000;
