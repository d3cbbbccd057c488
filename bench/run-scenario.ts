/**
 * Runs one scenario of the table through the real app functions and measures it. Data set-up (the
 * families to rename, the portal to check) is done first with latency and rate limits off, and is not
 * counted; the measured part then runs the way the UI runs it.
 */

import type { FunctionUid, ParamsInput } from '@goal-families/contract';
import { generatePortal } from '@goal-families/emulator';
import { expectedCalls } from './expected';
import type { Harness, Invocation } from './harness';
import type { ScenarioResult } from './result';
import { lowerBound, naiveCount, type Scenario } from './scenarios';

/** The UI's monthly fiscal year used by every family scenario. */
const FAMILY_SHAPE = { milestone: 'monthly', startDate: '2026-01-01', goalType: 'sales_quota' } as const;
/** A fixed uuid per family, chosen as the UI chooses it, so runs repeat. */
export const familyUuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A health check gives up after this many invocations (a loop that never ends is a bug to report). */
const MAX_AUDIT_INVOCATIONS = 5_000;

type Measured = {
  invocations: Invocation<FunctionUid>[];
  outcome: string;
  notes: string[];
  families: number;
};

const outcomeOf = (inv: Invocation<FunctionUid>) => (inv.result.ok ? 'ok' : inv.result.error.code);

/** A portal with enough owners for `assignees`, and no goals. */
export function emptyPortal(assignees: number) {
  return generatePortal({ targets: 0, owners: Math.max(40, assignees + 10) });
}

export function ownerIds(seed: ReturnType<typeof generatePortal>, count: number, from = 1): string[] {
  const ids = seed.owners.slice(from, from + count).map((o) => o.id);
  if (ids.length < count) throw new Error(`the portal has ${seed.owners.length} owners, ${count} needed`);
  return ids;
}

function createParams(uuid: string, name: string, owners: readonly string[], periods: number) {
  return {
    uuid,
    name,
    ...FAMILY_SHAPE,
    periodCount: periods,
    assignees: owners.map((id) => ({ kind: 'owner' as const, id })),
    spread: { mode: 'even' as const, total: '120000.00' },
  };
}

/** Creates a family through the function (set-up, not measured); throws if that fails. */
export async function setUpFamily(
  h: Harness,
  uuid: string,
  name: string,
  owners: readonly string[],
  periods: number,
) {
  const made = await h.invoke('goal_family_create', {
    ...createParams(uuid, name, owners, periods),
    dryRun: false,
  });
  if (!made.result.ok)
    throw new Error(`set-up of "${name}" failed: ${made.result.error.code} ${made.result.error.message}`);
}

/** The UI's way for a mutation: preview (dryRun), then apply with the preview's version. */
async function previewThenApply<U extends 'goal_family_update' | 'goal_family_archive'>(
  h: Harness,
  uid: U,
  params: Omit<ParamsInput<U>, 'caller' | 'portal' | 'dryRun' | 'version'>,
): Promise<Invocation<FunctionUid>[]> {
  const preview = await h.invoke(uid, { ...params, dryRun: true } as Omit<
    ParamsInput<U>,
    'caller' | 'portal'
  >);
  if (!preview.result.ok) return [preview];
  const version = (preview.result as { plan: { version: string } }).plan.version;
  const apply = await h.invoke(uid, { ...params, dryRun: false, version } as Omit<
    ParamsInput<U>,
    'caller' | 'portal'
  >);
  return [preview, apply];
}

async function firstPaint(h: Harness, s: Scenario): Promise<() => Promise<Measured>> {
  const seed = emptyPortal(s.assignees + 5);
  await h.load(seed);
  const [owner, other] = ownerIds(seed, 2);
  if (!owner || !other) throw new Error('no owners');
  // The owner first, then everyone else in the family (other owners than `other`).
  const assignees = [owner, ...ownerIds(seed, s.assignees - 1, 3)];
  for (let f = 0; f < s.families; f++) {
    await setUpFamily(h, familyUuid(100 + f), `Quota ${f + 1}`, assignees, s.periods);
  }
  // Someone else's family, so the owner filter has something to leave out.
  await setUpFamily(h, familyUuid(199), 'Not theirs', [other], s.periods);
  return async () => {
    // The card's first paint: settings and the owner's families in one call (FamiliesSection.tsx).
    const invocation = await h.invoke('goal_families_list', {
      filter: { ownerId: owner },
      view: 'card',
      limit: 50,
    });
    const list = invocation.result;
    const families = list.ok ? (list as { families: { partial?: boolean }[] }).families : [];
    const partial = families.filter((f) => f.partial).length;
    return {
      invocations: [invocation],
      outcome: outcomeOf(invocation),
      notes: [
        `one invocation (goal_families_list, view card); ${families.length} families shown` +
          (partial > 0 ? `, ${partial} of them from the owner's own slices (too large to read whole)` : ''),
      ],
      families: s.families,
    };
  };
}

/** The settings page opens one family: its detail with every slice (`goal_family_get`). */
async function openFamily(h: Harness, s: Scenario): Promise<() => Promise<Measured>> {
  const seed = emptyPortal(s.assignees);
  await h.load(seed);
  const uuid = familyUuid(4);
  await setUpFamily(h, uuid, 'FY26 quota', ownerIds(seed, s.assignees), s.periods);
  return async () => {
    const invocations = [await h.invoke('goal_family_get', { uuid })];
    return {
      invocations,
      outcome: invocations.map(outcomeOf).find((o) => o !== 'ok') ?? 'ok',
      notes: [],
      families: 1,
    };
  };
}

async function rename(h: Harness, s: Scenario): Promise<() => Promise<Measured>> {
  const seed = emptyPortal(s.assignees);
  await h.load(seed);
  const uuid = familyUuid(1);
  await setUpFamily(h, uuid, 'FY26 quota', ownerIds(seed, s.assignees), s.periods);
  return async () => {
    const invocations = await previewThenApply(h, 'goal_family_update', {
      uuid,
      changes: { name: 'FY26 new-business quota' },
    });
    return {
      invocations,
      outcome: invocations.map(outcomeOf).find((o) => o !== 'ok') ?? 'ok',
      notes: [],
      families: 1,
    };
  };
}

async function archive(h: Harness, s: Scenario): Promise<() => Promise<Measured>> {
  const seed = emptyPortal(s.assignees);
  await h.load(seed);
  const uuid = familyUuid(2);
  await setUpFamily(h, uuid, 'FY26 quota', ownerIds(seed, s.assignees), s.periods);
  return async () => {
    const invocations = await previewThenApply(h, 'goal_family_archive', { uuid });
    return {
      invocations,
      outcome: invocations.map(outcomeOf).find((o) => o !== 'ok') ?? 'ok',
      notes: [],
      families: 1,
    };
  };
}

async function create(h: Harness, s: Scenario): Promise<() => Promise<Measured>> {
  const seed = emptyPortal(s.assignees);
  await h.load(seed);
  const owners = ownerIds(seed, s.assignees);
  // The app's store (custom object schema) exists in any portal that has used the app.
  await setUpFamily(h, familyUuid(9), 'Earlier goal', [owners[0] ?? ''], 12);
  return async () => {
    const params = createParams(familyUuid(3), 'FY26 quota', owners, s.periods);
    const preview = await h.invoke('goal_family_create', { ...params, dryRun: true });
    const invocations: Invocation<FunctionUid>[] = [preview];
    if (preview.result.ok)
      invocations.push(await h.invoke('goal_family_create', { ...params, dryRun: false }));
    return {
      invocations,
      outcome: invocations.map(outcomeOf).find((o) => o !== 'ok') ?? 'ok',
      notes: [],
      families: 1,
    };
  };
}

async function health(h: Harness, s: Scenario): Promise<() => Promise<Measured>> {
  const seed = generatePortal({ targets: s.size });
  const families = new Set(
    (seed.objects.goal_targets ?? []).map((r) => r.properties.hs_group_correlation_uuid),
  ).size;
  await h.load(seed);
  return async () => {
    const invocations: Invocation<FunctionUid>[] = [];
    let cursor: string | undefined;
    let findings = 0;
    let scannedFamilies = 0;
    let scannedTargets = 0;
    for (;;) {
      const inv = await h.invoke('goal_families_audit', cursor ? { cursor } : {});
      invocations.push(inv);
      if (!inv.result.ok) break;
      const page = inv.result as {
        nextCursor: string | null;
        findings: unknown[];
        scannedFamilies: number;
        scannedTargets: number;
      };
      findings += page.findings.length;
      scannedFamilies = page.scannedFamilies;
      scannedTargets = page.scannedTargets;
      if (page.nextCursor === null) break;
      if (invocations.length >= MAX_AUDIT_INVOCATIONS) {
        return {
          invocations,
          outcome: 'DID_NOT_FINISH',
          notes: [`stopped after ${MAX_AUDIT_INVOCATIONS} invocations`],
          families,
        };
      }
      cursor = page.nextCursor;
    }
    const notes = [
      `portal: ${s.size.toLocaleString('en-US')} targets in ${families.toLocaleString('en-US')} families (generated, healthy)`,
      `scanned ${scannedTargets.toLocaleString('en-US')} targets and ${scannedFamilies.toLocaleString('en-US')} families; ${findings} findings`,
    ];
    const complete = scannedTargets === s.size && scannedFamilies === families;
    return {
      invocations,
      outcome: invocations.map(outcomeOf).find((o) => o !== 'ok') ?? (complete ? 'ok' : 'INCOMPLETE_SCAN'),
      notes,
      families,
    };
  };
}

function expectedBound(s: Scenario) {
  const e = expectedCalls(s);
  return e ? { calls: e.total, formula: e.formula } : null;
}

/**
 * The Families tab unfiltered, as it opens once a health check has run: the set-up (not measured)
 * runs a full health check, which builds the family index in the app's store; the measured part is
 * the tab's first page, one `goal_families_index` call with `source: store` on a new function
 * instance. (Its background refresh is a second call, after the page shows.)
 */
async function adminList(h: Harness, s: Scenario): Promise<() => Promise<Measured>> {
  const seed = generatePortal({ targets: s.size });
  const families = new Set(
    (seed.objects.goal_targets ?? []).map((r) => r.properties.hs_group_correlation_uuid),
  ).size;
  await h.load(seed);
  // The health check runs as it would in HubSpot (latency and rate limits, on the virtual clock), so
  // that its invocations keep their time budgets; its calls are not counted (`measure` again below).
  await h.measure();
  let checks = 0;
  let cursor: string | undefined;
  for (;;) {
    const inv = await h.invoke('goal_families_audit', cursor ? { cursor } : {});
    checks++;
    if (!inv.result.ok)
      throw new Error(`set-up health check failed: ${inv.result.error.code} ${inv.result.error.message}`);
    const next = (inv.result as { nextCursor: string | null }).nextCursor;
    if (next === null) break;
    if (checks >= MAX_AUDIT_INVOCATIONS) throw new Error('set-up health check did not finish');
    cursor = next;
  }
  await h.setUp();
  return async () => {
    const inv = await h.invoke('goal_families_index', { source: 'store' });
    const answer = inv.result as { entries?: unknown[]; stored?: unknown };
    const shown = answer.entries?.length ?? 0;
    const notes = [
      `portal: ${s.size.toLocaleString('en-US')} targets in ${families.toLocaleString('en-US')} families (generated, healthy)`,
      `index: built by a health check of ${checks} invocations (set-up); the first page: 1 invocation reading ${shown.toLocaleString('en-US')} families from the app's store`,
    ];
    const complete = answer.stored != null && shown === families;
    return {
      invocations: [inv],
      outcome: outcomeOf(inv) !== 'ok' ? outcomeOf(inv) : complete ? 'ok' : 'INCOMPLETE_INDEX',
      notes,
      families,
    };
  };
}

const SET_UP: Record<Scenario['kind'], (h: Harness, s: Scenario) => Promise<() => Promise<Measured>>> = {
  'first-paint': firstPaint,
  'open-family': openFamily,
  'admin-list': adminList,
  rename,
  archive,
  create,
  health,
};

export async function runScenario(h: Harness, s: Scenario): Promise<ScenarioResult> {
  const body = await SET_UP[s.kind](h, s);
  await h.measure();
  const realStart = performance.now();
  const started = await h.now();
  const m = await body();
  const simulatedMs = (await h.now()) - started;
  const realMs = performance.now() - realStart;
  await h.setUp();
  const callsByEndpoint = await h.counters();
  const statuses = await h.statuses();
  const metrics = m.invocations.map((i) => i.metrics);
  return {
    scenario: s,
    families: m.families,
    invocations: m.invocations.length,
    callsByEndpoint,
    totalCalls: Object.values(callsByEndpoint).reduce((a, b) => a + b, 0),
    throttled: statuses.counts[429] ?? 0,
    throttledSearch: statuses.searchThrottled,
    lowerBound: lowerBound(s),
    naive: naiveCount(s, m.families),
    expected: expectedBound(s),
    simulatedMs,
    longestInvocationMs: Math.max(0, ...m.invocations.map((i) => i.simulatedMs)),
    realMs,
    invocationMetrics: metrics,
    peakHeapBytes: Math.max(0, ...metrics.map((x) => x.heapBytes)),
    peakRssBytes: Math.max(0, ...metrics.map((x) => x.rssBytes)),
    largestResponseBytes: Math.max(0, ...metrics.map((x) => x.responseBytes)),
    mostLogBytes: Math.max(0, ...metrics.map((x) => x.logBytes)),
    outcome: m.outcome,
    notes: m.notes,
  };
}
