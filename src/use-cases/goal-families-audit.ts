/**
 * F8: a resumable health check over any portal size. Each call scans a bounded number of pages of
 * targets in id order (`hs_object_id > lastId`, ascending: no 10,000-result cap), fetches the
 * families seen in full (a family can straddle pages), and audits each family exactly once: on the
 * page holding its lowest slice id. The cursor carries the last id and the running counts.
 */

import type { FindingDto, JournalEntryDto, Params } from '@goal-families/contract';
import { failure, type Result, success } from '@goal-families/contract';
import {
  auditFamily,
  auditOrphans,
  compareIds,
  type Family,
  groupFamilies,
  parseTarget,
  type RawGoalTarget,
} from '@goal-families/domain';
import { z } from 'zod';
import type { UseCaseDeps } from './deps';
import { isEdgeFailure } from './ports';
import { type Entry, isUnfinished, parseEntry, presentEntry } from './safe-write/journal';
import { checkPendingEntries, readOpenEntries } from './safe-write/journal-lifecycle';
import { defaultZone, loadSettings } from './safe-write/permissions';
import { type ScanLimits, scanBounded, scanProgress } from './scan/bounded-scan';
import { decodeCursor, encodeCursor } from './support/cursor';
import { guarded } from './support/guard';
import { createNameBook } from './support/names';
import { presentFinding } from './support/present-finding';

const AuditCursor = z.object({
  last: z.string().regex(/^\d{1,20}$/),
  f: z.number().int().min(0),
  t: z.number().int().min(0),
  /** The default zone the first call read from the settings: one zone for the whole check. */
  z: z.string().min(1).max(64).optional(),
});

/**
 * Per invocation: at most this many scan pages of 200 and this much time (well under 10 s). The time
 * is a bound, not a check: see the loop in `auditPortal`.
 */
export const AUDIT_LIMITS: ScanLimits = { pages: 8, pageSize: 200, budgetMs: 5_000 };
/** Time for reading the audited families' unfinished changes after the scan (one call per 100 families). */
export const UNFINISHED_READ_MS = 1_000;

export type AuditResult = {
  findings: FindingDto[];
  unfinished: JournalEntryDto[];
  scannedFamilies: number;
  scannedTargets: number;
  nextCursor: string | null;
  progress: number;
};

export function auditPortal(
  deps: UseCaseDeps,
  p: Params<'goal_families_audit'>,
): Promise<Result<AuditResult>> {
  return guarded(async () => {
    const cursor = decodeCursor(p.cursor, AuditCursor);
    if (cursor === 'invalid') return failure('VALIDATION_ERROR', 'cursor is not one this function returned');
    let families = cursor?.f ?? 0;
    const before = cursor?.t ?? 0;
    const findings: FindingDto[] = [];
    /** Unfinished changes: of the families audited here (by key, no lag), and the journal's newest. */
    const unfinished = new Map<string, Entry>();
    const started = deps.now();
    if (!cursor) {
      // Best effort, inside the invocation's budget: families whose slices are all gone have no page.
      deps.gateway.setDeadline(started + AUDIT_LIMITS.budgetMs / 5);
      try {
        const recent = await deps.gateway.store.listJournal({ limit: 100 });
        for (const e of recent.entries.map(parseEntry)) if (e && isUnfinished(e)) unfinished.set(e.id, e);
      } catch (e) {
        if (!isEdgeFailure(e)) throw e;
      } finally {
        deps.gateway.setDeadline(undefined);
      }
    }
    const fetched = new Set<string>();
    /** Families audited by this invocation: their open journal entries are read after the scan. */
    const audited: string[] = [];
    /** Every family fetched in this invocation: orphans are matched to them by group id. */
    const known: Family[] = [];
    // The settings' default zone, as create uses: it breaks ties when reading each family's own zone.
    // Read once per health check (the cursor carries it on), within the first page's time budget.
    let zone = cursor?.z ?? null;
    // Names are read once per call, and only when a finding needs one.
    const names = createNameBook(deps.gateway);

    const limits = { ...AUDIT_LIMITS, budgetMs: AUDIT_LIMITS.budgetMs - (deps.now() - started) };
    const outcome = await scanBounded(deps, cursor?.last ?? null, limits, async (scan, lowerBound) => {
      const pageZone = zone ?? defaultZone((await loadSettings(deps.gateway.store)).settings);
      const ctx = { timeZone: pageZone };
      const parsed = scan.results.map((r) => parseTarget(r as RawGoalTarget));
      // Families fetched earlier in this invocation were audited already (or belong to an earlier call).
      const uuids = [...new Set(parsed.map((t) => t.uuid).filter((u) => u !== null))].filter(
        (u) => !fetched.has(u),
      );
      const records = uuids.length > 0 ? await deps.gateway.searchByUuids(uuids) : [];
      const orphans = parsed.filter((t) => t.uuid === null);
      const whole = groupFamilies(records.map((r) => parseTarget(r as RawGoalTarget))).families;
      // Audit a family here only if its lowest id lies in this page; otherwise an earlier page did.
      const mine = whole.filter((f) => {
        const lowest = f.slices.map((s) => s.id).sort(compareIds)[0];
        return lowest !== undefined && (lowerBound === null || compareIds(lowest, lowerBound) > 0);
      });
      for (const family of whole) fetched.add(family.uuid);
      for (const family of mine) audited.push(family.uuid);
      known.push(...whole);
      for (const family of mine) {
        for (const f of auditFamily(family, ctx))
          findings.push(await presentFinding(f, family, { names, timeZone: ctx.timeZone }));
      }
      const orphanCtx = {
        names,
        timeZone: ctx.timeZone,
        orphans: new Map(orphans.map((t) => [t.id, t])),
        familyNames: new Map(known.map((f) => [f.uuid, f.name.value])),
      };
      for (const f of auditOrphans(orphans, known)) findings.push(await presentFinding(f, null, orphanCtx));
      families += mine.length;
      zone = pageZone;
    });
    // Unfinished changes of the families audited here, by key (no search lag): best effort, a little
    // past the scan's budget; the next health check finds what a failure here misses.
    // Pending entries are then checked against their families' newest entries (a copy of an earlier
    // one is shown as not trusted, without "finish" or "roll back").
    deps.gateway.setDeadline(started + AUDIT_LIMITS.budgetMs + UNFINISHED_READ_MS);
    try {
      for (const e of await readOpenEntries(deps.gateway.store, audited)) unfinished.set(e.id, e);
      for (const e of await checkPendingEntries(deps.gateway.store, [...unfinished.values()]))
        unfinished.set(e.id, e);
    } catch (e) {
      if (!isEdgeFailure(e)) throw e;
    } finally {
      deps.gateway.setDeadline(undefined);
    }
    const targets = before + outcome.scanned;
    const { last, done } = outcome;
    return success({
      findings,
      unfinished: [...unfinished.values()].map((e) =>
        presentEntry(e, { newest: false, changedSince: false }),
      ),
      scannedFamilies: families,
      scannedTargets: targets,
      nextCursor:
        done || last === null
          ? null
          : encodeCursor({ last, f: families, t: targets, ...(zone === null ? {} : { z: zone }) }),
      progress: scanProgress(before, outcome),
    });
  });
}
