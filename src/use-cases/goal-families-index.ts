/**
 * The admin panel's family index: a resumable scan of every target (`scan/bounded-scan.ts`: the list
 * endpoint upwards and search downwards at once), bounded per call like the health check, reading only
 * the few properties a list filters and sorts on. Each call returns what it saw of each family; a
 * family straddling calls shows up in several responses and the client merges them by uuid. No family
 * is fetched whole here: one list call per 100 targets or one search per 200, whatever the families' sizes.
 * With `source: store` the index a full health check stored is answered instead (`family-index/`).
 */

import type { FamilyIndexEntry, Params } from '@goal-families/contract';
import { failure, type Result, success } from '@goal-families/contract';
import { formatInstant, PROP, parseTarget, type RawGoalTarget } from '@goal-families/domain';
import { z } from 'zod';
import type { UseCaseDeps } from './deps';
import { answerFromStore } from './family-index/from-store';
import { type ScanLimits, scanBounded, scanProgress } from './scan/bounded-scan';
import { fromStateCursor, RateUsageCursor, ScanStateCursor, toStateCursor } from './scan/scan-cursor';
import { decodeCursor, encodeCursor } from './support/cursor';
import { guarded } from './support/guard';

const IndexCursor = z.object({
  s: ScanStateCursor,
  t: z.number().int().min(0),
  r: RateUsageCursor.optional(),
});

export type IndexLimits = ScanLimits;

/** Per invocation, as the health check: 5 s of reading (well under 10 s), at most 20,000 targets. */
export const INDEX_LIMITS: IndexLimits = { budgetMs: 5_000, maxTargets: 20_000, searchPage: 200 };

/** Only what the list filters, sorts and shows before the page's summaries arrive. */
export const INDEX_PROPERTIES: readonly string[] = [
  PROP.objectId,
  PROP.uuid,
  PROP.name,
  PROP.goalType,
  PROP.milestone,
  PROP.ownerId,
  PROP.teamId,
  PROP.start,
  PROP.end,
];

export type IndexResult = {
  entries: FamilyIndexEntry[];
  stored?: { builtAt: string; freshAt: string } | null;
  nextCursor: string | null;
  /** The calls still inside HubSpot's rate windows, for the call after the scan (encoded). */
  budget: string;
  progress: number;
  scannedTargets: number;
};

type Building = {
  uuid: string;
  name: string;
  goalType: string;
  milestone: string;
  ownerIds: Set<string>;
  teamIds: Set<string>;
  sliceCount: number;
  startMs: number | null;
  endMs: number | null;
};

const minOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
const maxOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

export function indexFamilies(
  deps: UseCaseDeps,
  p: Params<'goal_families_index'>,
  limits: IndexLimits = INDEX_LIMITS,
): Promise<Result<IndexResult>> {
  return guarded(async () => {
    // The index the health check keeps: one call whatever the portal's size.
    if (p.source === 'store') return success(await answerFromStore(deps, p));
    const cursor = decodeCursor(p.cursor, IndexCursor);
    if (cursor === 'invalid') return failure('VALIDATION_ERROR', 'cursor is not one this function returned');
    if (cursor?.r) deps.gateway.adoptRateUsage(cursor.r);
    const before = cursor?.t ?? 0;
    const seen = new Map<string, Building>();
    const outcome = await scanBounded(
      deps,
      cursor ? fromStateCursor(cursor.s) : null,
      limits,
      (records) => {
        for (const record of records) {
          const t = parseTarget(record as RawGoalTarget);
          if (t.uuid === null) continue; // an orphan belongs to no family; the health check reports it
          let entry = seen.get(t.uuid);
          if (!entry) {
            entry = {
              uuid: t.uuid,
              name: t.name,
              goalType: t.goalType,
              milestone: t.milestone,
              ownerIds: new Set(),
              teamIds: new Set(),
              sliceCount: 0,
              startMs: null,
              endMs: null,
            };
            seen.set(t.uuid, entry);
          }
          if (t.ownerId) entry.ownerIds.add(t.ownerId);
          if (t.teamId) entry.teamIds.add(t.teamId);
          entry.sliceCount++;
          entry.startMs = minOf(entry.startMs, t.startMs);
          entry.endMs = maxOf(entry.endMs, t.endMs);
        }
      },
      INDEX_PROPERTIES,
    );
    const targets = before + outcome.scanned;
    const usage = deps.gateway.rateUsage();
    const next = outcome.done
      ? null
      : encodeCursor({ s: toStateCursor(outcome.state), t: targets, r: usage });
    return success({
      entries: [...seen.values()].map((e) => ({
        uuid: e.uuid,
        name: e.name,
        goalType: e.goalType,
        milestone: e.milestone,
        ownerIds: [...e.ownerIds].sort(),
        teamIds: [...e.teamIds].sort(),
        sliceCount: e.sliceCount,
        periodStart: e.startMs === null ? null : formatInstant(e.startMs),
        periodEnd: e.endMs === null ? null : formatInstant(e.endMs),
      })),
      nextCursor: next,
      budget: encodeCursor(usage),
      progress: scanProgress(before, outcome),
      scannedTargets: targets,
    });
  });
}
