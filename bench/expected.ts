/**
 * What this implementation must spend, per endpoint, for the deterministic scenarios: the safe-write
 * protocol's price written as a formula (src/use-cases/safe-write/: run-mutation.ts, apply-plan.ts, read-family.ts),
 * so that the smoke test catches any change in the number of calls, and the report can show it next
 * to the lower bound.
 *
 * Every invocation of a mutation first checks permission: the caller in HubSpot's users API (super
 * admin, teams) and the settings record, read by its unique key (no search, never cached) in one store
 * batch read with the family's open and newest journal entries — and, when the invocation applies, the
 * stored family index. The custom object's type id comes from the schema listing once per function
 * instance: each measured scenario starts with new instances (bench/runner/function-runner.ts), so its
 * first invocation of a function lists the schemas and the later ones (the apply after the preview)
 * do not. Loading a family is a search by uuid (200 a page) and a batch read of those ids (100 a
 * call), so that the version check never compares against a lagging search index. Applying records
 * the plan as a pending journal entry first (write-ahead; it cannot be created when another change
 * was applied since the read, so the journal is not read again), writes in batches of 100, verifies,
 * then closes the entry (when the family has a newest entry already, that one steps back in the same
 * batch update). Verifying reads nothing back for creates and updates whose batch answers show every
 * value written (every one, here: no faults); archives are read back by id (HubSpot answers them
 * with no body).
 */
import { CARD_WHOLE_FAMILY_PAGES } from '../src/use-cases/support/card-view';
import { BATCH, SEARCH_PAGE } from './formulas';
import { familySlices, type Scenario } from './scenarios';

const pages = (n: number, perPage: number) => (n <= 0 ? 0 : Math.ceil(n / perPage));

/** Endpoint keys with the custom object's type id written as `{customType}` (it differs per portal). */
export const normaliseEndpoint = (key: string) => key.replace(/\/2-\d+(?=\/|$)/g, '/{customType}');

export function normaliseCounts(counts: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(counts)) {
    const key = normaliseEndpoint(k);
    out[key] = (out[key] ?? 0) + v;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

const T = '/crm/v3/objects/goal_targets';
const STORE = '/crm/v3/objects/{customType}';
const USER = 'GET /settings/users/2026-03/{userId}';

export type Expected = { byEndpoint: Record<string, number>; total: number; formula: string };

const withTotal = (byEndpoint: Record<string, number>, formula: string): Expected => ({
  byEndpoint: Object.fromEntries(
    Object.entries(byEndpoint)
      .filter(([, v]) => v > 0)
      .sort(([a], [b]) => a.localeCompare(b)),
  ),
  total: Object.values(byEndpoint).reduce((a, b) => a + b, 0),
  formula,
});

/**
 * Preview (dryRun) then apply, as the UI does, without 429s. `null` for scenarios whose count depends
 * on the data's shape (the health check: how families straddle scan pages). The admin list's first
 * page reads the stored index whatever the portal's size.
 */
export function expectedCalls(s: Scenario): Expected | null {
  const n = s.size;
  const sp = pages(n, SEARCH_PAGE);
  const b = pages(n, BATCH);
  switch (s.kind) {
    case 'rename':
    case 'archive': {
      const write = s.kind === 'rename' ? `POST ${T}/batch/update` : `POST ${T}/batch/archive`;
      // The family by id in the preview and the apply; an archive is then read back (verify).
      const reads = s.kind === 'rename' ? 2 : 3;
      return withTotal(
        {
          // The preview's instance lists the schemas; the apply runs on it warm.
          'GET /crm/v3/schemas': 1,
          [USER]: 2,
          [`POST ${T}/search`]: 2 * sp,
          [`POST ${T}/batch/read`]: reads * b,
          [write]: b,
          [`POST ${STORE}`]: 1,
          // The settings and the journal by key, one read per invocation (the apply's reads the
          // stored family index too: none here, no health check ran).
          [`POST ${STORE}/batch/read`]: 2,
          // The family's previous newest entry steps back and this one is closed as the newest, in
          // one batch update.
          [`POST ${STORE}/batch/update`]: 1,
          // The preview names each target's assignee (the apply does not: the UI named them already).
          'GET /crm/v3/owners': 1,
        },
        `8 + 2⌈n/${SEARCH_PAGE}⌉ + ${reads + 1}⌈n/${BATCH}⌉`,
      );
    }
    case 'create':
      return withTotal(
        {
          'GET /crm/v3/schemas': 1,
          [USER]: 2,
          // Retry safety: what already exists under the client-chosen uuid (nothing, the first time).
          [`POST ${T}/search`]: 2,
          // The portal's hs_milestone options, read once per invocation (the value to write).
          'GET /crm/v3/properties/goal_targets': 2,
          // The answers show every property written: nothing is read back.
          [`POST ${T}/batch/create`]: b,
          [`POST ${STORE}`]: 1,
          // The settings and the journal by key, one read per invocation (with the index in the apply's).
          [`POST ${STORE}/batch/read`]: 2,
          // A new family has no newest entry to move back: only this one is closed.
          [`PATCH ${STORE}/{id}`]: 1,
          'GET /crm/v3/owners': 1,
        },
        `12 + ⌈n/${BATCH}⌉`,
      );
    case 'first-paint': {
      // One invocation: the caller (users API), the settings (by unique key; a new instance lists the schemas first) and the owner's
      // slices at once; the families shown read whole (paged) if they fit the card's budget, else only
      // the page that says they do not; the owners' names.
      const t = Math.max(1, pages(familySlices(s), SEARCH_PAGE));
      return withTotal(
        {
          'GET /crm/v3/schemas': 1,
          [`GET ${STORE}/{id}`]: 1,
          [USER]: 1,
          [`POST ${T}/search`]: Math.max(1, sp) + (t <= CARD_WHOLE_FAMILY_PAGES ? t : 1),
          'GET /crm/v3/owners': 1,
        },
        `4 + ⌈S/${SEARCH_PAGE}⌉ + (⌈T/${SEARCH_PAGE}⌉ ≤ ${CARD_WHOLE_FAMILY_PAGES} ? ⌈T/${SEARCH_PAGE}⌉ : 1)`,
      );
    }
    case 'open-family':
      // The family's slices by search (ids), their values by batch read, the assignees' names.
      return withTotal(
        { [`POST ${T}/search`]: sp, [`POST ${T}/batch/read`]: b, 'GET /crm/v3/owners': 1 },
        `1 + ⌈n/${SEARCH_PAGE}⌉ + ⌈n/${BATCH}⌉`,
      );
    case 'admin-list':
      // The first page from the stored family index: the schema listing (a new function instance)
      // and the index by one batch read by key, whatever the portal's size.
      return withTotal({ 'GET /crm/v3/schemas': 1, [`POST ${STORE}/batch/read`]: 1 }, '2');
    case 'health':
      return null;
  }
}

/** Calls of the apply invocation alone (the longer of the two): what one function call must fit in its time. */
export function applyInvocationCalls(kind: 'rename' | 'archive' | 'create', n: number): number {
  const sp = pages(n, SEARCH_PAGE);
  const b = pages(n, BATCH);
  // the user (1) and the schema listing (1) + the settings, journal and index by key (1) + load
  // (search, batch read) + pending entry (1) + write + verify + close (1: the newest entry steps back,
  // and a stored index's changed page is written, in the same batch update).
  // Verify reads back only archives (the update and create answers prove the writes); create: its
  // load finds nothing, and it reads the portal's hs_milestone options (1). Counted as on a new
  // function instance (the schema listing included): the apply may meet one.
  if (kind === 'create') return 7 + b;
  return kind === 'archive' ? 5 + sp + 3 * b : 5 + sp + 2 * b;
}

/** `applyInvocationCalls` as a formula, for the report. */
export function applyInvocationFormula(kind: 'rename' | 'archive' | 'create'): string {
  if (kind === 'create') return `7 + ⌈n/${BATCH}⌉`;
  return `5 + ⌈n/${SEARCH_PAGE}⌉ + ${kind === 'archive' ? 3 : 2}⌈n/${BATCH}⌉`;
}

/**
 * The largest family (in whole batches of 100 slices) whose apply invocation, made of sequential calls
 * at `latencyMs` each, fits in `budgetMs` — ignoring throttles and retries, so an upper limit.
 */
export function largestFamilyWithin(
  kind: 'rename' | 'archive' | 'create',
  latencyMs: number,
  budgetMs: number,
): number {
  let n = 0;
  while (applyInvocationCalls(kind, n + BATCH) * latencyMs <= budgetMs && n < 1_000_000) n += BATCH;
  return n;
}
