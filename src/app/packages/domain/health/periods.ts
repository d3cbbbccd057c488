/** Periods: readable, aligned to the family's grid, not overlapping, none missing. */
import { compareIds, type Family, majorityPipelineIdsRaw, type TargetGroup } from '../grouping';
import { formatInstant } from '../instant';
import { formatMoney, sumCents } from '../money';
import {
  gridNearestStart,
  gridPeriodFrom,
  gridPeriodStart,
  gridPeriodsBetween,
  type Period,
  type PeriodGrid,
} from '../periods';
import { PROP } from '../properties';
import { newSliceProperties } from '../slice-properties';
import type { GoalTarget } from '../target';
import { agree, analyseFamily, groupLabel, have, slices } from './analysis';
import { type Finding, type HealthRule, makeFinding } from './rule';

/** The most grid periods the missing-period check walks (about 20 years of weeks). */
export const MAX_GRID_PERIODS = 1_100;

type Readable = GoalTarget & { startMs: number; endMs: number };
const isReadable = (t: GoalTarget): t is Readable =>
  t.startMs !== null && t.endMs !== null && t.endMs > t.startMs;
/** The end as an exclusive bound, whatever the slice's own style. */
const exclusiveEnd = (endMs: number): number => (((endMs % 1000) + 1000) % 1000 === 999 ? endMs + 1 : endMs);
const day = (ms: number): string => formatInstant(ms).slice(0, 10);

function eachGroupWithGrid(
  family: Family,
  ctx: Parameters<HealthRule['check']>[1],
  visit: (group: TargetGroup, grid: PeriodGrid, readable: Readable[]) => Finding | null,
): Finding[] {
  const { grid } = analyseFamily(family, ctx);
  if (grid === null) return [];
  const findings: Finding[] = [];
  for (const group of family.groups) {
    const f = visit(group, grid, group.slices.filter(isReadable));
    if (f !== null) findings.push(f);
  }
  return findings;
}

export const periodsUnreadable: HealthRule = {
  id: 'periods-unreadable',
  severity: 'error',
  title: 'Slices whose start or end is missing, not a date, or not after the start',
  check(family) {
    const findings: Finding[] = [];
    for (const group of family.groups) {
      const bad = group.slices.filter((t) => !isReadable(t));
      if (bad.length === 0) continue;
      findings.push(
        makeFinding(
          periodsUnreadable,
          family.uuid,
          group.groupId ?? 'none',
          `${slices(bad.length)} in ${groupLabel(group.groupId)} ${have(bad.length)} no usable period (start or end missing, not a date, or the end not after the start).`,
          bad.map((t) => t.id),
          null,
        ),
      );
    }
    return findings;
  },
};

export const periodsMisaligned: HealthRule = {
  id: 'periods-misaligned',
  // The guide: starts must be the first millisecond of their period, ends the last (or, in the
  // exclusive convention HubSpot's own samples use, the next period's first).
  severity: 'error',
  title: "Slice boundaries not on the family's period grid (or in another end style)",
  check(family, ctx) {
    const { grid: familyGrid } = analyseFamily(family, ctx);
    if (familyGrid === null) return [];
    // When no slice of the family starts on the grid, its zone was searched among every IANA zone
    // and none fits: moving every slice would be a guess, so no repair.
    const readable = family.slices.filter(isReadable);
    const wholesale =
      readable.length > 1 && readable.every((t) => gridPeriodStart(familyGrid, t.startMs) !== t.startMs);
    return eachGroupWithGrid(family, ctx, (group, grid, inGroup) => {
      const updates: { id: string; properties: Record<string, string> }[] = [];
      for (const t of inGroup) {
        const p = gridPeriodFrom(grid, gridNearestStart(grid, t.startMs));
        if (p.startMs === t.startMs && p.endMs === t.endMs) continue;
        const properties: Record<string, string> = {};
        if (p.startMs !== t.startMs) properties[PROP.start] = formatInstant(p.startMs);
        if (p.endMs !== t.endMs) properties[PROP.end] = formatInstant(p.endMs);
        updates.push({ id: t.id, properties });
      }
      if (updates.length === 0) return null;
      const where = `the ${grid.milestone} schedule (${grid.timeZone}, ${grid.endStyle} ends)`;
      return makeFinding(
        periodsMisaligned,
        family.uuid,
        group.groupId ?? 'none',
        wholesale
          ? `No slice of this family starts at the beginning of a ${grid.milestone} period in any time zone, so the app cannot tell which periods are meant. Set each slice's start and end in HubSpot.`
          : `${slices(updates.length)} in ${groupLabel(group.groupId)} ${agree(updates.length, 'starts or ends', 'start or end')} off ${where}.`,
        updates.map((u) => u.id),
        wholesale
          ? null
          : {
              kind: 'set-properties',
              description: `Snap ${slices(updates.length)} to the nearest ${grid.milestone} period boundaries`,
              updates,
            },
      );
    });
  },
};

export const periodsOverlap: HealthRule = {
  id: 'periods-overlap',
  severity: 'error',
  title: 'Slices of one target group whose periods overlap (including duplicates)',
  check(family, ctx) {
    return eachGroupWithGrid(family, ctx, (group, _grid, readable) => {
      const overlapping = new Set<string>();
      const duplicates: GoalTarget[] = [];
      let previous: Readable | null = null;
      let maxEnd = Number.NEGATIVE_INFINITY;
      // Slices are ordered by start; each overlaps the one reaching furthest before it.
      const firstOfPeriod = new Map<string, Readable>();
      for (const t of readable) {
        if (t.startMs < maxEnd && previous !== null) {
          overlapping.add(previous.id);
          overlapping.add(t.id);
        }
        const key = `${t.startMs}|${t.endMs}`;
        const first = firstOfPeriod.get(key);
        if (first === undefined) firstOfPeriod.set(key, t);
        else duplicates.push(olderFirst(first, t)[1]);
        if (exclusiveEnd(t.endMs) > maxEnd) {
          maxEnd = exclusiveEnd(t.endMs);
          previous = t;
        }
      }
      if (overlapping.size === 0) return null;
      const ids = [...overlapping].sort(compareIds);
      const onlyDuplicates = everyOverlapIsDuplicate(readable, overlapping);
      const dropped = sumCents(duplicates.map((t) => t.targetCents));
      return makeFinding(
        periodsOverlap,
        family.uuid,
        group.groupId ?? 'none',
        `${slices(ids.length)} in ${groupLabel(group.groupId)} overlap in time` +
          (duplicates.length > 0
            ? `; ${slices(duplicates.length)} duplicate another slice's period exactly.`
            : '.'),
        ids,
        onlyDuplicates
          ? {
              kind: 'archive-slices',
              description: `Archive ${slices(duplicates.length)} that duplicate an older slice's period (the group's total drops by ${formatMoney(dropped)})`,
              ids: duplicates.map((t) => t.id).sort(compareIds),
            }
          : null,
      );
    });
  },
};

/** [kept, archived]: the older slice (by creation, then id) is kept. */
function olderFirst(a: GoalTarget, b: GoalTarget): [GoalTarget, GoalTarget] {
  const ca = a.createdMs ?? Number.POSITIVE_INFINITY;
  const cb = b.createdMs ?? Number.POSITIVE_INFINITY;
  if (ca !== cb) return ca < cb ? [a, b] : [b, a];
  return compareIds(a.id, b.id) <= 0 ? [a, b] : [b, a];
}

/** True when every overlapping slice shares its exact period with another slice. */
function everyOverlapIsDuplicate(readable: readonly Readable[], overlapping: ReadonlySet<string>): boolean {
  const counts = new Map<string, number>();
  for (const t of readable)
    counts.set(`${t.startMs}|${t.endMs}`, (counts.get(`${t.startMs}|${t.endMs}`) ?? 0) + 1);
  const periods = new Set<string>();
  for (const t of readable) if (overlapping.has(t.id)) periods.add(`${t.startMs}|${t.endMs}`);
  if ([...periods].some((k) => (counts.get(k) ?? 0) < 2)) return false;
  // Distinct periods must not overlap one another.
  const sorted = [...periods]
    .map((k) => k.split('|').map(Number) as [number, number])
    .sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < sorted.length; i++) {
    if ((sorted[i] as [number, number])[0] < exclusiveEnd((sorted[i - 1] as [number, number])[1]))
      return false;
  }
  return true;
}

export const periodsMissing: HealthRule = {
  id: 'periods-missing',
  // The guide: dates must be sequential, one object per period.
  severity: 'error',
  title: "Periods in the family's span that a target group has no slice for",
  check(family, ctx) {
    const { grid } = analyseFamily(family, ctx);
    if (grid === null) return [];
    const starts = family.slices.filter(isReadable).map((t) => t.startMs);
    if (starts.length === 0) return [];
    const from = gridPeriodStart(grid, Math.min(...starts));
    const span = gridPeriodsBetween(grid, from, Math.max(...starts), MAX_GRID_PERIODS);
    if (span === null) return [];
    const pipelineIdsRaw = majorityPipelineIdsRaw(family);
    const findings: Finding[] = [];
    for (const group of family.groups) {
      if (group.groupId === null) continue;
      const missing = uncovered(span, group.slices.filter(isReadable));
      if (missing.length === 0) continue;
      const groupId = group.groupId;
      const created = missing.map((p) => ({
        groupId,
        startMs: p.startMs,
        endMs: p.endMs,
        properties: newSliceProperties({
          uuid: family.uuid,
          groupId,
          name: family.name.value,
          goalType: family.goalType.value,
          milestone: family.milestone.value,
          pipelineIdsRaw,
          assignee: group.assignee,
          startMs: p.startMs,
          endMs: p.endMs,
          targetCents: 0n,
        }),
      }));
      const list =
        missing.length <= 4
          ? missing.map((p) => day(p.startMs)).join(', ')
          : `${day((missing[0] as Period).startMs)} and ${missing.length - 1} more`;
      findings.push(
        makeFinding(
          periodsMissing,
          family.uuid,
          groupId,
          `${groupLabel(groupId)} has no slice for ${missing.length} ${grid.milestone} period${missing.length === 1 ? '' : 's'} that the rest of the family covers (${list}).`,
          group.slices.map((t) => t.id),
          {
            kind: 'create-missing-slices',
            description: `Create ${slices(missing.length)} with target 0.00 for ${groupLabel(groupId)}`,
            slices: created,
          },
        ),
      );
    }
    return findings;
  },
};

/** Grid periods no slice overlaps; both lists ordered by start. */
function uncovered(span: readonly Period[], ordered: readonly Readable[]): Period[] {
  const missing: Period[] = [];
  let j = 0;
  let maxEnd = Number.NEGATIVE_INFINITY;
  for (const p of span) {
    const pEnd = exclusiveEnd(p.endMs);
    while (j < ordered.length && (ordered[j] as Readable).startMs < pEnd) {
      maxEnd = Math.max(maxEnd, exclusiveEnd((ordered[j] as Readable).endMs));
      j++;
    }
    if (maxEnd <= p.startMs) missing.push(p);
  }
  return missing;
}
