/** Domain values → the contract's DTOs (src/app/packages/contract/dto.ts). */
import type { FamilyDto, FamilySummaryDto, GroupDto, SliceDto } from '@goal-families/contract';
import type { Family, Finding, GoalTarget, TargetGroup } from '@goal-families/domain';
import {
  auditFamily,
  familyGrid,
  familyVersion,
  formatInstant,
  formatMoney,
  needsRepair,
  periodContaining,
  totals,
} from '@goal-families/domain';
import type { NameBook } from './names';
import { presentFinding } from './present-finding';

const iso = (ms: number | null) => (ms === null ? null : formatInstant(ms));
const money = (cents: bigint | null) => (cents === null ? null : formatMoney(cents));

function presentSlice(s: GoalTarget): SliceDto {
  return {
    id: s.id,
    start: iso(s.startMs),
    end: iso(s.endMs),
    targetAmount: money(s.targetCents),
    kpiValue: money(s.kpiCents),
    lastModified: iso(s.lastModifiedMs),
  };
}

async function presentGroup(
  group: TargetGroup,
  nowMs: number,
  names: NameBook,
  withSlices: boolean,
): Promise<GroupDto> {
  const t = totals(group.slices);
  const current = periodContaining(group.slices, nowMs);
  const assignee = group.assignee
    ? { ...group.assignee, ...withName(await names.name(group.assignee.kind, group.assignee.id)) }
    : null;
  const dto: GroupDto = {
    groupId: group.groupId,
    assignee,
    totalTarget: formatMoney(t.targetCents),
    totalKpi: formatMoney(t.kpiCents),
    current:
      current && current.startMs !== null && current.endMs !== null
        ? {
            sliceId: current.id,
            start: formatInstant(current.startMs),
            end: formatInstant(current.endMs),
            target: formatMoney(current.targetCents ?? 0n),
            kpi: formatMoney(current.kpiCents ?? 0n),
          }
        : null,
  };
  if (withSlices) dto.slices = group.slices.map(presentSlice);
  return dto;
}

const withName = (name: string | undefined) => (name === undefined ? {} : { name });

export type PresentOptions = {
  nowMs: number;
  names: NameBook;
  /** The default zone: breaks ties when reading each family's own zone from its slices. */
  timeZone: string;
  /** Every group's slices, none, or those of the groups this says (the card: the assignee's own). */
  withSlices: boolean | ((group: TargetGroup) => boolean);
};

export async function presentSummary(
  family: Family,
  o: PresentOptions,
  findings?: Finding[],
): Promise<FamilySummaryDto> {
  const found = findings ?? auditFamily(family, { timeZone: o.timeZone });
  const t = totals(family.slices);
  const starts = family.slices.map((s) => s.startMs).filter((v) => v !== null);
  const ends = family.slices.map((s) => s.endMs).filter((v) => v !== null);
  const groups: GroupDto[] = [];
  const slicesOf = o.withSlices;
  for (const g of family.groups) {
    const withSlices = typeof slicesOf === 'function' ? slicesOf(g) : slicesOf;
    groups.push(await presentGroup(g, o.nowMs, o.names, withSlices));
  }
  const { convention, milestone } = familyGrid(family, o.timeZone);
  return {
    uuid: family.uuid,
    name: family.name.value,
    goalType: family.goalType.value,
    milestone: family.milestone.value,
    periodKind: milestone,
    pipelineIds: family.pipelineIds.value,
    sliceCount: family.slices.length,
    periodStart: starts.length ? formatInstant(Math.min(...starts)) : null,
    periodEnd: ends.length ? formatInstant(Math.max(...ends)) : null,
    totalTarget: formatMoney(t.targetCents),
    totalKpi: formatMoney(t.kpiCents),
    groups,
    healthy: !needsRepair(found),
    findingCount: found.length,
    version: familyVersion(family.slices),
    convention,
  };
}

export async function presentFamily(family: Family, o: PresentOptions): Promise<FamilyDto> {
  const findings = auditFamily(family, { timeZone: o.timeZone });
  const summary = await presentSummary(family, { ...o, withSlices: true }, findings);
  const presented = [];
  for (const f of findings)
    presented.push(await presentFinding(f, family, { names: o.names, timeZone: o.timeZone }));
  return { ...summary, findings: presented };
}
