import type { Assignee, FamilySummaryDto, GroupDto, SliceDto } from '@goal-families/contract';

/** The group of the scope's assignee; the first group when the family has no such group. */
export function pickGroup(family: FamilySummaryDto, assignee: Assignee | null): GroupDto | null {
  if (assignee) {
    const match = family.groups.find(
      (g) => g.assignee?.kind === assignee.kind && g.assignee.id === assignee.id,
    );
    if (match) return match;
  }
  return family.groups[0] ?? null;
}

/** Slices in time order; slices without a start go last. */
export function orderedSlices(group: GroupDto | null): SliceDto[] {
  const slices = [...(group?.slices ?? [])];
  return slices.sort((a, b) => {
    if (a.start === null) return b.start === null ? 0 : 1;
    if (b.start === null) return -1;
    return Date.parse(a.start) - Date.parse(b.start);
  });
}

/** The slice whose period contains `now`, else the first future one. */
export function defaultSlice(slices: readonly SliceDto[], now: Date): SliceDto | null {
  const t = now.getTime();
  const current = slices.find((s) => s.start && s.end && Date.parse(s.start) <= t && t <= Date.parse(s.end));
  if (current) return current;
  return slices.find((s) => s.start && Date.parse(s.start) > t) ?? slices[0] ?? null;
}

/** Where a goal is in time for its assignee: running today, not started yet, or over. */
export type GoalPhase = 'running' | 'upcoming' | 'ended';

export function phaseOf(slices: readonly SliceDto[], now: Date): GoalPhase {
  const t = now.getTime();
  const dated = slices.filter((s) => s.start !== null && s.end !== null);
  if (dated.length === 0) return 'running';
  if (dated.every((s) => Date.parse(s.start as string) > t)) return 'upcoming';
  if (dated.every((s) => Date.parse(s.end as string) < t)) return 'ended';
  return 'running';
}

/** The first period's start: when an upcoming goal starts. */
export function firstStart(slices: readonly SliceDto[]): SliceDto | null {
  return slices.find((s) => s.start !== null) ?? null;
}
