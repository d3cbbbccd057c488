/**
 * The admin panel's family index: a resumable scan of every target in id order (`hs_object_id >
 * lastId`, no 10,000-result cap), bounded per call like the health check (`audit.ts`), reading only
 * the few properties a list filters and sorts on. Each call returns what it saw of each family; a
 * family straddling calls shows up in several responses and the client merges them by uuid. No
 * family is fetched whole here: one search call per 200 targets, whatever the families' sizes.
 */

import type { FamilyIndexEntry, Params } from '@goal-families/contract';
import { failure, type Result, success } from '@goal-families/contract';
import { formatInstant, PROP, parseTarget, type RawGoalTarget } from '@goal-families/domain';
import { z } from 'zod';
import type { UseCaseDeps } from './deps';
import { type ScanLimits, scanBounded, scanProgress } from './scan/bounded-scan';
import { decodeCursor, encodeCursor } from './support/cursor';
import { guarded } from './support/guard';

const IndexCursor = z.object({
  last: z.string().regex(/^\d{1,20}$/),
  t: z.number().int().min(0),
});

export type IndexLimits = ScanLimits;

/** Per invocation, as the health check: at most 8 scan pages of 200 and 5 s (well under 10 s). */
export const INDEX_LIMITS: IndexLimits = { pages: 8, pageSize: 200, budgetMs: 5_000 };

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
  nextCursor: string | null;
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
    const cursor = decodeCursor(p.cursor, IndexCursor);
    if (cursor === 'invalid') return failure('VALIDATION_ERROR', 'cursor is not one this function returned');
    const before = cursor?.t ?? 0;
    const seen = new Map<string, Building>();
    const outcome = await scanBounded(
      deps,
      cursor?.last ?? null,
      limits,
      (scan) => {
        for (const record of scan.results) {
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
    const { last, done } = outcome;
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
      nextCursor: done || last === null ? null : encodeCursor({ last, t: targets }),
      progress: scanProgress(before, outcome),
      scannedTargets: targets,
    });
  });
}
