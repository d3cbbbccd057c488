/**
 * The performance goals the benchmark checks on every run, each as a column of the report's goals
 * table: met, not met, or — where a goal does not concern a scenario. The numbers come from HubSpot's
 * limits: the rate-limit floor of a scan (`formulas.ts`), 10 s per function execution (so one
 * invocation stays under 6 s), 128 MB of memory (the heap stays under half), a 6 MB payload (the
 * response under 1 MB) and 4 KB of logs per invocation. The rename apply's call target counts the
 * calls the family's size needs (a search per 200, a batch read and a batch update per 100) plus a
 * fixed allowance for everything else.
 */
import type { ScenarioResult } from './result';
import { rateFloor } from './scenarios';

export type Verdict = 'met' | 'not met' | '—';

export type Goal = {
  id: string;
  /** Column heading. */
  label: string;
  /** The goal in a sentence, for the legend. */
  text: string;
  check: (r: ScenarioResult) => Verdict;
};

const MiB = 1024 * 1024;
export const SCAN_FLOOR_FACTOR = 1.5;
export const LONGEST_INVOCATION_MS = 6_000;
export const HEAP_LIMIT_BYTES = 64 * MiB;
export const RESPONSE_LIMIT_BYTES = 1_000_000;
export const LOG_LIMIT_BYTES = 4 * 1024;
/** The Families tab's first page: one invocation and at most this many HubSpot calls. */
export const FIRST_PAGE_CALLS = 3;

/** The rename apply's fixed allowance: calls besides ⌈n/200⌉ searches + 2⌈n/100⌉ reads and updates. */
export const RENAME_APPLY_FIXED_CALLS = 2;

/** The rename apply's target for n slices: ⌈n/200⌉ + 2⌈n/100⌉ + 2. */
export const renameApplyTarget = (n: number) =>
  Math.ceil(n / 200) + 2 * Math.ceil(n / 100) + RENAME_APPLY_FIXED_CALLS;

const callsOf = (m: ScenarioResult['invocationMetrics'][number]) =>
  Object.values(m.calls).reduce((a, b) => a + b, 0);

const verdict = (ok: boolean): Verdict => (ok ? 'met' : 'not met');

/** The invocations that show the Families tab's first page (the stored index read; a scan before the first health check). */
export function firstPageOf(r: ScenarioResult): { invocations: number; calls: number } {
  return {
    invocations: r.invocationMetrics.length,
    calls: r.invocationMetrics.reduce((n, m) => n + callsOf(m), 0),
  };
}

/** The calls of a rename's apply invocation (the one after the preview), or null for other scenarios. */
export function renameApplyCalls(r: ScenarioResult): number | null {
  const apply = r.invocationMetrics.at(-1);
  return r.scenario.kind === 'rename' && apply ? callsOf(apply) : null;
}

export const GOALS: readonly Goal[] = [
  {
    id: 'scan-floor',
    label: `scan ≤ ${SCAN_FLOOR_FACTOR}× floor, no 429`,
    text: `a health check finishes within ${SCAN_FLOOR_FACTOR}× the rate-limit floor min(⌈N/100⌉/19, ⌈N/200⌉/5) s, with no 429 in the run`,
    check: (r) =>
      r.scenario.kind !== 'health'
        ? '—'
        : verdict(r.simulatedMs <= SCAN_FLOOR_FACTOR * rateFloor(r.scenario).ms && r.throttled === 0),
  },
  {
    id: 'longest-invocation',
    label: 'every invocation < 6 s',
    text: 'no invocation takes 6 s or more (HubSpot stops a function at 10 s)',
    check: (r) => verdict(r.longestInvocationMs < LONGEST_INVOCATION_MS),
  },
  {
    id: 'heap',
    label: 'heap < 64 MiB',
    text: 'every invocation peaks under 64 MiB of heap (HubSpot gives a function 128 MB)',
    check: (r) => verdict(r.peakHeapBytes < HEAP_LIMIT_BYTES),
  },
  {
    id: 'response',
    label: 'response < 1 MB',
    text: 'every response is under 1 MB (HubSpot allows 6 MB)',
    check: (r) => verdict(r.largestResponseBytes < RESPONSE_LIMIT_BYTES),
  },
  {
    id: 'logs',
    label: 'logs < 4 KB',
    text: 'a normal call logs under 4 KB (HubSpot keeps 4 KB per invocation)',
    check: (r) => verdict(r.mostLogBytes < LOG_LIMIT_BYTES),
  },
  {
    id: 'rename-apply',
    label: `rename apply ≤ ⌈n/200⌉ + 2⌈n/100⌉ + ${RENAME_APPLY_FIXED_CALLS} calls`,
    text: `the apply of a rename of n slices makes at most ⌈n/200⌉ + 2⌈n/100⌉ + ${RENAME_APPLY_FIXED_CALLS} HubSpot calls (docs/safe-writes.md says which fixed calls the app makes on top of the size's, and why)`,
    check: (r) => {
      const calls = renameApplyCalls(r);
      return calls === null ? '—' : verdict(calls <= renameApplyTarget(r.scenario.size));
    },
  },
  {
    id: 'first-page',
    label: `Families tab: 1 invocation, ≤ ${FIRST_PAGE_CALLS} calls`,
    text: `the Families tab shows its first page in one invocation and at most ${FIRST_PAGE_CALLS} HubSpot calls`,
    check: (r) => {
      if (r.scenario.kind !== 'admin-list') return '—';
      const first = firstPageOf(r);
      return verdict(first.invocations === 1 && first.calls <= FIRST_PAGE_CALLS);
    },
  },
];
