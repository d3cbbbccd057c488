/**
 * One invocation's share of a whole-portal scan (health check, family index): pages of goal targets in
 * id order (`hs_object_id > lastId`, so HubSpot's 10,000-result cap never applies), at most
 * `limits.pages` pages and `limits.budgetMs` of time, resumable from the last id.
 *
 * The budget is a real bound: waits and retries inside the gateway stop at the deadline, and a page is
 * started only if the slowest page so far would still finish before it. Once a page is done, running
 * out of time or being throttled just ends the invocation early; the cursor resumes after the last
 * completed page. With no page done there is nothing to return, so the error goes to the caller.
 */

import type { UseCaseDeps } from '../deps';
import { isEdgeFailure, type SearchPage } from '../ports';

export type ScanLimits = { pages: number; pageSize: number; budgetMs: number };

export type ScanOutcome = {
  /** The last id scanned (the cursor's resume point), or null when nothing has been scanned yet. */
  last: string | null;
  /** Targets scanned by this invocation. */
  scanned: number;
  /** True when the portal has no target after `last`. */
  done: boolean;
  /** Targets after the starting id when this invocation began (for a progress estimate). */
  remainingAtStart: number | null;
};

/**
 * `onPage` does a page's work. It may read more from HubSpot (errors there stop the scan like a page
 * read error), but must change its own state only after its last await, so that a page whose work
 * was cut short leaves nothing behind.
 */
export async function scanBounded(
  deps: UseCaseDeps,
  from: string | null,
  limits: ScanLimits,
  onPage: (page: SearchPage, lowerBound: string | null) => Promise<void> | void,
  properties?: readonly string[],
): Promise<ScanOutcome> {
  const deadline = deps.now() + limits.budgetMs;
  let last = from;
  let scanned = 0;
  let done = false;
  let remainingAtStart: number | null = null;
  let slowestPageMs = 0;
  deps.gateway.setDeadline(deadline);
  try {
    for (let page = 0; page < limits.pages; page++) {
      const pageStarted = deps.now();
      if (page > 0 && pageStarted + slowestPageMs > deadline) break;
      let scan: SearchPage;
      try {
        scan = await deps.gateway.scanAfter(last, limits.pageSize, properties);
        remainingAtStart ??= scan.total;
        if (scan.results.length > 0) await onPage(scan, last);
      } catch (e) {
        if (page > 0 && isEdgeFailure(e) && (e.retryable || e.deadline)) break;
        throw e;
      }
      const pageLast = scan.results.at(-1)?.id;
      if (pageLast === undefined) {
        done = true;
        break;
      }
      scanned += scan.results.length;
      last = pageLast;
      slowestPageMs = Math.max(slowestPageMs, deps.now() - pageStarted);
      // A short page, or one holding every remaining match, is the end: no empty call to find out.
      if (scan.results.length < limits.pageSize || scan.results.length >= scan.total) {
        done = true;
        break;
      }
    }
  } finally {
    deps.gateway.setDeadline(undefined);
  }
  return { last, scanned, done, remainingAtStart };
}

/** Progress 0..1 over all invocations: targets scanned so far against those known to exist. */
export function scanProgress(before: number, outcome: ScanOutcome): number {
  if (outcome.done) return 1;
  const seenTotal = before + (outcome.remainingAtStart ?? 0);
  return seenTotal === 0 ? 1 : Math.min(1, (before + outcome.scanned) / seenTotal);
}
