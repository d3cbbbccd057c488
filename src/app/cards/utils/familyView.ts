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

export function assigneeLabel(group: GroupDto | null): string {
  const assignee = group?.assignee;
  if (!assignee) return 'No assignee';
  const name = assignee.name ?? `${assignee.kind === 'team' ? 'Team' : 'Owner'} ${assignee.id}`;
  return assignee.kind === 'team' ? `${name} (team)` : name;
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
