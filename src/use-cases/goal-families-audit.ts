/**
 * F8: a resumable health check over any portal size. Each call reads a bounded share of the portal
 * (`scan/bounded-scan.ts`: the list endpoint upwards and search downwards at once, meeting in the
 * middle), then fetches only the slices of the families it saw that lie outside what it read (a family
 * can straddle calls), and audits each family exactly once: in the call that read its lowest slice id.
 * Orphan slices (no uuid) are matched to a family through their target group, searched wherever it is.
 * The cursor carries the scan's state, the running counts, the settings' default zone (read once per
 * check) and the calls still inside HubSpot's rate windows, so that the next call continues at the
 * rate limit instead of bursting into 429s. Unfinished changes (a write-ahead journal entry that was
 * never closed) are reported beside the findings: the journal's newest on the first call, and those
 * of the families each call audits, read by key.
 * A full check also builds the family index the Families tab opens from (`family-index/`): each call
 * writes the rows of the families it audited into the generation of pages the stored index does not
 * use, and the last call points the index at them (best effort: a failed write costs the run its index,
 * never the check).
 */

import type { FindingDto, JournalEntryDto, Params } from '@goal-families/contract';
import { failure, type Result, success } from '@goal-families/contract';
import {
  auditFamily,
  auditOrphans,
  compareIds,
  groupFamilies,
  parseTarget,
  type RawGoalTarget,
} from '@goal-families/domain';
import { z } from 'zod';
import type { UseCaseDeps } from './deps';
import {
  type Generation,
  type IndexRow,
  MAX_INDEX_PAGES,
  metaRecord,
  packPages,
  pageRecords,
  readIndexMeta,
  rowOf,
} from './family-index/stored-index';
import { type CrmRecord, type IdRange, isEdgeFailure } from './ports';
import { type Entry, isUnfinished, parseEntry, presentEntry } from './safe-write/journal';
import { checkPendingEntries, readOpenEntries } from './safe-write/journal-lifecycle';
import { defaultZone, loadSettings } from './safe-write/permissions';
import { type ScanLimits, scanBounded, scanProgress } from './scan/bounded-scan';
import { fromStateCursor, RateUsageCursor, ScanStateCursor, toStateCursor } from './scan/scan-cursor';
import { decodeCursor, encodeCursor } from './support/cursor';
import { guarded } from './support/guard';
import { createNameBook } from './support/names';
import { presentFinding } from './support/present-finding';

const AuditCursor = z.object({
  s: ScanStateCursor,
  f: z.number().int().min(0),
  t: z.number().int().min(0),
  r: RateUsageCursor.optional(),
  /** The default zone the first call read from the settings: one zone for the whole check. */
  z: z.string().min(1).max(64).optional(),
  /**
   * The family index this check builds: the generation written into, pages written so far, the
   * watermark (also the run's identity), and `o` once the families outgrew the pages. Absent: none.
   */
  x: z
    .object({
      g: z.enum(['a', 'b']),
      p: z.number().int().min(0),
      w: z.number().int(),
      o: z.literal(1).optional(),
    })
    .optional(),
});

/**
 * The index's watermark is this long before the check started: changes made just before the start
 * may not yet show in the search the scan reads downwards with, and the refresh reads them again.
 */
export const INDEX_WATERMARK_LAG_MS = 60_000;
/** Pages are packed to this share of a record's limit, leaving room for rows to grow on a refresh. */
export const INDEX_PAGE_FILL = 0.9;

/**
 * Per invocation: reading stops 5 s after the start, less the time kept for fetching the straddling
 * families; at most 12,000 targets (memory: about 2.5 KiB of heap each while it runs). The fetch itself must end by `AUDIT_HARD_LIMIT_MS`,
 * well inside the 10 s a function may run.
 */
export const AUDIT_LIMITS: ScanLimits = { budgetMs: 5_000, maxTargets: 12_000, searchPage: 200 };
export const AUDIT_HARD_LIMIT_MS = 8_000;
/** Time for reading the audited families' unfinished changes after the fetch (one call per 100 families). */
export const UNFINISHED_READ_MS = 1_000;
/** The family index's rows: one batch upsert per call, kept time for like the names. */
const INDEX_WRITES = 1;

/** Families per `IN` search (the gateway's `MAX_IN_VALUES`): the straddle fetch makes one search per this many. */
const FAMILIES_PER_SEARCH = 100;
/** Owners and teams, read once each when a finding names someone (`support/names.ts`). */
const NAME_READS = 2;
/** At most this many new families in the pages still on their way (200 + 100 targets; families of a few slices). */
const FAMILIES_A_PAGE_MAY_ADD = 30;

export type AuditResult = {
  findings: FindingDto[];
  unfinished: JournalEntryDto[];
  scannedFamilies: number;
  scannedTargets: number;
  nextCursor: string | null;
  progress: number;
};

const within = (id: string, range: IdRange) =>
  (range.above === undefined || compareIds(id, range.above) > 0) &&
  (range.below === undefined || compareIds(id, range.below) < 0);

export function auditPortal(
  deps: UseCaseDeps,
  p: Params<'goal_families_audit'>,
  limits: ScanLimits = AUDIT_LIMITS,
): Promise<Result<AuditResult>> {
  return guarded(async () => {
    const cursor = decodeCursor(p.cursor, AuditCursor);
    if (cursor === 'invalid') return failure('VALIDATION_ERROR', 'cursor is not one this function returned');
    if (cursor?.r) deps.gateway.adoptRateUsage(cursor.r);
    const started = deps.now();
    const before = cursor?.t ?? 0;
    /** Unfinished changes: of the families audited here (by key, no lag), and the journal's newest. */
    const unfinished = new Map<string, Entry>();
    if (!cursor) {
      // Best effort, inside the invocation's budget: families whose slices are all gone have no page.
      deps.gateway.setDeadline(started + limits.budgetMs / 5);
      try {
        const recent = await deps.gateway.store.listJournal({ limit: 100 });
        for (const e of recent.entries.map(parseEntry)) if (e && isUnfinished(e)) unfinished.set(e.id, e);
      } catch (e) {
        if (!isEdgeFailure(e)) throw e;
      } finally {
        deps.gateway.setDeadline(undefined);
      }
    }
    // The settings' default zone, as create uses: it breaks ties when reading each family's own zone.
    // Read once per health check (the cursor carries it on).
    const zone = cursor?.z ?? defaultZone((await loadSettings(deps.gateway.store)).settings);
    let building = cursor ? cursor.x : await startIndex(deps, started);
    // A portal without the app's store gets it while the scan reads (best effort), so that writing the
    // index rows at the end is one call, not two one after the other.
    const storeReady = building ? deps.gateway.store.prepare().catch(() => undefined) : Promise.resolve();
    const ctx = { timeZone: zone };
    /** Families audited by this invocation: their open journal entries are read after the fetch. */
    const audited: string[] = [];
    // What the journal and settings reads took comes out of the scan's budget.
    const scanLimits = { ...limits, budgetMs: limits.budgetMs - (deps.now() - started) };
    /** What this call read, by family (orphans apart). */
    const read = new Map<string, CrmRecord[]>();
    const orphans: CrmRecord[] = [];
    const searchMs = 1_000 / deps.gateway.searchesPerSecond;
    // Time kept for the straddle fetch: a search per 100 families seen (counting the few families the
    // next page may add), each waiting its turn under the search limit, the orphans' search, and one
    // search's duration on top; then the names a finding shows (owners, teams: two reads) and the
    // family index's rows (one write).
    const reserve = (slowestSearchMs: number) =>
      (Math.ceil((read.size + FAMILIES_A_PAGE_MAY_ADD) / FAMILIES_PER_SEARCH) +
        (orphans.length > 0 ? 1 : 0)) *
        searchMs +
      slowestSearchMs +
      (NAME_READS + INDEX_WRITES) * slowestSearchMs;

    const outcome = await scanBounded(
      deps,
      cursor ? fromStateCursor(cursor.s) : null,
      scanLimits,
      (records) => {
        for (const r of records) {
          const uuid = r.properties.hs_group_correlation_uuid;
          const family = uuid ? read.get(uuid) : undefined;
          if (!uuid) orphans.push(r);
          else if (family) family.push(r);
          else read.set(uuid, [r]);
        }
      },
      undefined,
      reserve,
    );

    // The rest of every family seen: only its slices outside what this call read. And for orphans,
    // the slices of their target groups, wherever they are: which family a group belongs to.
    const orphanGroups = [
      ...new Set(orphans.map((r) => r.properties.hs_goal_target_group_id).filter((g) => !!g)),
    ] as string[];
    deps.gateway.setDeadline(started + AUDIT_HARD_LIMIT_MS);
    let rest: CrmRecord[];
    let groupsOfOrphans: CrmRecord[];
    try {
      rest = read.size > 0 ? await deps.gateway.searchByUuids([...read.keys()], outcome.unread) : [];
      groupsOfOrphans = orphanGroups.length > 0 ? await deps.gateway.searchByGroupIds(orphanGroups) : [];
    } finally {
      deps.gateway.setDeadline(undefined);
    }
    const records = [...[...read.values()].flat(), ...rest];
    const whole = groupFamilies(records.map((r) => parseTarget(r as RawGoalTarget))).families;
    // Names are read once per call, and only when a finding needs one.
    const names = createNameBook(deps.gateway);
    const findings: FindingDto[] = [];
    const rows: IndexRow[] = [];
    let families = cursor?.f ?? 0;
    for (const family of whole) {
      // Audited here only if this call read its lowest slice; another call audits it otherwise.
      const lowest = family.slices.map((s) => s.id).sort(compareIds)[0];
      if (lowest === undefined || outcome.unread.some((range) => within(lowest, range))) continue;
      families++;
      audited.push(family.uuid);
      const found = auditFamily(family, ctx);
      rows.push(rowOf(family, found, deps.now()));
      for (const f of found)
        findings.push(await presentFinding(f, family, { names, timeZone: ctx.timeZone }));
    }
    const parsedOrphans = orphans.map((r) => parseTarget(r as RawGoalTarget));
    const orphanHomes = groupFamilies(groupsOfOrphans.map((r) => parseTarget(r as RawGoalTarget))).families;
    const homes = [...whole, ...orphanHomes];
    const orphanCtx = {
      names,
      timeZone: ctx.timeZone,
      orphans: new Map(parsedOrphans.map((t) => [t.id, t])),
      familyNames: new Map(homes.map((f) => [f.uuid, f.name.value])),
    };
    for (const f of auditOrphans(parsedOrphans, homes))
      findings.push(await presentFinding(f, null, orphanCtx));
    // Unfinished changes of the families audited here, by key (no search lag): best effort, a little
    // past the fetch; the next health check finds what a failure here misses. Pending entries are then
    // checked against their families' newest entries (a copy of an earlier one is shown as not
    // trusted, without "finish" or "roll back").
    // The index rows (one call, best effort: a failure drops the index from the run) and the open
    // entries are written and read side by side: neither depends on the other.
    await storeReady;
    // One deadline for both: the index write keeps the hard limit it had alone, the read its second.
    deps.gateway.setDeadline(
      Math.max(
        started + AUDIT_HARD_LIMIT_MS,
        Math.min(deps.now(), started + AUDIT_HARD_LIMIT_MS) + UNFINISHED_READ_MS,
      ),
    );
    const indexWrite = building ? writeIndexRows(deps, building, rows, outcome.done) : undefined;
    try {
      for (const e of await readOpenEntries(deps.gateway.store, audited)) unfinished.set(e.id, e);
      for (const e of await checkPendingEntries(deps.gateway.store, [...unfinished.values()]))
        unfinished.set(e.id, e);
    } catch (e) {
      if (!isEdgeFailure(e)) throw e;
    } finally {
      building = await indexWrite;
      deps.gateway.setDeadline(undefined);
    }
    const targets = before + outcome.scanned;
    const next = outcome.done
      ? null
      : encodeCursor({
          s: toStateCursor(outcome.state),
          f: families,
          t: targets,
          r: deps.gateway.rateUsage(),
          z: zone,
          ...(building ? { x: building } : {}),
        });
    return success({
      findings,
      unfinished: [...unfinished.values()].map((e) =>
        presentEntry(e, { newest: false, changedSince: false }),
      ),
      scannedFamilies: families,
      scannedTargets: targets,
      nextCursor: next,
      progress: scanProgress(before, outcome),
    });
  });
}

type Building = NonNullable<z.infer<typeof AuditCursor>['x']>;

/** The first call of a check: which generation of pages it builds (the one the stored index does not use). */
async function startIndex(deps: UseCaseDeps, started: number): Promise<Building | undefined> {
  try {
    const meta = await readIndexMeta(deps.gateway.store);
    const g: Generation = meta?.gen === 'a' ? 'b' : 'a';
    return { g, p: 0, w: started - INDEX_WATERMARK_LAG_MS };
  } catch (e) {
    if (!isEdgeFailure(e)) throw e;
    return undefined;
  }
}

/**
 * This call's rows as pages of the generation being built; on the last call also the meta that makes
 * them the index (one batch upsert). Answers what the next call carries on, undefined after a failure.
 */
async function writeIndexRows(
  deps: UseCaseDeps,
  building: Building,
  rows: readonly IndexRow[],
  last: boolean,
): Promise<Building | undefined> {
  const store = deps.gateway.store;
  const pages = packPages(building.w, rows, Math.floor(store.maxPayloadChars * INDEX_PAGE_FILL));
  const overflow = building.o === 1 || building.p + pages.length > MAX_INDEX_PAGES;
  const at = new Date(deps.now()).toISOString();
  const records = overflow ? [] : pageRecords(building.g, building.p + 1, pages, at);
  const next: Building = overflow
    ? { g: building.g, p: building.p, w: building.w, o: 1 }
    : { ...building, p: building.p + pages.length };
  if (last)
    records.push(
      metaRecord(
        {
          gen: next.g,
          run: next.w,
          pages: next.p,
          builtAt: deps.now(),
          watermark: next.w,
          complete: next.o !== 1,
        },
        at,
      ),
    );
  try {
    await store.writeIndexRecords(records);
    return next;
  } catch (e) {
    if (!isEdgeFailure(e) && !(e instanceof RangeError)) throw e;
    return undefined;
  }
}
