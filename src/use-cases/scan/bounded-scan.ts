/**
 * One invocation's share of a whole-portal scan (health check, family index), as close to HubSpot's
 * rate-limit floor as the latency allows: two readers run at once and meet in the middle of the id
 * space. The upward reader pages the object list endpoint (100 a page, counted against the general
 * limit of 190 per 10 s) from the lowest id; the downward reader pages search (200 a page, 5 a second,
 * exempt from the general limit) from the highest id, `hs_object_id` below the lowest it has read (so
 * HubSpot's 10,000-result cap never applies). Neither waits for the other, and together they read
 * about twice as fast as either alone.
 *
 * Every target is read once: a page's records already covered by the other reader are dropped, near
 * the meeting point the downward reader asks only for what the list's next page will not cover, and the
 * scan is done as soon as the two have met. The state between invocations (`ScanState`) is the two
 * frontiers and the list's paging token; the caller keeps it in its cursor.
 *
 * The budget is a real bound: waits and retries inside the gateway stop at the deadline, and a reader
 * starts a page only if its slowest page so far (plus the time the caller reserves for its own work
 * after the scan) would still finish before it. Once a page is done, running out of time or being
 * throttled just ends the invocation early. With no page done there is nothing to return, so the
 * error goes to the caller.
 */

import { compareIds } from '@goal-families/domain';
import type { UseCaseDeps } from '../deps';
import { type CrmRecord, type IdRange, isEdgeFailure } from '../ports';

/** Where a scan stands between invocations. */
export type ScanState = {
  /** Every id ≤ `lo` has been read (by the upward reader); null: none yet. */
  lo: string | null;
  /** The list endpoint's paging token for the page after `lo`; null with `lo` null: from the start. */
  after: string | null;
  /** Every id ≥ `hi` has been read (by the downward reader); null: none yet. */
  hi: string | null;
  /** False once a list page came back out of id order: search alone from then on. */
  list: boolean;
};

export const SCAN_START: ScanState = { lo: null, after: null, hi: null, list: true };

export type ScanLimits = {
  /** Reading stops this long after the invocation's start, reserve included. */
  budgetMs: number;
  /** At most this many targets per invocation, so that its memory stays bounded. */
  maxTargets: number;
  /** The downward reader's page (HubSpot's search page: 200). */
  searchPage: number;
};

/** The list endpoint's page: 100 targets. */
const LIST_PAGE = 100;

/** What the caller needs to keep free after reading, given how slow a search has been (ms). */
export type Reserve = (slowestSearchMs: number) => number;

export type ScanOutcome = {
  state: ScanState;
  /** Targets read by this invocation. */
  scanned: number;
  /** True when every target of the portal has been read (over all invocations). */
  done: boolean;
  /** Targets not yet read when this invocation began (from search's total), for a progress estimate. */
  remainingAtStart: number | null;
  /** The ids this invocation did not cover, as ranges: where the rest of a family it saw can be. */
  unread: IdRange[];
  /** The slowest search this invocation made (ms, limiter waits included). */
  slowestSearchMs: number;
};

const big = (id: string) => BigInt(id);

/** True when `ids` ascend strictly and all lie above `lo`: a list page that keeps the id order. */
function ascendingAbove(ids: readonly string[], lo: string | null): boolean {
  let previous = lo;
  for (const id of ids) {
    if (!/^\d+$/.test(id) || (previous !== null && compareIds(id, previous) <= 0)) return false;
    previous = id;
  }
  return true;
}

/**
 * The ids outside what this invocation covered, as open ranges: ids up to the upward reader's start,
 * the gap between the two frontiers (unless they met), and ids from the downward reader's start.
 */
export function unreadRanges(start: ScanState, end: ScanState, done: boolean): IdRange[] {
  // What this invocation covered, as inclusive [from, to] intervals of ids (null: unbounded).
  type Interval = { from: bigint | null; to: bigint | null };
  const upFrom = start.lo === null ? null : big(start.lo) + 1n;
  const downTo = start.hi === null ? null : big(start.hi) - 1n;
  const covered: Interval[] = [];
  if (done) covered.push({ from: upFrom, to: downTo });
  else {
    if (end.lo !== null && (start.lo === null || compareIds(end.lo, start.lo) > 0))
      covered.push({ from: upFrom, to: big(end.lo) });
    if (end.hi !== null && (start.hi === null || compareIds(end.hi, start.hi) < 0))
      covered.push({ from: big(end.hi), to: downTo });
  }
  if (covered.length === 0) return [{}];
  const ranges: IdRange[] = [];
  let above: bigint | null = null;
  let first = true;
  for (const c of covered) {
    if (first ? c.from !== null : above !== null && c.from !== null && c.from > above + 1n) {
      const range: IdRange = { below: String(c.from) };
      if (above !== null) range.above = String(above);
      ranges.push(range);
    }
    first = false;
    if (c.to === null) return ranges;
    above = c.to;
  }
  if (above !== null) ranges.push({ above: String(above) });
  return ranges;
}

/**
 * Reads what this invocation may of the portal. `onRecords` is given each page's new records (never
 * one twice); it must not await. `reserve` is time the caller needs after the scan.
 */
export async function scanBounded(
  deps: UseCaseDeps,
  from: ScanState | null,
  limits: ScanLimits,
  onRecords: (records: readonly CrmRecord[]) => void,
  properties?: readonly string[],
  reserve: Reserve = () => 0,
): Promise<ScanOutcome> {
  const gateway = deps.gateway;
  const deadline = deps.now() + limits.budgetMs;
  const start = from ?? SCAN_START;
  const state: ScanState = { ...start };
  let scanned = 0;
  let done = false;
  let pagesDone = 0;
  let remainingAtStart: number | null = null;
  let slowestSearchMs = 0;
  const failures: unknown[] = [];
  const mayStart = (slowestMs: number) =>
    !done && scanned < limits.maxTargets && deps.now() + slowestMs + reserve(slowestSearchMs) <= deadline;

  /** Targets the upward reader took, and whether it is still reading / has a page on its way. */
  let listed = 0;
  let listActive = false;
  let listInFlight = false;
  const take = (records: readonly CrmRecord[]) => {
    if (records.length === 0) return;
    onRecords(records);
    scanned += records.length;
  };

  const upward = async () => {
    let slowestMs = 0;
    listActive = true;
    try {
      while (state.list && mayStart(slowestMs)) {
        const began = deps.now();
        listInFlight = true;
        const page = await gateway.listTargets(state.after, properties);
        listInFlight = false;
        // The other reader finished the scan while this page was on its way: its records are read.
        if (done) return;
        const ids = page.results.map((r) => r.id);
        if (!ascendingAbove(ids, state.lo)) {
          state.list = false;
          return;
        }
        const hi = state.hi;
        const fresh = hi === null ? page.results : page.results.filter((r) => compareIds(r.id, hi) < 0);
        take(fresh);
        listed += fresh.length;
        pagesDone++;
        const last = fresh.at(-1);
        if (last) state.lo = last.id;
        state.after = page.after;
        // Met the downward reader, or the end of the list: everything is read.
        if (fresh.length < page.results.length || page.after === null) done = true;
        slowestMs = Math.max(slowestMs, deps.now() - began);
      }
    } finally {
      listActive = false;
      listInFlight = false;
    }
  };

  const downward = async () => {
    let slowestMs = 0;
    /** What the last search said was left between the readers, and how much the list had read then. */
    let gap: { left: number; listedThen: number } | null = null;
    while (mayStart(slowestMs)) {
      let limit = limits.searchPage;
      if (gap !== null && listActive) {
        // Near the meeting point, leave to the list what its page on the way (or its next) covers,
        // so that the two readers do not read the same targets.
        const left = gap.left - (listed - gap.listedThen) - (listInFlight ? LIST_PAGE : 0);
        if (left <= 0) return;
        limit = Math.min(limit, left);
      }
      const began = deps.now();
      const listedThen = listed;
      const page = await gateway.scanDown(state.hi, state.lo, limit, properties);
      if (done) return;
      remainingAtStart ??= page.total;
      const lo = state.lo;
      // Records the upward reader covered while this page was on its way are read already.
      const fresh = lo === null ? page.results : page.results.filter((r) => compareIds(r.id, lo) > 0);
      take(fresh);
      pagesDone++;
      const lowest = fresh.at(-1);
      if (lowest) state.hi = lowest.id;
      slowestMs = Math.max(slowestMs, deps.now() - began);
      slowestSearchMs = Math.max(slowestSearchMs, slowestMs);
      gap = { left: page.total - page.results.length, listedThen };
      // Reached the upward reader, or read every id between the two: the scan is complete.
      const complete = page.results.length < limit || page.results.length >= page.total;
      if (fresh.length < page.results.length || complete) done = true;
    }
  };

  const guard = (reader: () => Promise<void>) => async () => {
    try {
      await reader();
    } catch (e) {
      failures.push(e);
    }
  };

  gateway.setDeadline(deadline);
  try {
    await Promise.all([guard(upward)(), guard(downward)()]);
  } finally {
    gateway.setDeadline(undefined);
  }
  for (const e of failures) {
    // A throttled or late page ends a reader; an invocation that read nothing has nothing to return.
    if (!(isEdgeFailure(e) && (e.retryable || e.deadline)) || pagesDone === 0) throw e;
  }
  return {
    state,
    scanned,
    done,
    remainingAtStart,
    unread: unreadRanges(start, state, done),
    slowestSearchMs,
  };
}

/** Progress 0..1 over all invocations: targets scanned so far against those known to exist. */
export function scanProgress(before: number, outcome: ScanOutcome): number {
  if (outcome.done) return 1;
  const seenTotal = before + (outcome.remainingAtStart ?? 0);
  return seenTotal === 0 ? 1 : Math.min(1, (before + outcome.scanned) / seenTotal);
}
